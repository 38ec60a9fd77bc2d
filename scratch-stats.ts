import { SECTOR_FILES, SOURCES, TEMPLATES } from "./src/core/templates/library";
for (const f of SECTOR_FILES) {
  const fams = [...new Set(f.templates.map((t) => t.family))];
  console.log(`| ${f.sector} | ${f.templates.length} | ${fams.join("、")} |`);
}
const used = new Map<string, number>();
for (const f of SECTOR_FILES) for (const t of f.templates) used.set(t.source, (used.get(t.source) ?? 0) + 1);
for (const [k, s] of Object.entries(SOURCES)) console.log(`${s.kind}\t${used.get(k)}\t${s.name}`);
const l2 = new Map<string, number>(); for (const t of TEMPLATES) l2.set(t.level2, (l2.get(t.level2) ?? 0) + 1);
console.log([...l2].map(([k,v]) => `${k} ${v}`).join("，"));
console.log(TEMPLATES.length);
