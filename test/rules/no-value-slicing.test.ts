/**
 * No rule (and not the template planner) rebuilds a value's text itself: they go through the value
 * model (src/core/value: parse → writeValue / operatorSteps / valueSteps / splitForColumns). This
 * reads their sources for string surgery on anything that holds a value's text.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..", "src", "core");
const FILES = [
  ...fs.readdirSync(path.join(ROOT, "rules")).map((f) => path.join("rules", f)),
  path.join("templates", "plan.ts"),
  path.join("templates", "fill.ts"),
];
/** A value's text (raw, operatorText, a template's value …) cut, searched or rewritten as a string. */
const SURGERY =
  /\b(raw|operatorText|unitText|value|texts\.value|valueText)\b(\??\.[\w$]+)*\??\.(slice|substring|substr|replace|replaceAll|split|startsWith|endsWith|indexOf|lastIndexOf|padStart|at)\(/;

describe("value texts are rebuilt only by the value model", () => {
  it.each(FILES)("%s", (file) => {
    const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
    const hits = lines.map((l, k) => `${k + 1}: ${l.trim()}`).filter((l) => SURGERY.test(l));
    expect(hits).toEqual([]);
  });

  it("the check finds string surgery when there is some", () => {
    for (const line of [
      'newText = "=" + v.raw.slice((v.operatorText ?? "").length)',
      "const rest = texts.value.slice(v.operatorText.length).trim();",
      "if (v.raw.startsWith(v.operatorText)) x = 1;",
      'i.value.raw.replace(/以上$/, "")',
      't.value.replace(/\\{[^}]*\\}/g, "1")',
    ])
      expect(SURGERY.test(line)).toBe(true);
  });
});
