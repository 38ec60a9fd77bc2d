/**
 * --out (marked copies with the 校验报告 sheet, internal links, inputs untouched, atomic, no name
 * clashes), --html (self-contained, escaped) and --fix (safe fixes in the copies, re-checked).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fs from "node:fs";
import path from "node:path";
import { checkGrids } from "../../src/core/check";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { listFiles, rmTemp, runCli, SAMPLE, sha256, tempDir } from "./helpers";

async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cfs(ws: ExcelJS.Worksheet): unknown {
  return JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings));
}

/** The XML of a sheet of a package, by sheet name. */
async function sheetXml(file: string, name: string): Promise<{ xml: string; rels: string | null }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${name}"`))!;
  const rid = /r:id="([^"]+)"/.exec(sheet)![1];
  const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  const part = "xl/" + /Target="([^"]+)"/.exec(target)![1].replace(/^\/xl\//, "");
  const relsPart = part.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
  return { xml: await zip.file(part)!.async("string"), rels: (await zip.file(relsPart)?.async("string")) ?? null };
}

describe("perf-target check --out / --html / --fix", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("out");
  });
  afterEach(() => rmTemp(dir));

  it("writes a marked copy with the add-in's marks and a 校验报告 sheet linked to the cells; the input is untouched", async () => {
    const input = path.join(dir, "in", "表.xlsx");
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(SAMPLE, input);
    const before = sha256(input);
    const out = path.join(dir, "out");
    const r = await runCli(["check", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(sha256(input)).toBe(before);
    const copy = path.join(out, "表.xlsx");
    expect(r.stdout).toContain(`  标注副本：${copy}\n`);
    expect(listFiles(out)).toEqual(["表.xlsx"]); // no temporary files left

    // the same marks as the adapter's mark() on the same findings
    const wb = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(SAMPLE)));
    const result = checkGrids(await wb.readSheets(), await wb.loadSettings());
    await wb.mark(result.findings, { notes: false });
    const expected = await excel(await saveTo(wb, path.join(dir, "expected.xlsx")));
    const actual = await excel(copy);
    expect(actual.worksheets.map((w) => w.name)).toEqual([...expected.worksheets.map((w) => w.name), "校验报告"]);
    for (const ws of expected.worksheets) expect(cfs(actual.getWorksheet(ws.name)!)).toEqual(cfs(ws));

    // the report: header, one row per finding, in order
    const report = actual.getWorksheet("校验报告")!;
    const rows: string[][] = [];
    report.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]).toEqual(["工作表", "单元格", "级别", "规则", "问题说明", "指标"]);
    expect(rows).toHaveLength(result.findings.length + 1);
    const f62 = rows.findIndex(
      (row) => row[0] === "部门整体支出" && row[1] === "F62" && row[3] === "missing-explanation"
    );
    expect(rows[f62]).toEqual([
      "部门整体支出",
      "F62",
      "错误",
      "missing-explanation",
      expect.stringContaining("缺少指标解释"),
      expect.stringContaining("预算单位对资金管理工作"),
    ]);

    // internal links: location only, no relationship (exceljs would make them external)
    const { xml, rels } = await sheetXml(copy, "校验报告");
    expect(xml).toContain(`<hyperlink ref="B${f62 + 1}" location="&apos;部门整体支出&apos;!F62" display="F62"/>`);
    expect((xml.match(/<hyperlink /g) ?? []).length).toBe(result.findings.length);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    expect(rels ?? "").not.toContain("hyperlink");
    expect(xml.indexOf("<hyperlinks>")).toBeLessThan(xml.indexOf("<pageMargins"));
  });

  it("keeps copies of equal names from different folders apart, and never searches the --out folder", async () => {
    for (const d of ["钟山区", "水城区"]) {
      fs.mkdirSync(path.join(dir, "报送", d), { recursive: true });
      fs.copyFileSync(SAMPLE, path.join(dir, "报送", d, "绩效目标表.xlsx"));
    }
    const out = path.join(dir, "报送", "已标注");
    const first = await runCli(["check", path.join(dir, "报送"), "--out", out]);
    expect(first.code).toBe(1);
    expect(listFiles(out)).toEqual([path.join("水城区", "绩效目标表.xlsx"), path.join("钟山区", "绩效目标表.xlsx")]);
    const second = await runCli(["check", path.join(dir, "报送"), "--out", out]);
    expect(second.stdout).toContain("共检查 2 个文件");
    // files given one by one from different folders
    const out2 = path.join(dir, "out2");
    await runCli([
      "check",
      path.join(dir, "报送", "钟山区", "绩效目标表.xlsx"),
      path.join(dir, "报送", "水城区", "绩效目标表.xlsx"),
      "--out",
      out2,
    ]);
    expect(listFiles(out2)).toEqual([path.join("水城区", "绩效目标表.xlsx"), path.join("钟山区", "绩效目标表.xlsx")]);
  });

  it("refuses to write a copy over its input (--out is the input's own folder), exit 2", async () => {
    const input = path.join(dir, "表.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = sha256(input);
    const r = await runCli(["check", input, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不能覆盖原文件");
    expect(sha256(input)).toBe(before);
  });

  it("never lets two files' copies take one place: “表.xls” beside “表-已校验.xlsx”, the later one's copy is not written", async () => {
    const input = path.join(dir, "in");
    fs.mkdirSync(input);
    // the .xlsx carries a sheet of its own, so its copy can be told from the .xls's
    const wb = await excel(SAMPLE);
    wb.addWorksheet("只在xlsx里");
    await wb.xlsx.writeFile(path.join(input, "表-已校验.xlsx"));
    fs.copyFileSync(path.join(__dirname, "..", "fixtures", "xls", "liupanshui-2025.xls"), path.join(input, "表.xls"));
    const out = path.join(dir, "out");
    const r = await runCli(["check", input, "--out", out]);
    expect(r.code).toBe(2);
    const copy = path.join(out, "表-已校验.xlsx");
    expect(r.stderr).toContain(
      `无法写入标注副本：副本的位置“${copy}”已是“${path.join(input, "表-已校验.xlsx")}”的标注副本，不能覆盖；请把其中一个文件改名后再检查。`
    );
    expect(r.stdout).toContain(`  标注副本：${copy}\n`);
    expect(r.stdout).toContain("共检查 2 个文件"); // the .xls is still checked
    expect(listFiles(out)).toEqual(["表-已校验.xlsx"]);
    expect((await excel(copy)).worksheets.map((w) => w.name)).toContain("只在xlsx里");
  });

  it("writes one self-contained HTML report with every text escaped", async () => {
    // a cell and a file name with markup in them
    const wb = await excel(SAMPLE);
    wb.getWorksheet("部门整体支出")!.getCell("D62").value = "<img src=x onerror=alert(1)>";
    const evil = path.join(dir, "甲&乙<b>.xlsx");
    await wb.xlsx.writeFile(evil);
    const html = path.join(dir, "报告", "report.html");
    const r = await runCli(["check", evil, SAMPLE, "--html", html]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`网页报告：${html}`);
    const page = fs.readFileSync(html, "utf8");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    // (toBe on booleans: a failure would print the whole page otherwise)
    expect(page.includes("&lt;img src=x onerror=alert(1)&gt;")).toBe(true);
    expect(page.includes("<img")).toBe(false);
    expect(page.includes("甲&amp;乙&lt;b&gt;.xlsx")).toBe(true);
    expect(page.includes("<b>.xlsx")).toBe(false);
    // no scripts, no external resources
    expect(page.match(/<script|<link|<iframe|<object|<embed|<img|@import|url\(/i)).toBeNull();
    expect(page.match(/<[a-z][^>]*\s(src|href)=(?!["']?#)/i)).toBeNull();
    // summary with counts and verdicts, findings grouped by sheet
    expect(page.includes("<h1>绩效目标表校验报告</h1>")).toBe(true);
    expect(page.includes('<td class="fail">需修改后再提交</td><td class="n error">3</td>')).toBe(true);
    expect((page.match(/<section id="f\d+">/g) ?? []).length).toBe(2);
    expect(page.includes("<h3>部门整体支出")).toBe(true);
    expect(listFiles(path.dirname(html))).toEqual(["report.html"]);
  });

  it("--fix writes exactly the safe fixes into the copy (these cells, these texts), re-checks, and reports them", async () => {
    const input = path.join(dir, "表.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = sha256(input);
    const out = path.join(dir, "out");
    const r = await runCli(["check", input, "--out", out, "--fix"]);
    expect(r.code).toBe(1); // the errors need judgement
    expect(sha256(input)).toBe(before);
    const copy = path.join(out, "表.xlsx");

    // every cell of the input's sheets, compared with the copy: only these changed, to these texts
    const original = await excel(input);
    const fixed = await excel(copy);
    const changes: Array<[string, unknown, unknown]> = [];
    for (const ws of original.worksheets) {
      const other = fixed.getWorksheet(ws.name)!;
      const rows = Math.max(ws.rowCount, other.rowCount);
      const columns = Math.max(ws.columnCount, other.columnCount);
      for (let row = 1; row <= rows; row++)
        for (let col = 1; col <= columns; col++) {
          const a = ws.getCell(row, col);
          const b = other.getCell(row, col);
          if (JSON.stringify(a.value) !== JSON.stringify(b.value))
            changes.push([`${ws.name}!${a.address}`, a.value, b.value]);
        }
    }
    // formula-style: "*" in a formula written "×"; nonstandard-operator: "≤ 2小时" written "≤2小时"
    const formulaCells = [
      "部门整体支出!F43",
      "评审绩效信息化运维!G32",
      "评审绩效信息化运维!G34",
      "评审绩效信息化运维!G49",
      "评审绩效信息化运维!G50",
      "评审绩效信息化运维!G51",
      "会计职称考试!G18",
      "会计职称考试!G19",
      "会计职称考试!G22",
      "会计职称考试!G24",
      "国资在线监测!G31",
      "财政监督检查!G24",
      "政府采购电子卖场!G21",
    ];
    expect(changes.map((c) => c[0]).sort()).toEqual([...formulaCells, "部门整体支出!E48"].sort());
    for (const [cell, was, now] of changes) {
      expect(typeof was).toBe("string"); // text stays text
      if (cell === "部门整体支出!E48") expect([was, now]).toEqual(["≤ 2小时", "≤2小时"]);
      else {
        expect(was).toMatch(/\*100%/);
        expect({ cell, now }).toEqual({ cell, now: (was as string).replace(/\*/g, "×") });
      }
    }
    expect(fixed.getWorksheet("部门整体支出")!.getCell("F43").style).toEqual(
      original.getWorksheet("部门整体支出")!.getCell("F43").style
    );

    // the report: one fix per cell, the counts before; what is left is what a check of the copy finds
    expect(r.stdout).toContain("已在副本中修复 14 处（修复前：错误 3 · 警告 58 · 提示 35；以下是修复后仍有的问题）");
    const again = JSON.parse((await runCli(["check", copy, "--json"])).stdout) as {
      files: Array<{ findings: Array<{ severity: string; rule: string; sheet: string; cell: string }> }>;
    };
    const left = again.files[0].findings;
    const count = (s: string) => left.filter((f) => f.severity === s).length;
    expect(r.stdout).toContain(
      `需修改后再提交  错误 ${count("error")} · 警告 ${count("warning")} · 提示 ${count("info")}（`
    );
    expect(left.filter((f) => f.rule === "nonstandard-operator" || f.rule === "formula-style")).toEqual([]);
    expect(left).toHaveLength(96 - 14);
  });

  it("--fix skips and reports a fix that cannot be applied (a protected sheet) and applies the rest", async () => {
    const wb = await excel(SAMPLE);
    await wb.getWorksheet("政府采购电子卖场")!.protect("", {});
    const input = path.join(dir, "受保护.xlsx");
    await wb.xlsx.writeFile(input);
    const r = await runCli(["check", input, "--out", path.join(dir, "out"), "--fix"]);
    expect(r.stderr).toMatch(
      /未能修复：.*受保护\.xlsx 政府采购电子卖场!G21 \[formula-style\]：工作表“政府采购电子卖场”受保护/
    );
    expect(r.stdout).toMatch(/已在副本中修复 \d+ 处，1 处未能修复/);
    expect(r.stdout).toContain("[formula-style]");
  });
});

async function saveTo(wb: XlsxWorkbook, file: string): Promise<string> {
  fs.writeFileSync(file, await wb.save());
  return file;
}
