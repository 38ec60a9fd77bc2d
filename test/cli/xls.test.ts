/**
 * The command line on .xls files: the .xls LibreOffice made from the sample gives the same --json
 * (tables and findings) as the sample; --out writes its marked copy as “原名-已校验.xlsx” (marks
 * and 校验报告 sheet) and never touches the .xls; the HTML report says the copy's format changed;
 * an .xls that is really a web page is explained with “.xls”.
 */
import fs from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { rmTemp, ROOT, runCli, SAMPLE, sha256, tempDir } from "./helpers";

interface Doc {
  files: {
    file: string;
    error: string | null;
    tables: unknown[];
    findings: { severity: string; sheet: string; cell: string }[];
  }[];
}

describe("perf-target check on .xls", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("xls");
    fs.copyFileSync(SAMPLE, path.join(dir, "财政局.xlsx"));
    fs.copyFileSync(path.join(ROOT, "test", "fixtures", "xls", "liupanshui-2025.xls"), path.join(dir, "财政局.xls"));
    fs.writeFileSync(path.join(dir, "导出.xls"), "<html><body><table><tr><td>1</td></tr></table></body></html>");
  });
  afterAll(() => rmTemp(dir));

  test("the same JSON as the .xlsx it came from; the copy is 原名-已校验.xlsx; the report says so", async () => {
    const before = sha256(path.join(dir, "财政局.xls"));
    const out = path.join(dir, "out");
    const html = path.join(dir, "报告.html");
    const r = await runCli(["check", "财政局.xls", "财政局.xlsx", "导出.xls", "--json", "--out", out, "--html", html], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Doc;
    const [xls, xlsx, page] = doc.files;
    expect(xls.file).toBe("财政局.xls");
    expect(xls.error).toBeNull();
    expect(xls.findings.length).toBeGreaterThan(50);
    expect(xls.tables).toEqual(xlsx.tables);
    expect(xls.findings).toEqual(xlsx.findings);
    expect(page.error).toBe(
      "无法读取：这是网页（HTML）格式的表格，只是扩展名为 .xls。请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查。"
    );

    expect(fs.readdirSync(out).sort()).toEqual(["财政局-已校验.xlsx", "财政局.xlsx"]);
    const copy = await XlsxWorkbook.load(fs.readFileSync(path.join(out, "财政局-已校验.xlsx")));
    expect(copy.sheetNames()).toContain("校验报告");
    const marks = copy.marks();
    const error = xls.findings.find((f) => f.severity === "error")!;
    expect(marks.get(error.sheet)?.get(error.cell)).toBe("error");
    expect(sha256(path.join(dir, "财政局.xls"))).toBe(before);

    const report = fs.readFileSync(html, "utf8");
    expect(report).toContain("原文件是 .xls，副本另存为 .xlsx");
    expect(report).toContain("问题按规则");
  });
});
