import { TEMPLATES } from "./src/core/templates/library";
import { fillTemplate } from "./src/core/templates/fill";
const s = process.argv[2];
for (const t of TEMPLATES) {
  if (s && t.sector !== s) continue;
  const f = fillTemplate(t);
  console.log(`${t.level2}|${f.name}|${f.value}|${f.explanation}`);
}
