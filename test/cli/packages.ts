/**
 * Workbook packages for the tests that feed the command line hostile input: clean workbooks of
 * several sheets, and changes made to a package at the zip and XML level (a part's XML rewritten or
 * removed, the shared strings turned into inline strings).
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

type Row = ReadonlyArray<string | number>;

/** A small, clean project table (no findings), with `name` in its title. */
function cleanTableRows(name = "培训项目"): Row[] {
  return [
    [`某单位2025年${name}绩效目标表`],
    ["项目名称", name, "主管部门", "某局"],
    ["预算资金（万元）", 10, "实施单位", "某局"],
    ["年度目标", "完成培训200人次"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
    ["产出指标", "数量指标", "培训人次", "≥200人次", "反映培训的人次"],
    ["产出指标", "质量指标", "培训合格率", "≥95%", "反映培训质量，计算公式：合格人数/参训人数×100%"],
    ["产出指标", "时效指标", "培训完成时间", "2025年12月31日前", "反映完成时间"],
    ["效益指标", "社会效益指标", "业务能力提升", "≥90%", "反映学员能力提升比例，计算公式：提升人数/参训人数×100%"],
    [
      "满意度指标",
      "服务对象满意度指标",
      "参训学员满意度",
      "≥90%",
      "反映学员对培训的满意程度，随机抽取50名学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
    ],
  ];
}

/** A workbook of clean tables, one per sheet name (rows changed by `edit` per sheet when given). */
export async function cleanWorkbook(
  sheets: readonly string[],
  edit?: (sheet: string, rows: Row[]) => Row[]
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((name, i) => {
    const ws = wb.addWorksheet(name.length > 31 ? `S${i}` : name);
    const rows = cleanTableRows(`培训项目${i + 1}`);
    for (const row of edit ? edit(name, rows) : rows) ws.addRow([...row]);
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  // exceljs cannot name a sheet beyond 31 characters: such names are written into the package
  const long = sheets.map((n, i) => [n, i] as const).filter(([n]) => n.length > 31);
  if (!long.length) return bytes;
  return changePart(bytes, "xl/workbook.xml", (xml) =>
    long.reduce((x, [n, i]) => x.replace(`name="S${i}"`, `name="${n}"`), xml)
  );
}

async function load(src: Buffer | string): Promise<JSZip> {
  return JSZip.loadAsync(typeof src === "string" ? fs.readFileSync(src) : src);
}

async function save(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The package with one part's text changed. */
export async function changePart(src: Buffer | string, part: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await load(src);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, change(await file.async("string")));
  return save(zip);
}

/** The package without one part. */
export async function removePart(src: Buffer | string, part: string): Promise<Buffer> {
  const zip = await load(src);
  if (!zip.file(part)) throw new Error(`no part ${part}`);
  zip.remove(part);
  return save(zip);
}

/** The package with every shared string written inline in its cells, and no sharedStrings.xml at all. */
export async function withoutSharedStrings(src: Buffer | string): Promise<Buffer> {
  const zip = await load(src);
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")
  );
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(
      name,
      xml.replace(
        /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
        (_m, a: string, b: string, i: string) =>
          `<c ${a}t="inlineStr"${b}><is><t xml:space="preserve">${strings[Number(i)]}</t></is></c>`
      )
    );
  }
  zip.remove("xl/sharedStrings.xml");
  for (const part of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]) {
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace(/<(Override|Relationship)\b[^>]*sharedStrings[^>]*\/>/g, ""));
  }
  return save(zip);
}
