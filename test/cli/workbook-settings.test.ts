/**
 * A workbook cannot quietly switch its own checks off (issue 16): checked under the settings it
 * carries, the text report, the --json (one `info` finding on the workbook, rule workbook-settings)
 * and the HTML report say which rules those settings switched off or lowered and how many findings
 * they hide; --ignore-workbook-settings and --config check with the reviewer's settings only.
 */
import fs from "node:fs";
import path from "node:path";
import { checkGrids } from "../../src/core/check";
import { settingsEffects, settingsEffectsMessage } from "../../src/core/rules/workbook-settings";
import { templatesFor } from "../../src/core/templates/registry";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx/package-read";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { validateDocument } from "./json-contract";
import { rmTemp, runCli, SAMPLE, tempDir } from "./helpers";

interface Finding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  indicator: string | null;
}

/** What the sample's author might have saved: two rules off, one lowered, two findings ignored. */
async function authorSettings(): Promise<AddinSettings> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)));
  const plain = checkGrids(read.sheets.map((s) => s.grid!));
  const ignore = plain.findings.filter((f) => f.rule === "missing-operator").slice(0, 2);
  return {
    ...DEFAULT_SETTINGS,
    rules: { "missing-explanation": "off", "blank-sample-size": { enabled: false }, "vague-value": "info" },
    ignored: ignore.map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.rule,
      sheet: f.sheet,
      indicator: f.indicator,
      message: f.message,
      ignoredAt: "2025-01-01",
    })),
  };
}

describe("the workbook's own settings", () => {
  let dir: string;
  let file: string;
  let settings: AddinSettings;
  beforeAll(async () => {
    dir = tempDir("wb-settings");
    settings = await authorSettings();
    const wb = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(SAMPLE)));
    await wb.saveSettings(settings);
    file = path.join(dir, "自带设置.xlsx");
    fs.writeFileSync(file, await wb.save());
  });
  afterAll(() => rmTemp(dir));

  it("counts, against the defaults, the findings each rule switched off or lowered hides, and the ignored ones", async () => {
    const read = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
    const grids = read.sheets.map((s) => s.grid!);
    const plain = checkGrids(grids);
    const own = checkGrids(grids, settings);
    const e = settingsEffects(own, settings, grids, templatesFor(settings.userTemplates))!;
    const count = (rule: string, severity?: string) =>
      plain.findings.filter((f) => f.rule === rule && (!severity || f.severity === severity)).length;
    expect(e.rules.map((r) => [r.rule, r.change])).toEqual([
      ["missing-explanation", "off"],
      ["blank-sample-size", "off"],
      ["vague-value", "info"],
    ]);
    expect(e.rules[0].counts.error).toBe(count("missing-explanation"));
    expect(e.rules[1].counts.error).toBe(count("blank-sample-size"));
    expect(e.rules[2].counts).toEqual({ error: 0, warning: count("vague-value", "warning"), info: 0 });
    expect(e.ignored).toBe(2);
    // what the defaults show = what the settings show + what they hide
    expect(plain.findings.length).toBe(
      own.findings.length + count("missing-explanation") + count("blank-sample-size") + 2
    );
    expect(plain.summary.error).toBe(3);
    expect(own.summary.error).toBe(0);
    expect(settingsEffectsMessage(e)).toMatch(
      /^本工作簿自带的设置关闭了 2 条规则（missing-explanation：错误 \d+；blank-sample-size：错误 \d+），调低了 1 条规则的级别（vague-value 改为提示：警告 \d+），忽略了 2 个问题，共隐藏 \d+ 个问题、降低 \d+ 个问题的级别。$/
    );
    expect(settingsEffects(checkGrids(grids), DEFAULT_SETTINGS, grids, templatesFor([]))).toBeNull();
  });

  it("the text, the JSON and the HTML report say so; the file passes under its settings but the reviewer sees why", async () => {
    const html = path.join(dir, "报告.html");
    const r = await runCli(["check", file, "--json", "--html", html]);
    expect(r.code).toBe(0); // no errors left under the author's settings …
    const doc = JSON.parse(r.stdout) as { files: Array<{ error: string | null; findings: Finding[] }> };
    validateDocument(doc as never);
    const notice = doc.files[0].findings[0]; // … but the first finding says what they hide
    expect(notice).toEqual({
      rule: "workbook-settings",
      severity: "info",
      sheet: "",
      cell: "A1",
      message: expect.stringMatching(
        /^本工作簿自带的设置关闭了 2 条规则（missing-explanation：错误 \d+；.*用 --ignore-workbook-settings 按默认设置检查。$/
      ),
      indicator: null,
    });
    expect(doc.files[0].findings.filter((f) => f.rule === "workbook-settings")).toHaveLength(1);
    const page = fs.readFileSync(html, "utf8");
    expect(page).toContain("（整个工作簿）");
    expect(page).toContain("workbook-settings");
    const text = await runCli(["check", file]);
    expect(text.stdout).toMatch(/提示 {2}（整个工作簿） {2}\[workbook-settings\] {2}本工作簿自带的设置关闭了 2 条规则/);
  });

  it("--ignore-workbook-settings and --config check with the reviewer's settings only: no notice, every finding", async () => {
    const plain = JSON.parse((await runCli(["check", SAMPLE, "--json"])).stdout) as {
      files: Array<{ findings: Finding[] }>;
    };
    const ignoring = await runCli(["check", file, "--json", "--ignore-workbook-settings"]);
    expect(ignoring.code).toBe(1);
    const a = JSON.parse(ignoring.stdout) as { files: Array<{ findings: Finding[] }> };
    expect(a.files[0].findings).toEqual(plain.files[0].findings);
    const config = path.join(dir, "审核.json");
    fs.writeFileSync(config, JSON.stringify({ rules: {} }));
    const withConfig = JSON.parse((await runCli(["check", file, "--json", "--config", config])).stdout) as {
      files: Array<{ findings: Finding[] }>;
    };
    expect(withConfig.files[0].findings).toEqual(plain.files[0].findings);
  });
});
