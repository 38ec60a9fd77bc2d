import { loadGrids, SAMPLE, SAMPLE_RAW } from "../test/helpers/seed";
import { parseWorkbook } from "../src/core/parse";
(async () => {
  const file = process.argv[2] === "raw" ? SAMPLE_RAW : SAMPLE;
  const grids = await loadGrids(file);
  const wp = parseWorkbook(grids);
  for (const s of wp.sheets) {
    console.log("==", s.sheet, s.problems.map((p) => p.message));
    for (const t of s.tables) {
      console.log(t.id, t.kind, t.title, t.titleCell, t.budgetYear, t.range, JSON.stringify(t.budget));
      console.log(" cols", t.indicatorBlock.columns.map((c) => `${c.letter}:${c.role}:${c.header}`).join(" "));
      for (const f of t.headerFields) console.log("  F", f.key, f.label, f.labelCell, f.valueCell, f.unit, f.group, f.value.slice(0, 20));
      for (const i of t.indicatorBlock.rows) console.log("  I", i.row, i.rowKind, `${i.level1.text}[${i.level1.standard}]@${i.level1.cell}`, `${i.level2.text}[${i.level2.standard}]@${i.level2.cell}`, i.name, i.nameCell, "|", i.value.raw, i.value.kind, i.value.operator, i.value.number, i.value.unit, "|", (i.explanation ?? "").slice(0, 15), i.explanationCell);
    }
  }
})();
