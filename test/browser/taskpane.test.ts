/**
 * The built pages in a real browser, outside Office: the task pane renders the product name with
 * no page errors when office.js is absent; the ribbon's function file registers its functions; the
 * stand-alone page renders without office.js and loads the sample from its own origin (its whole
 * workflow is in web.test.ts); and the OFFICE_JS=local build loads office.js from its own origin.
 * Every request must go to the page's own origin; the only exceptions are stubbed: office.js from Microsoft's CDN (the default build's script tag) and, with the real
 * office.js, office.js's own telemetry frame.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  DIST,
  OFFICE_JS_CDN,
  ROOT,
  describeWithBrowser,
  ensureBuilt,
  launchBrowser,
  openPage,
  screenshot,
  serveDir,
  type BrowserSession,
  type StaticServer,
  type Stub,
} from "./harness";

const EMPTY_SCRIPT: Stub = { contentType: "text/javascript", body: "/* office.js absent */" };

/** A fake office.js that records Office.actions.associate calls (as Excel's would register them). */
const RECORDING_OFFICE_JS: Stub = {
  contentType: "text/javascript",
  body: `window.__associated = [];
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function (cb) { var info = { host: null, platform: null }; if (cb) setTimeout(function () { cb(info); }, 0); return Promise.resolve(info); },
  actions: { associate: function (name, fn) { window.__associated.push([name, typeof fn]); } }
};`,
};

/** office.js, outside an Office host, loads Microsoft's telemetry proxy frame after 3 s. Not our request. */
const OFFICE_JS_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";

function scriptSrcs(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
}

describeWithBrowser("pages in a browser outside Office", (browserPath) => {
  let server: StaticServer;
  let session: BrowserSession;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveDir(DIST, { "/samples": path.join(ROOT, "samples") });
    session = await launchBrowser(browserPath);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test("the default build loads office.js from Microsoft's CDN on the Office pages only", () => {
    const taskpane = scriptSrcs(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
    const commands = scriptSrcs(fs.readFileSync(path.join(DIST, "commands.html"), "utf8"));
    const web = scriptSrcs(fs.readFileSync(path.join(DIST, "web.html"), "utf8"));
    // the build scripts/test.js makes is the default one (not OFFICE_JS=local)
    expect(taskpane[0]).toBe(OFFICE_JS_CDN);
    expect(commands[0]).toBe(OFFICE_JS_CDN);
    expect(web.some((s) => /office/i.test(s))).toBe(false);
    // everything else is served by the add-in itself (relative URLs)
    for (const src of [...taskpane.slice(1), ...commands.slice(1), ...web]) expect(src).not.toMatch(/^[a-z]+:|^\/\//i);
  });

  test("taskpane.html renders the product name without office.js, with no errors", async () => {
    const g = await openPage(session, server.origin, { [OFFICE_JS_CDN]: EMPTY_SCRIPT });
    await g.page.goto(`${server.origin}/taskpane.html`);
    await g.page.getByRole("heading", { name: "绩效目标表助手" }).waitFor({ timeout: 15_000 });
    await expect(g.page.getByTestId("host-status").innerText()).resolves.toContain("不在 Excel 中运行");
    expect(await g.page.title()).toBe("绩效目标表助手");
    await screenshot(g.page, "taskpane-browser");
    expect(g.errors).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    expect(g.stubbed).toEqual([OFFICE_JS_CDN]);
    await g.page.close();
  });

  test("commands.html registers checkWorkbook and clearMarks with Office.actions.associate", async () => {
    const g = await openPage(session, server.origin, { [OFFICE_JS_CDN]: RECORDING_OFFICE_JS });
    await g.page.goto(`${server.origin}/commands.html`);
    await g.page.waitForFunction(
      () => ((window as unknown as { __associated: unknown[] }).__associated ?? []).length >= 2
    );
    const associated = await g.page.evaluate(
      () => (window as unknown as { __associated: [string, string][] }).__associated
    );
    expect(associated).toEqual([
      ["checkWorkbook", "function"],
      ["clearMarks", "function"],
    ]);
    expect(g.errors).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    await g.page.close();
  });

  test("commands.html loads without errors when office.js is absent", async () => {
    const g = await openPage(session, server.origin, { [OFFICE_JS_CDN]: EMPTY_SCRIPT });
    await g.page.goto(`${server.origin}/commands.html`, { waitUntil: "load" });
    expect(g.errors).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    await g.page.close();
  });

  test("web.html renders the product name, loads the sample from its own origin and never requests office.js", async () => {
    const g = await openPage(session, server.origin);
    await g.page.setViewportSize({ width: 1000, height: 700 });
    await g.page.goto(`${server.origin}/web.html?sample=liupanshui-2025.xlsx`);
    await g.page.getByRole("heading", { name: "绩效目标表助手" }).waitFor({ timeout: 15_000 });
    await g.page.getByRole("button", { name: /^一键校验/ }).waitFor({ timeout: 30_000 });
    expect(g.requests).toContain(`${server.origin}/samples/liupanshui-2025.xlsx`);
    await screenshot(g.page, "web-browser");
    expect(g.errors).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
    expect(g.requests.some((u) => /office/i.test(u))).toBe(false);
    await g.page.close();
  });

  test("a ?sample= that is not a plain .xlsx file name is ignored", async () => {
    const g = await openPage(session, server.origin);
    await g.page.goto(`${server.origin}/web.html?sample=${encodeURIComponent("../x.xlsx")}`);
    await g.page.getByRole("heading", { name: "绩效目标表助手" }).waitFor({ timeout: 15_000 });
    await g.page.getByRole("button", { name: "打开工作簿文件" }).waitFor();
    expect(g.requests.some((u) => /^\/samples\/|\/x\.xlsx$/.test(new URL(u).pathname))).toBe(false);
    expect(g.errors).toEqual([]);
    await g.page.close();
  });

  describe("OFFICE_JS=local build (intranet option)", () => {
    let localDist: string;
    let localServer: StaticServer;

    beforeAll(async () => {
      localDist = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-dist-local-"));
      execFileSync(
        process.execPath,
        [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", localDist],
        { cwd: ROOT, stdio: "pipe", env: { ...process.env, OFFICE_JS: "local" } }
      );
      localServer = await serveDir(localDist);
    }, 300_000);

    afterAll(async () => {
      await localServer?.close();
      if (localDist) fs.rmSync(localDist, { recursive: true, force: true });
    });

    test("office.js comes from the add-in's own origin and the task pane renders", async () => {
      const html = fs.readFileSync(path.join(localDist, "taskpane.html"), "utf8");
      expect(scriptSrcs(html)[0]).toBe("office-js/office.js");
      expect(fs.existsSync(path.join(localDist, "office-js", "office.js"))).toBe(true);
      const g = await openPage(session, localServer.origin, {
        [OFFICE_JS_TELEMETRY]: { contentType: "text/html", body: "" },
      });
      await g.page.goto(`${localServer.origin}/taskpane.html`);
      await g.page.getByRole("heading", { name: "绩效目标表助手" }).waitFor({ timeout: 15_000 });
      // the real office.js, outside Office: Office.onReady resolves with no host → browser preview
      await g.page.waitForFunction(
        () => document.querySelector("[data-testid=host-status]")?.textContent?.includes("不在 Excel 中运行"),
        undefined,
        { timeout: 15_000 }
      );
      expect(g.requests).toContain(`${localServer.origin}/office-js/office.js`);
      expect(g.requests.filter((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
      expect(g.errors).toEqual([]);
      expect(g.foreignRequests).toEqual([]);
      await g.page.close();
    });
  });
});
