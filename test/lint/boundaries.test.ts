/**
 * The lint rules of eslint.config.mjs bite: each probe text is linted as if it were a file of a
 * folder (ESLint's lintText with a path inside src/; nothing is written), and the boundary, hooks
 * and unused-name rules must report it; clean twins must pass, so a rule that reported everything
 * would fail too. ESLint loads its config with import(), which Jest's module sandbox cannot do: the
 * probes are linted in one child process (lint-probes.mjs) before the tests read the results.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

const exporting = (names: string) => `export const x = [${names}];\n`;

/** [file, text, the rule that must report it] */
const BAD: Array<[string, string, string]> = [
  [
    "src/web/batch/worker.ts",
    `import { App } from "../../taskpane/App";\n${exporting("App")}`,
    "import-x/no-restricted-paths",
  ],
  ["src/core/probe.ts", `import { promises } from "node:fs";\n${exporting("promises")}`, "no-restricted-imports"],
  ["src/core/probe.ts", `import fs from "fs";\n${exporting("fs")}`, "no-restricted-imports"],
  ["src/core/probe.ts", `import * as React from "react";\n${exporting("React")}`, "no-restricted-imports"],
  ["src/core/probe.ts", exporting("document.title"), "no-restricted-globals"],
  ["src/core/probe.ts", exporting("Office.context"), "no-restricted-globals"],
  [
    "src/core/probe.ts",
    `import { ExcelWorkbook } from "../excel/workbook";\n${exporting("ExcelWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/core/rules/probe.ts",
    `import { XlsxWorkbook } from "../../xlsx/workbook";\n${exporting("XlsxWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  ["src/xlsx/probe.ts", `import { promises } from "node:fs";\n${exporting("promises")}`, "no-restricted-imports"],
  [
    "src/xlsx/probe.ts",
    `import { parseArgs } from "../cli/args";\n${exporting("parseArgs")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/excel/probe.ts",
    `import { XlsxWorkbook } from "../xlsx/workbook";\n${exporting("XlsxWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/cli/probe.ts",
    `import { WebWorkbook } from "../web/web-port";\n${exporting("WebWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/cli/probe.ts",
    `import { ExcelWorkbook } from "../excel/workbook";\n${exporting("ExcelWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/taskpane/probe.ts",
    `import { XlsxWorkbook } from "../xlsx/workbook";\n${exporting("XlsxWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  ["src/taskpane/probe.ts", `import ExcelJS from "exceljs";\n${exporting("ExcelJS")}`, "no-restricted-imports"],
  [
    "src/taskpane/probe.ts",
    `import { WebWorkbook } from "../web/web-port";\n${exporting("WebWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/commands/probe.ts",
    `import { App } from "../taskpane/App";\n${exporting("App")}`,
    "import-x/no-restricted-paths",
  ],
  [
    "src/web/probe.ts",
    `import { ExcelWorkbook } from "../excel/workbook";\n${exporting("ExcelWorkbook")}`,
    "import-x/no-restricted-paths",
  ],
];

/** [file, text] that no rule reports */
const GOOD: Array<[string, string]> = [
  [
    "src/web/batch/worker.ts",
    `import { checkBatchFile } from "../../xlsx/batch-file";\nimport type { ToWorker } from "./protocol";\n${exporting("checkBatchFile")}\nexport type T = ToWorker;\n`,
  ],
  ["src/core/probe.ts", `import { parseCell } from "./grid";\n${exporting("parseCell")}`],
  ["src/core/rules/probe.ts", `import { parseCell } from "../grid";\n${exporting("parseCell")}`],
  [
    "src/xlsx/probe.ts",
    `import ExcelJS from "exceljs";\nimport { parseCell } from "../core/grid";\n${exporting("ExcelJS, parseCell")}`,
  ],
  [
    "src/cli/probe.ts",
    `import { promises } from "node:fs";\nimport { XlsxWorkbook } from "../xlsx/workbook";\n${exporting("promises, XlsxWorkbook")}`,
  ],
  ["src/taskpane/probe.ts", `import { ExcelWorkbook } from "../excel/workbook";\n${exporting("ExcelWorkbook")}`],
  [
    "src/web/probe.ts",
    `import { App } from "../taskpane/App";\nimport { XlsxWorkbook } from "../xlsx/workbook";\n${exporting("App, XlsxWorkbook")}`,
  ],
];

const UNUSED = {
  local: "export function f(a: number, b: number): number {\n  const c = 1;\n  void b;\n  return a;\n}\n",
  param: "export function f(a: number, b: number): number {\n  return a;\n}\n",
  marked: "export function f(a: number, _b: number): number {\n  return a;\n}\n",
};

const HOOKS = {
  conditional: `import * as React from "react";\nexport function A(p: { on: boolean }) {\n  if (p.on) React.useState(0);\n  return null;\n}\n`,
  missing: `import * as React from "react";\nexport function A(p: { n: number }) {\n  React.useEffect(() => {\n    console.log(p.n);\n  }, []);\n  return null;\n}\n`,
  fine: `import * as React from "react";\nexport function A(p: { n: number }) {\n  React.useEffect(() => {\n    console.log(p.n);\n  }, [p.n]);\n  return null;\n}\n`,
};

const PROBES: Array<[string, string]> = [
  ...BAD.map(([f, t]): [string, string] => [f, t]),
  ...GOOD,
  ...Object.values(UNUSED).map((t): [string, string] => ["src/cli/probe.ts", t]),
  ...Object.values(HOOKS).map((t): [string, string] => ["src/web/probe.tsx", t]),
];

let results: Map<string, string[]>;

beforeAll(() => {
  const input = JSON.stringify(PROBES.map(([file, text]) => ({ file, text })));
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-probes.mjs"), ROOT], {
    input,
    encoding: "utf8",
    cwd: ROOT,
  });
  const ids = JSON.parse(out) as string[][];
  results = new Map(PROBES.map(([file, text], i) => [`${file}\n${text}`, ids[i]]));
}, 120_000);

function ruleIds(file: string, text: string): string[] {
  return results.get(`${file}\n${text}`)!;
}

describe("folder boundaries", () => {
  it.each(BAD)("%s: %j → %s", (file, text, rule) => {
    expect(ruleIds(file, text)).toContain(rule);
  });

  it.each(GOOD)("%s: allowed imports pass (%j)", (file, text) => {
    expect(ruleIds(file, text)).toEqual([]);
  });
});

describe("unused names and React hooks", () => {
  it("reports an unused local and `void x;`, an unused parameter, but not one named _x", () => {
    const local = ruleIds("src/cli/probe.ts", UNUSED.local);
    expect(local.filter((r) => r === "@typescript-eslint/no-unused-vars")).toHaveLength(1); // c (b is "used" by void)
    expect(local).toContain("no-restricted-syntax");
    expect(ruleIds("src/cli/probe.ts", UNUSED.param)).toEqual(["@typescript-eslint/no-unused-vars"]);
    expect(ruleIds("src/cli/probe.ts", UNUSED.marked)).toEqual([]);
  });

  it("reports a hook called conditionally and a missing effect dependency", () => {
    expect(ruleIds("src/web/probe.tsx", HOOKS.conditional)).toContain("react-hooks/rules-of-hooks");
    expect(ruleIds("src/web/probe.tsx", HOOKS.missing)).toContain("react-hooks/exhaustive-deps");
    expect(ruleIds("src/web/probe.tsx", HOOKS.fine)).toEqual([]);
  });
});
