/** The lists of rules are generated from the rules' metadata: the docs/rules index is up to date. */
import fs from "node:fs";
import path from "node:path";
import { README, withRulesIndex } from "../../scripts/build-rules-index";
import { RULES } from "../../src/core/rules";
import { FIX_LABEL, RULE_CATEGORIES, rulesIndexTable } from "../../src/core/rules/catalogue";

describe("the rule catalogue", () => {
  it("docs/rules/README.md's table is the one generated from the metadata (run `npx tsx scripts/build-rules-index.ts`)", () => {
    const readme = fs.readFileSync(README, "utf8");
    expect(readme).toBe(withRulesIndex(readme));
  });

  it("lists every rule once, in catalogue order, with its fix safety and an existing doc page", () => {
    const rows = rulesIndexTable().split("\n").slice(2);
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)![1])).toEqual(RULES.map((r) => r.meta.id));
    RULES.forEach((r, k) => {
      expect(rows[k]).toContain(`| ${FIX_LABEL[r.meta.fix]} |`);
      expect(fs.existsSync(path.join(path.dirname(README), `${r.meta.id}.md`))).toBe(true);
    });
  });

  it("every rule's category is one of the catalogue's sections, and the sections come in order", () => {
    for (const r of RULES) expect(RULE_CATEGORIES).toContain(r.meta.category);
    const order = RULES.map((r) => RULE_CATEGORIES.indexOf(r.meta.category));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("each rule's doc page states the same fix safety as its metadata", () => {
    for (const r of RULES) {
      const head = fs
        .readFileSync(path.join(path.dirname(README), `${r.meta.id}.md`), "utf8")
        .split("\n")
        .find((l) => l.startsWith("- 快速修复："))!;
      const said = /^- 快速修复：无/.test(head)
        ? "none"
        : /其余需确认|部分/.test(head)
          ? "safe-or-user"
          : /不是安全修复/.test(head)
            ? "user"
            : "safe";
      expect({ id: r.meta.id, said }).toEqual({ id: r.meta.id, said: r.meta.fix });
    }
  });
});
