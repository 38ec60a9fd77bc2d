/** The task pane's changes to the settings (src/taskpane/settings-changes.ts), without a workbook. */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { severityOverride, withRule } from "../../src/taskpane/settings-changes";
import { readSettingsFile } from "../../src/taskpane/settings-files";

describe("settings changes", () => {
  test("a rule switched on at its default severity leaves no entry; off or re-levelled is kept", () => {
    const off = withRule(DEFAULT_SETTINGS, "missing-unit", { enabled: false });
    expect(off.rules).toEqual({ "missing-unit": { enabled: false } });
    const info = withRule(off, "missing-unit", { enabled: true, severity: "info" });
    expect(info.rules).toEqual({ "missing-unit": { severity: "info" } });
    expect(withRule(info, "missing-unit", { enabled: true }).rules).toEqual({});
    expect(DEFAULT_SETTINGS.rules).toEqual({});
  });

  test("关闭此规则 keeps a severity set before, in either form of the settings file", () => {
    expect(severityOverride({ ...DEFAULT_SETTINGS, rules: { a: "info" } }, "a")).toBe("info");
    expect(severityOverride({ ...DEFAULT_SETTINGS, rules: { a: { severity: "error" } } }, "a")).toBe("error");
    expect(severityOverride({ ...DEFAULT_SETTINGS, rules: { a: "off" } }, "a")).toBeUndefined();
    expect(severityOverride(DEFAULT_SETTINGS, "a")).toBeUndefined();
  });

  test("a settings file: BOM allowed, bad parts reported in Chinese, not JSON refused", () => {
    const read = readSettingsFile('\uFEFF{"budgetYear": 1800, "rules": {"stale-year": "off"}}');
    if (!("settings" in read)) throw new Error("refused");
    expect(read.settings.rules["stale-year"]).toBe("off");
    expect(read.settings.budgetYear).toBeNull();
    expect(read.problems.join("")).toContain("预算年度");
    expect(readSettingsFile("{not json")).toEqual({ error: expect.stringMatching(/^设置文件不是有效的 JSON：/) });
  });
});
