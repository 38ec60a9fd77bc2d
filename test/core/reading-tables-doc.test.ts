/**
 * docs/reading-tables.md says how tables are read, with examples: every example there (a grid
 * between <!-- 示例 --> and <!-- /示例 -->, with its merges, what it is read as, its header fields,
 * its number of tables and what is reported) is parsed here and must read exactly as the page says.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gridFromRows, type GridInput } from "../../src/core/grid";
import { parseSheet } from "../../src/core/parse";

const md = readFileSync(path.join(__dirname, "..", "..", "docs", "reading-tables.md"), "utf8");
const examples = [...md.matchAll(/<!-- 示例 -->\n([\s\S]*?)<!-- \/示例 -->/g)].map((m) => m[1]);

/** The markdown tables of a text, each as rows of cells (header row first, separator row dropped). */
function tables(text: string): { before: string; rows: string[][] }[] {
  const out: { before: string; rows: string[][] }[] = [];
  const lines = text.split("\n");
  let k = 0;
  while (k < lines.length) {
    if (!lines[k].startsWith("|")) {
      k++;
      continue;
    }
    const before =
      lines
        .slice(0, k)
        .reverse()
        .find((l) => l.trim() !== "") ?? "";
    const rows: string[][] = [];
    for (; k < lines.length && lines[k].startsWith("|"); k++) {
      if (/^\|[-| ]+\|$/.test(lines[k])) continue;
      rows.push(
        lines[k]
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim())
      );
    }
    out.push({ before, rows });
  }
  return out;
}

const cellOf = (text: string): GridInput => (text === "" ? null : text.replace(/<br>/g, "\n"));

describe("docs/reading-tables.md", () => {
  it("has an example for every layout section", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(examples.map((e, k) => [k + 1, e] as const))("example %d", (_n, text) => {
    const [grid, ...rest] = tables(text);
    const merges =
      /合并：(.+)/
        .exec(text)?.[1]
        .split(/[，,]/)
        .map((m) => m.trim()) ?? [];
    const parse = parseSheet(
      gridFromRows(
        "示例",
        grid.rows.slice(1).map((r) => r.slice(1).map(cellOf)),
        merges
      )
    );

    it("reads the indicators the page lists", () => {
      const reading = rest.find((t) => t.before.startsWith("读作"));
      if (!reading) return;
      const [head, ...rows] = reading.rows;
      const got = parse.tables.flatMap((t) => t.indicatorBlock.indicators);
      expect(got.map((i) => i.row)).toEqual(rows.map((r) => Number(r[0])));
      for (const r of rows) {
        const i = got.find((x) => x.row === Number(r[0]))!;
        const actual: Record<string, string> = {
          一级: i.level1.standard ?? "",
          二级: i.level2.standard ?? "",
          三级: i.name,
          指标值: i.value.raw,
          指标解释: i.explanation ?? "",
          比较符号: i.value.operator ?? "",
          单位: i.value.unit ?? "",
        };
        head
          .slice(1)
          .forEach((column, k) =>
            expect(`${r[0]}行${column}=${actual[column]}`).toBe(`${r[0]}行${column}=${r[k + 1]}`)
          );
      }
    });

    it("reads the header fields the page lists", () => {
      const fields = rest.find((t) => t.before.startsWith("表头信息"));
      if (!fields) return;
      const first = parse.tables[0].headerFields;
      for (const [key, value] of fields.rows.slice(1))
        expect(first.filter((f) => f.key === key).map((f) => f.value)).toContain(value);
    });

    it("finds the tables and reports the problems the page states", () => {
      const count = /表数：(\d+)/.exec(text);
      if (count) expect(parse.tables).toHaveLength(Number(count[1]));
      const report = /报告：(.+)/.exec(text);
      if (report) expect(parse.problems.map((p) => p.message)).toContain(report[1].trim());
      else expect(parse.problems).toEqual([]);
    });
  });
});
