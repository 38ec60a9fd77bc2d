/**
 * 批量校验 in Chromium (dist/web.html): a folder of mixed .xlsx / .xls / corrupt / encrypted /
 * unsupported files picked with the folder picker; the summary (files, verdicts, counts, each
 * file's findings) is the CLI's `check --json` on the same folder; the HTML report downloaded is
 * the CLI's --html page (same summary rows, same charts); the .zip of marked copies keeps the
 * folders and re-opens (marks, 校验报告 sheet); a file opens in the single-file view with its
 * marks; 取消 stops a batch; a drop of files starts one. Every request stays on the page's origin.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { encryptedOle, runCli, SAMPLE } from "../cli/helpers";
import {
  DIST,
  ROOT,
  describeWithBrowser,
  ensureBuilt,
  expectClean,
  launchBrowser,
  openPage,
  screenshot,
  serveDir,
  type BrowserSession,
  type GuardedPage,
  type StaticServer,
} from "./harness";

const XLS = path.join(ROOT, "test", "fixtures", "xls");
const REAL = path.join(ROOT, "test", "fixtures", "real");

interface JsonFile {
  file: string;
  error: string | null;
  tables: unknown[];
  findings: { rule: string; severity: "error" | "warning" | "info"; sheet: string; cell: string; message: string }[];
}

/** The batch folder: 批量/…, with a file of every kind. */
function makeBatch(root: string): string {
  const dir = path.join(root, "批量");
  const put = (rel: string, bytes: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), bytes);
  };
  put("县区/钟山区.xlsx", fs.readFileSync(SAMPLE));
  put("县区/水城区.xls", fs.readFileSync(path.join(XLS, "liupanshui-2025.xls")));
  put("市本级/农田.xls", fs.readFileSync(path.join(XLS, "real", "03-hunan-yueyangxian-2022-gaobiaozhun-nongtian.xls")));
  put("市本级/农田.xlsx", fs.readFileSync(path.join(REAL, "03-hunan-yueyangxian-2022-gaobiaozhun-nongtian.xlsx")));
  put("市本级/党校.xlsx", fs.readFileSync(path.join(REAL, "08-hubei-huangshi-dangxiao-2022-project-pifu.xlsx")));
  put("损坏.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(2000, 7)]));
  put("加密.xlsx", encryptedOle());
  put("网页导出.xls", "<html><body><table><tr><td>项目</td></tr></table></body></html>");
  put("金山.et", "x");
  put("说明.docx", "x");
  put("~$钟山区.xlsx", "lock");
  return dir;
}

function cliVerdict(f: JsonFile): string {
  if (f.error && f.tables.length === 0 && f.findings.length === 0) return "无法读取";
  if (f.tables.length === 0) return "未识别到绩效目标表";
  return f.findings.some((x) => x.severity === "error") ? "需修改后再提交" : "可以提交";
}

function counts(f: JsonFile): number[] {
  return (["error", "warning", "info"] as const).map((s) => f.findings.filter((x) => x.severity === s).length);
}

/** The web page's table, row by row: file, verdict, counts. */
async function webRows(page: Page): Promise<{ file: string; verdict: string; counts: number[] }[]> {
  return page.locator("[data-testid=batch-table] tbody tr[data-file]").evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = Array.from(tr.querySelectorAll("td"));
      return {
        file: tr.getAttribute("data-file") ?? "",
        verdict: cells[2].textContent ?? "",
        counts: [3, 4, 5].map((i) => Number(cells[i].textContent)),
      };
    })
  );
}

/** The part of a report page that does not depend on who made it, when, or where the copies went. */
function comparable(html: string): string {
  return html
    .replace(/<p class="meta">生成时间：[^<]*<\/p>/, "")
    .replace(/<p class="note">标注副本：[^<]*<\/p>/g, "")
    .replace(/<p class="problem">[^<]*<\/p>/g, '<p class="problem"></p>');
}

async function openBatch(g: GuardedPage, origin: string): Promise<void> {
  await g.page.setViewportSize({ width: 1280, height: 900 });
  await g.page.goto(`${origin}/web.html`);
  await g.page.getByRole("tab", { name: "批量校验" }).click();
  await g.page.getByTestId("batch-view").waitFor();
}

