/** perf-target --rules: the catalogue with Chinese titles, default severities, categories, quick fixes. */
import fs from "node:fs";
import path from "node:path";
import { RULES } from "../../src/core/rules";
import { FIX_LABEL } from "../../src/core/rules/catalogue";
import { ROOT, rmTemp, runCli, tempDir } from "./helpers";

describe("perf-target --rules", () => {
  it("lists every rule with its Chinese title, default severity, category and quick fix", async () => {
    const r = await runCli(["--rules"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`校验规则（共 ${RULES.length} 条）：`);
    expect(lines[1]).toMatch(/^编号\s+名称\s+默认级别\s+类别\s+快速修复$/);
    for (const rule of RULES) {
      const line = lines.find((l) => l.startsWith(rule.meta.id + " "));
      expect(line).toBeDefined();
      expect(line).toContain(rule.meta.title);
      expect(line).toContain(rule.meta.category);
      expect(line).toMatch(
        new RegExp(`\\s${{ error: "错误", warning: "警告", info: "提示" }[rule.meta.defaultSeverity]}\\s`)
      );
      expect(line).toMatch(rule.meta.fixable ? /有（/ : /\s无$/);
    }
    expect((await runCli(["check", "--rules"])).stdout).toBe(r.stdout);
  });

  it("--json: one document with every rule", async () => {
    const r = await runCli(["--rules", "--json"]);
    const doc = JSON.parse(r.stdout) as { rules: Array<Record<string, unknown>> };
    expect(doc.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    for (const x of doc.rules) {
      expect(Object.keys(x)).toEqual([
        "id",
        "title",
        "description",
        "defaultSeverity",
        "category",
        "quickFix",
        "safeFix",
        "docs",
      ]);
      expect(fs.existsSync(path.join(ROOT, "docs", "rules", `${x.id as string}.md`))).toBe(true);
    }
  });

  it("shows what a settings file changes", async () => {
    const dir = tempDir("rules");
    try {
      const config = path.join(dir, "s.json");
      fs.writeFileSync(
        config,
        JSON.stringify({ rules: { "vague-value": "off", "missing-unit": { severity: "info" } } })
      );
      const r = await runCli(["--rules", "--config", config]);
      expect(r.stdout).toMatch(/^vague-value .* 已关闭$/m);
      expect(r.stdout).toMatch(/^missing-unit .* 级别改为提示$/m);
      expect(r.stdout).toMatch(/^missing-explanation .* 默认$/m);
      const json = JSON.parse((await runCli(["--rules", "--json", "--config", config])).stdout) as {
        rules: Array<{ id: string; enabled: boolean; severity: string }>;
      };
      expect(json.rules.find((x) => x.id === "vague-value")).toMatchObject({ enabled: false });
      expect(json.rules.find((x) => x.id === "missing-unit")).toMatchObject({ enabled: true, severity: "info" });
    } finally {
      rmTemp(dir);
    }
  });

  it("says which quick fixes are safe as the rules' metadata and docs/rules/README.md do", async () => {
    const r = await runCli(["--rules"]);
    const readme = fs.readFileSync(path.join(ROOT, "docs", "rules", "README.md"), "utf8");
    for (const rule of RULES) {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${rule.meta.id}\``));
      expect(row).toBeDefined();
      const fix = row!.split("|")[5].trim();
      expect({ id: rule.meta.id, fix }).toEqual({ id: rule.meta.id, fix: FIX_LABEL[rule.meta.fix] });
      const line = r.stdout.split("\n").find((l) => l.startsWith(rule.meta.id + " "));
      expect(line).toContain(FIX_LABEL[rule.meta.fix]);
    }
  });
});
