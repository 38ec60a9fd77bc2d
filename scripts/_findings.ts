import { loadGrids, SAMPLE } from "../test/helpers/seed";
import { checkGrids } from "../src/core/check";
(async () => {
  const r = checkGrids(await loadGrids(process.argv[2] ?? SAMPLE));
  for (const f of r.findings) console.log(`${f.sheet}!${f.cell} [${f.rule}] ${f.severity} ${f.message} (${f.message.length}) ${f.fix ? "FIX:" + f.fix.title + (f.fix.safe ? "*" : "") : ""}`);
  console.log(r.summary);
})();
