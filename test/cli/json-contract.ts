/** The --json contract (README “命令行”), validated strictly: keys, order, types, enums. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FILE_KEYS = ["file", "error", "tables", "findings"];
const TABLE_KEYS = ["sheet", "kind", "title", "range", "indicators"];
const INDICATOR_KEYS = ["row", "level1", "level2", "name", "value", "explanation"];
const FINDING_KEYS = ["rule", "severity", "sheet", "cell", "message", "indicator"];

function expectKeys(o: Json, keys: string[], where: string): asserts o is { [k: string]: Json } {
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new Error(`${where}: not an object`);
  expect({ where, keys: Object.keys(o) }).toEqual({ where, keys });
}

function expectType(v: Json, type: "string" | "number" | "string|null", where: string): void {
  const ok = type === "string|null" ? v === null || typeof v === "string" : typeof v === type;
  if (!ok) throw new Error(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
}

/** Validates a --json document strictly (keys, order, types, enums); returns it typed. */
export function validateDocument(doc: Json): void {
  expectKeys(doc, ["files"], "document");
  const files = doc.files;
  if (!Array.isArray(files)) throw new Error("files: not an array");
  files.forEach((f, i) => {
    const w = `files[${i}]`;
    expectKeys(f, FILE_KEYS, w);
    expectType(f.file, "string", `${w}.file`);
    expectType(f.error, "string|null", `${w}.error`);
    if (!Array.isArray(f.tables) || !Array.isArray(f.findings)) throw new Error(`${w}: tables/findings not arrays`);
    f.tables.forEach((t, j) => {
      const wt = `${w}.tables[${j}]`;
      expectKeys(t, TABLE_KEYS, wt);
      expectType(t.sheet, "string", `${wt}.sheet`);
      expect(["department", "project", "unknown"]).toContain(t.kind);
      expectType(t.title, "string|null", `${wt}.title`);
      expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      if (!Array.isArray(t.indicators)) throw new Error(`${wt}.indicators: not an array`);
      t.indicators.forEach((ind, k) => {
        const wi = `${wt}.indicators[${k}]`;
        expectKeys(ind, INDICATOR_KEYS, wi);
        if (typeof ind.row !== "number" || !Number.isInteger(ind.row) || ind.row < 1) throw new Error(`${wi}.row`);
        expectType(ind.level1, "string", `${wi}.level1`);
        expectType(ind.level2, "string", `${wi}.level2`);
        expectType(ind.name, "string", `${wi}.name`);
        expectType(ind.value, "string", `${wi}.value`);
        expectType(ind.explanation, "string|null", `${wi}.explanation`);
        for (const key of ["name", "value", "explanation"] as const) {
          const v = ind[key];
          if (typeof v === "string") expect(v).toBe(v.trim());
        }
      });
    });
    f.findings.forEach((x, j) => {
      const wf = `${w}.findings[${j}]`;
      expectKeys(x, FINDING_KEYS, wf);
      expectType(x.rule, "string", `${wf}.rule`);
      expect(["error", "warning", "info"]).toContain(x.severity);
      expectType(x.sheet, "string", `${wf}.sheet`);
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expectType(x.message, "string", `${wf}.message`);
      expectType(x.indicator, "string|null", `${wf}.indicator`);
    });
    // a file that could not be read has empty lists; one checked but not completely (a sheet not
    // read, a rule failed) or whose copy could not be written keeps what was checked
    if (f.error !== null) expect(f.error).toMatch(/[\u4e00-\u9fff]/);
  });
}
