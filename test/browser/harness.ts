/**
 * Browser-test harness, shared by every test in test/browser/:
 *  - findBrowser(): a system Chromium / Chrome / Edge (CHROME_PATH, /usr/bin/chromium, …, installed channels);
 *  - describeWithBrowser(): runs the tests with a browser, or reports them as skipped with a loud
 *    line (fails instead when REQUIRE_BROWSER=1);
 *  - serveDir(): a tiny static file server on 127.0.0.1 (the page's own origin);
 *  - openPage(): a page whose every request is guarded: requests to the page's own origin pass,
 *    listed stubs (e.g. Microsoft's office.js CDN) are fulfilled locally, anything else is aborted
 *    and recorded as a failure. Page errors and console errors are recorded too.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { staticHandler } from "../../scripts/static-server";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const INSTALL_HINT = "apt-get install chromium fonts-noto-cjk";

const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Installed Chrome / Edge, where their channels install them. */
function channelPaths(): string[] {
  switch (process.platform) {
    case "win32": {
      const roots = [process.env["PROGRAMFILES"], process.env["PROGRAMFILES(X86)"], process.env["LOCALAPPDATA"]].filter(
        (r): r is string => Boolean(r)
      );
      return roots.flatMap((r) => [
        path.join(r, "Google", "Chrome", "Application", "chrome.exe"),
        path.join(r, "Microsoft", "Edge", "Application", "msedge.exe"),
      ]);
    }
    case "darwin":
      return [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
      ];
    default:
      return ["/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"];
  }
}

/** The browser the tests use, or undefined. CHROME_PATH wins; a CHROME_PATH that does not exist is ignored. */
function findBrowser(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    ...channelPaths(),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function browserRequired(): boolean {
  return process.env.REQUIRE_BROWSER === "1";
}

/**
 * describe() with a browser. Without one: the tests are skipped with a loud line, or, with
 * REQUIRE_BROWSER=1, a failing test says what is missing.
 */
export function describeWithBrowser(name: string, body: (browserPath: string) => void): void {
  const browserPath = findBrowser();
  if (browserPath) {
    describe(name, () => body(browserPath));
    return;
  }
  const where =
    `no Chromium, Chrome or Edge found ` +
    `(CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, installed channels). ` +
    `Install one: ${INSTALL_HINT}`;
  if (browserRequired()) {
    const line = `浏览器测试失败 / BROWSER TESTS FAILED (${name}): REQUIRE_BROWSER=1 but ${where}`;
    describe(name, () => {
      test("a browser is installed (REQUIRE_BROWSER=1)", () => {
        throw new Error(line);
      });
    });
    return;
  }
  const line = `浏览器测试已跳过 / BROWSER TESTS SKIPPED (${name}): ${where}`;
  console.warn(`\n${"!".repeat(100)}\n${line}\n${"!".repeat(100)}\n`);
  describe.skip(name, () => body(""));
}

export interface StaticServer {
  readonly origin: string;
  /** Paths requested, in order (with their status). */
  readonly log: { path: string; status: number }[];
  close(): Promise<void>;
}

/** Serves `root` on http://127.0.0.1:<free port>/. Extra mounts map a URL prefix to another folder. */
export async function serveDir(root: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const log: { path: string; status: number }[] = [];
  const server = http.createServer(
    staticHandler(root, { mounts, cacheControl: "no-store", onServed: (p, status) => log.push({ path: p, status }) })
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches the browser with a fresh profile directory (removed on close). */
export async function launchBrowser(executablePath: string): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-browser-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: BROWSER_ARGS,
    viewport: { width: 420, height: 720 },
    locale: "zh-CN",
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Stub {
  readonly contentType: string;
  readonly body: string;
}

export interface GuardedPage {
  readonly page: Page;
  /** Uncaught exceptions and console.error messages of the page. */
  readonly errors: string[];
  /** Requests to another origin that were not stubbed: each one is a failure. */
  readonly foreignRequests: string[];
  /** Requests answered by a stub (e.g. office.js from Microsoft's CDN). */
  readonly stubbed: string[];
  /** Every request URL, in order. */
  readonly requests: string[];
}

/**
 * A new page in `session` where only `origin` is reachable. `stubs` maps exact URLs outside the
 * origin that the page is expected to request (office.js from the CDN) to local answers.
 */
export async function openPage(
  session: BrowserSession,
  origin: string,
  stubs: Record<string, Stub> = {}
): Promise<GuardedPage> {
  const page = await session.context.newPage();
  const result: GuardedPage = { page, errors: [], foreignRequests: [], stubbed: [], requests: [] };
  page.on("pageerror", (err) => result.errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") result.errors.push(`console.error: ${msg.text()}`);
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    result.requests.push(url);
    const stub = stubs[url];
    if (stub) {
      result.stubbed.push(url);
      await route.fulfill({ status: 200, contentType: stub.contentType, body: stub.body });
    } else if (new URL(url).origin === origin) {
      await route.continue();
    } else {
      result.foreignRequests.push(url);
      await route.abort("blockedbyclient");
    }
  });
  return result;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Builds dist/ (production) when it is missing. `npm test` builds before jest; this is for running
 * jest alone.
 */
export function ensureBuilt(outputPath: string = DIST, env: Record<string, string> = {}): void {
  if (fs.existsSync(path.join(outputPath, "taskpane.html"))) return;
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outputPath],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } }
  );
}