describeWithBrowser("批量校验 in the web page", (browserPath) => {
  let server: StaticServer;
  let session: BrowserSession;
  let tmp: string;
  let batch: string;
  let cli: JsonFile[];
  let cliHtml: string;

  beforeAll(async () => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-target-batch-"));
    batch = makeBatch(tmp);
    const r = await runCli(["check", "批量", "--json", "--html", "报告.html", "--out", "副本"], { cwd: tmp });
    expect(r.code).toBe(2);
    cli = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
    cliHtml = fs.readFileSync(path.join(tmp, "报告.html"), "utf8");
    server = await serveDir(DIST);
    session = await launchBrowser(browserPath);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("a folder: the summary is the CLI's --json; report, zip, a file opened with its marks", async () => {
    expect(cli.map((f) => f.file)).toEqual([
      "批量/加密.xlsx",
      "批量/县区/水城区.xls",
      "批量/县区/钟山区.xlsx",
      "批量/市本级/党校.xlsx",
      "批量/市本级/农田.xls",
      "批量/市本级/农田.xlsx",
      "批量/损坏.xlsx",
      "批量/网页导出.xls",
      "批量/金山.et",
    ]);
    // the CLI checks the .xls as the .xlsx it came from
    const byName = new Map(cli.map((f) => [f.file, f]));
    expect(byName.get("批量/县区/水城区.xls")!.findings).toEqual(byName.get("批量/县区/钟山区.xlsx")!.findings);
    expect(byName.get("批量/市本级/农田.xls")!.findings).toEqual(byName.get("批量/市本级/农田.xlsx")!.findings);
    expect(byName.get("批量/网页导出.xls")!.error).toContain("网页（HTML）格式的表格，只是扩展名为 .xls。");

    const g = await openPage(session, server.origin);
    const page = g.page;
    await openBatch(g, server.origin);
    await page.getByTestId("batch-folder").setInputFiles(batch);
    await page.getByTestId("batch-totals").waitFor({ timeout: 120_000 });
    await expect(page.getByTestId("batch-totals").innerText()).resolves.toContain("共检查 9 个文件");
    await page.getByText("已跳过 2 个不是 .xlsx 或 .xls 工作簿的文件").waitFor({ timeout: 10_000 });

    // the same files, verdicts and counts as the CLI
    const rows = await webRows(page);
    expect(rows.map((r) => r.file)).toEqual(cli.map((f) => f.file));
    expect(rows.map((r) => r.verdict)).toEqual(cli.map(cliVerdict));
    expect(rows.map((r) => r.counts)).toEqual(cli.map(counts));
    expect(rows.map((r) => r.verdict)).toEqual(expect.arrayContaining(["需修改后再提交", "无法读取"]));

    // a file's findings, expanded: the CLI's, in its order
    await page.getByRole("button", { name: "展开“批量/县区/水城区.xls”的问题" }).click();
    const shown = await page
      .getByRole("list", { name: "“批量/县区/水城区.xls”的问题" })
      .locator("li")
      .evaluateAll((li) => li.map((x) => x.textContent ?? ""));
    const expected = byName.get("批量/县区/水城区.xls")!.findings;
    expect(shown).toHaveLength(expected.length);
    expected.forEach((f, i) => expect(shown[i]).toContain(`${f.sheet}!${f.cell} [${f.rule}] ${f.message}`));
    await screenshot(page, "web-batch");

    // sorting and the filter
    await page.getByRole("button", { name: "按“错误”排序" }).click();
    const sorted = await webRows(page);
    expect(sorted[0].counts[0]).toBe(Math.max(...cli.map((f) => counts(f)[0])));
    await page.getByTestId("only-failing").click();
    const failing = await webRows(page);
    expect(failing.length).toBe(cli.filter((f) => cliVerdict(f) === "无法读取" || counts(f)[0] > 0).length);
    expect(failing.length).toBeLessThan(cli.length);
    await page.getByTestId("only-failing").click();

    // the charts: inline SVG, every bar's number as text
    const charts = page.getByTestId("batch-charts");
    expect(await charts.locator("svg[role=img]").count()).toBe(3);
    await expect(charts.innerText()).resolves.toContain("问题按规则");

    // the HTML report: the CLI's page, but for who made it and when
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载网页报告" }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^校验报告-\d{8}-\d{4}\.html$/);
    const html = fs.readFileSync((await report.path())!, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(comparable(html).replace(/绩效目标表助手网页版/, "X")).toBe(
      comparable(cliHtml).replace(/perf-target [\d.]+/, "X")
    );

    // the zip: folders kept, the .xls copies as 原名-已校验.xlsx, each re-opens with marks and its report sheet
    const [zipDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载标注副本（.zip）" }).click(),
    ]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await zipDownload.path())!));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort();
    expect(names).toEqual(
      [
        "批量/县区/水城区-已校验.xlsx",
        "批量/县区/钟山区.xlsx",
        "批量/市本级/党校.xlsx",
        "批量/市本级/农田-已校验.xlsx",
        "批量/市本级/农田.xlsx",
      ].sort()
    );
    for (const [name, source] of [
      ["批量/县区/水城区-已校验.xlsx", "批量/县区/水城区.xls"],
      ["批量/县区/钟山区.xlsx", "批量/县区/钟山区.xlsx"],
    ] as const) {
      const copy = await XlsxWorkbook.load(await zip.file(name)!.async("uint8array"));
      expect(copy.sheetNames()).toContain("校验报告");
      const marks = copy.marks();
      const f = byName.get(source)!.findings.find((x) => x.severity === "error")!;
      expect(marks.get(f.sheet)?.get(f.cell)).toBe("error");
      // the CLI's --out copy has the same marks
      const cliCopy = await XlsxWorkbook.load(fs.readFileSync(path.join(tmp, "副本", name.replace(/^批量\//, ""))));
      expect([...(cliCopy.marks().get(f.sheet) ?? new Map())]).toEqual([...(marks.get(f.sheet) ?? new Map())]);
    }
    // the originals are untouched
    expect(fs.readFileSync(path.join(batch, "县区", "钟山区.xlsx")).equals(fs.readFileSync(SAMPLE))).toBe(true);

    // a file opens in the single-file view, with its marks
    await page.getByRole("button", { name: "打开“批量/县区/水城区.xls”（单个文件视图，带标记）" }).click();
    await page.getByRole("button", { name: /^一键校验/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("file-name").innerText()).toBe("水城区.xls");
    const sheet = "部门整体支出";
    const cells = new Set(expected.filter((f) => f.sheet === sheet).map((f) => f.cell));
    await page.getByRole("tab", { name: `工作表“${sheet}”，${cells.size} 个标记` }).waitFor();
    // the assistant checks the .xls as well: a finding's cell is marked in the grid
    await page.getByRole("button", { name: /^一键校验/ }).click();
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    const item = page.locator(`[data-testid=findings] [role=listitem][data-cell="${sheet}!F62"]`).first();
    await item.getByRole("button").first().click();
    const f62 = page.locator('[data-testid=sheet-grid] [data-cell="F62"]');
    await expect(f62.getAttribute("data-mark")).resolves.toBe("error");
    await screenshot(page, "web-batch-opened");
    expectClean(g);
    await page.close();
  }, 240_000);

  test("what goes wrong is said on the page (a drop that cannot be read, a zip that cannot be made); a batch on the defaults opens a file marked with the defaults", async () => {
    // a workbook whose own settings switch two rules off
    const wb = await XlsxWorkbook.load(fs.readFileSync(SAMPLE));
    await wb.saveSettings({
      ...DEFAULT_SETTINGS,
      rules: { "missing-explanation": "off", "blank-sample-size": { enabled: false } },
    });
    const file = path.join(tmp, "自带设置.xlsx");
    fs.writeFileSync(file, await wb.save());
    const sheet = "部门整体支出";
    const markedCells = async (args: string[]) => {
      const r = await runCli(["check", file, "--json", ...args]);
      const findings = (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0].findings;
      return new Set(findings.filter((f) => f.sheet === sheet).map((f) => f.cell)).size;
    };
    const onDefaults = await markedCells(["--ignore-workbook-settings"]);
    expect(onDefaults).toBeGreaterThan(await markedCells([]));

    const g = await openPage(session, server.origin);
    const page = g.page;
    await openBatch(g, server.origin);

    // a dropped file the browser cannot read (gone since it was dropped)
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["x"], "已删除.xlsx"));
      const entry = {
        isFile: true,
        isDirectory: false,
        fullPath: "/已删除.xlsx",
        file: (_ok: unknown, fail: (e: unknown) => void) => fail(new DOMException("文件已不存在", "NotFoundError")),
      };
      Object.defineProperty(dt, "items", { value: [{ kind: "file", webkitGetAsEntry: () => entry }] });
      for (const type of ["dragenter", "drop"])
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect(page.getByTestId("batch-error").innerText()).resolves.toBe(
      "无法读取拖放的文件或文件夹（文件已不存在）。可以改用“选择文件夹”或“选择文件”。"
    );

    // a batch on the defaults (a new batch clears the message)
    await page.getByTestId("defaults-only").click();
    await page.getByTestId("batch-files").setInputFiles([file]);
    await page.getByTestId("batch-totals").filter({ hasText: "共检查 1 个文件" }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("batch-error").count()).toBe(0);

    // the zip cannot be made once (the browser cannot read a copy back): said, and the next try makes it
    await page.evaluate(() => {
      const arrayBuffer = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        if (this instanceof File) return arrayBuffer.call(this);
        Blob.prototype.arrayBuffer = arrayBuffer;
        return Promise.reject(new DOMException("读不出副本", "NotReadableError"));
      };
    });
    const zipButton = page.getByRole("button", { name: "下载标注副本（.zip）" });
    await zipButton.click();
    await expect(page.getByTestId("batch-error").innerText({ timeout: 60_000 })).resolves.toBe(
      "无法生成标注副本的压缩包（读不出副本）。请再点一次“下载标注副本（.zip）”。"
    );
    const [zipDownload] = await Promise.all([page.waitForEvent("download"), zipButton.click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await zipDownload.path())!));
    expect(Object.keys(zip.files)).toEqual(["自带设置.xlsx"]);
    expect(await page.getByTestId("batch-error").count()).toBe(0);

    // opened from this batch: marked as the batch checked it, with the defaults
    await page.getByRole("button", { name: "打开“自带设置.xlsx”（单个文件视图，带标记）" }).click();
    await page
      .getByRole("tab", { name: `工作表“${sheet}”，${onDefaults} 个标记` })
      .waitFor({ timeout: 30_000 });
    expectClean(g);
    await page.close();
  }, 180_000);

  test("取消 stops a batch; dropped files start one", async () => {
    const many = path.join(tmp, "多");
    fs.mkdirSync(many, { recursive: true });
    for (let i = 0; i < 40; i++) fs.copyFileSync(SAMPLE, path.join(many, `表${String(i).padStart(2, "0")}.xlsx`));
    const g = await openPage(session, server.origin);
    const page = g.page;
    await openBatch(g, server.origin);
    await page.getByTestId("batch-files").setInputFiles(fs.readdirSync(many).map((f) => path.join(many, f)));
    await page.getByTestId("batch-progress").waitFor();
    await page.getByRole("button", { name: "取消" }).click();
    await expect(page.getByTestId("batch-totals").innerText()).resolves.toMatch(/^已取消：检查了 \d+ \/ 40 个文件。/);
    const done = Number(/检查了 (\d+)/.exec(await page.getByTestId("batch-totals").innerText())![1]);
    expect(done).toBeLessThan(40);
    expect(await page.locator("[data-testid=batch-table] tbody tr[data-file]").count()).toBe(done);

    // a drop of two files (one .xls)
    const files = [
      { name: "甲.xlsx", b64: fs.readFileSync(SAMPLE).toString("base64") },
      { name: "乙.xls", b64: fs.readFileSync(path.join(XLS, "liupanshui-2025.xls")).toString("base64") },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bin = atob(f.b64);
        const buf = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
        dt.items.add(new File([buf], f.name));
      }
      return dt;
    }, files);
    await page.dispatchEvent("body", "dragenter", { dataTransfer });
    await page.dispatchEvent("body", "drop", { dataTransfer });
    await expect(
      page.getByTestId("batch-totals").filter({ hasText: "共检查 2 个文件" }).innerText({ timeout: 60_000 })
    ).resolves.toContain("需修改后再提交 2 个");
    const rows = await webRows(page);
    expect(rows.map((r) => r.file)).toEqual(["乙.xls", "甲.xlsx"]);
    expect(rows[0].counts).toEqual(rows[1].counts);
    expectClean(g);
    await page.close();
  }, 180_000);
});
