/** @jest-environment jsdom */
/**
 * 设置 view: rule switches and severities, the rule's doc (HTML rendered from the Markdown at build
 * time by scripts/rule-docs.js, HTML written in the Markdown kept as text), budget year,
 * highlight and notes, import/export of the settings file (the format `perf-target --config`
 * reads), restore defaults. All stored through port.saveSettings.
 */
import fs from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { RULES } from "../../src/core/rules";
import { FIX_LABEL } from "../../src/core/rules/catalogue";
import { normaliseSettings } from "../../src/core/settings";
import { readFileText } from "../../src/taskpane/files";
import { renderRuleDoc } from "../../scripts/rule-docs";
import { FakePort } from "./fake-port";
import { itemAt, ready, renderPane, runCheck } from "./render";

jest.setTimeout(30_000);

const DOCS = path.join(__dirname, "..", "..", "docs", "rules");
const loadDoc = async (id: string) => renderRuleDoc(fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8"));

describe("设置 view", () => {
  test("every rule with its Chinese title, description, switch, severity and doc", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "settings", loadDoc });
    await ready();
    expect(screen.getAllByRole("switch", { name: /^规则“/ })).toHaveLength(22);
    // what each rule's quick fixes are, from its metadata
    for (const r of RULES)
      expect(document.querySelector(`[data-rule="${r.meta.id}"]`)?.textContent).toContain(`快速修复：${FIX_LABEL[r.meta.fix]}`);
    const sev = screen.getByRole("combobox", { name: "“抽样数量空白”的级别" }) as HTMLSelectElement;
    expect(sev.value).toBe("");
    fireEvent.change(sev, { target: { value: "warning" } });
    await waitFor(() => expect(port.settings.rules["blank-sample-size"]).toEqual({ severity: "warning" }));
    fireEvent.click(screen.getByRole("switch", { name: "规则“缺少比较符号”：已开启" }));
    await waitFor(() => expect(port.settings.rules["missing-operator"]).toEqual({ enabled: false }));
    // the doc: rendered from docs/rules/<id>.md, links to the page on the add-in's own origin
    fireEvent.click(screen.getByRole("button", { name: "查看“抽样数量空白”的说明" }));
    const doc = await screen.findByRole("region", { name: "规则说明" });
    await within(doc).findByText("检查什么");
    expect(doc.textContent).toContain("随机抽取 名被评审单位人员 名");
    expect(within(doc).getAllByRole("table").length).toBeGreaterThan(0);
    const link = screen.getByRole("link", { name: /抽样数量空白.*blank-sample-size\.md/ });
    expect(link.getAttribute("href")).toBe("docs/rules/blank-sample-size.md");
    // the check uses the settings: a warning instead of an error, no missing-operator findings
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
    await runCheck();
    expect(port.marked.some((f) => f.rule === "missing-operator")).toBe(false);
    expect(port.marked.find((f) => f.rule === "blank-sample-size")?.severity).toBe("warning");
  });

  test("budget year, highlight and notes are saved; highlight off clears the marks on the next check", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "settings", loadDoc });
    await ready();
    const year = screen.getByRole("textbox", { name: "预算年度" });
    fireEvent.change(year, { target: { value: "20" } });
    await screen.findByText("请填写 1990–2100 之间的四位年份，或留空");
    expect(year.getAttribute("aria-invalid")).toBe("true");
    fireEvent.keyDown(year, { key: "Enter" });
    expect(port.settings.budgetYear).toBeNull(); // an invalid year is not saved
    fireEvent.change(year, { target: { value: "２０２６" } }); // full-width digits are accepted
    fireEvent.keyDown(year, { key: "Enter" });
    await waitFor(() => expect(port.settings.budgetYear).toBe(2026));
    fireEvent.click(screen.getByRole("switch", { name: /在单元格上标记问题/ }));
    await waitFor(() => expect(port.settings.highlight).toBe(false));
    expect((screen.getByRole("switch", { name: /批注/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
    await runCheck();
    expect(port.markCalls).toBe(0);
    expect(port.clearCalls).toBeGreaterThan(0);
    // budget year 2026: the 2025 tables' targets now look stale — the deadline "2025年12月31日前" of
    // 国资在线监测 is now in the past, and the old "力争2022年" is measured against 2026
    fireEvent.click(screen.getByRole("button", { name: "全部折叠" }));
    fireEvent.click(screen.getByRole("button", { name: /^年份不符（前后一致），2 条/ }));
    expect(itemAt("国资在线监测!F26", "stale-year")?.textContent).toContain(
      "“2025年12月31日前”，2025年早于预算年度2026年，请更新"
    );
    expect(itemAt("政府采购电子卖场!B10", "stale-year")?.textContent).toContain("2022年早于预算年度2026年");
    // with the year read from each table again (2025), that deadline is on time
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    fireEvent.change(year, { target: { value: "" } });
    fireEvent.blur(year);
    await waitFor(() => expect(port.settings.budgetYear).toBeNull());
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: /^年份不符/ }).getAttribute("aria-label")).toMatch(/，1 条/)
    );
    expect(itemAt("国资在线监测!F26", "stale-year")).toBeUndefined();
    expect(itemAt("政府采购电子卖场!B10", "stale-year")?.textContent).toContain("2022年早于预算年度2025年");
  });

  test("export and import of the settings file (the --config format), with problems reported", async () => {
    const port = await FakePort.seed();
    port.settings = { ...port.settings, budgetYear: 2025, rules: { "formula-style": "off" } };
    renderPane(port, { view: "settings", loadDoc });
    await ready();
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (created.push(b), "blob:x");
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "导出设置（JSON 文件）" }));
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
    const exported = JSON.parse(await readFileText(created[0]));
    expect(normaliseSettings(exported).problems).toEqual([]);
    expect(exported.budgetYear).toBe(2025);
    expect(exported.rules["formula-style"]).toBe("off");

    const file = new File(
      [
        JSON.stringify({
          rules: { "stale-year": "off", "vague-value": { severity: "bad" } },
          budgetYear: 1800,
          highlight: false,
        }),
      ],
      "设置.json"
    );
    fireEvent.change(screen.getByLabelText("选择设置 JSON 文件"), { target: { files: [file] } });
    const notice = await screen.findByTestId("notice");
    await waitFor(() => expect(notice.textContent).toContain("部分内容有问题"));
    expect(notice.textContent).toContain("预算年度");
    expect(port.settings.rules["stale-year"]).toBe("off");
    expect(port.settings.highlight).toBe(false);
    expect(port.settings.budgetYear).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "恢复默认设置" }));
    await waitFor(() => expect(port.settings.rules).toEqual({}));
    expect(port.settings.highlight).toBe(true);
  });

  test("a settings file that cannot be read: a Chinese message, nothing saved", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "settings", loadDoc });
    await ready();
    const file = new File(["{}"], "设置.json");
    file.text = () => Promise.reject(Object.assign(new Error("The file could not be read"), { name: "NotReadableError" }));
    fireEvent.change(screen.getByLabelText("选择设置 JSON 文件"), { target: { files: [file] } });
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toMatch(/无法读取所选文件.*The file could not be read.*重新选择/);
    expect(port.calls).not.toContain("saveSettings");
  });
});

describe("rule docs: HTML rendered at build time", () => {
  test("HTML in the Markdown stays text; only links to rule pages are links, and they open in the view", async () => {
    const page =
      '# 标题\n\n一段 **粗体** 和 `代码` <img src=x onerror="window.__md=1">\n\n' +
      "- 项目 [另一规则](missing-unit.md)\n- 外链 [网站](https://example.com/)\n- 图片 ![示意图](https://example.com/x.png)\n\n" +
      "| a | b |\n|---|---|\n| <b>x</b> | y |\n";
    const docs: Record<string, string> = { "blank-sample-size": page, "missing-unit": "# 缺少单位\n\n另一页的说明" };
    const port = await FakePort.seed();
    renderPane(port, { view: "settings", loadDoc: async (id) => renderRuleDoc(docs[id]) });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "查看“抽样数量空白”的说明" }));
    const doc = await screen.findByRole("region", { name: "规则说明" });
    await within(doc).findByRole("heading", { level: 3, name: "标题" });
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.querySelector("b")).toBeNull();
    expect(doc.textContent).toContain('<img src=x onerror="window.__md=1">');
    expect(doc.textContent).toContain("<b>x</b>");
    expect(doc.querySelector("strong")!.textContent).toBe("粗体");
    expect(doc.querySelector("code")!.textContent).toBe("代码");
    expect(doc.textContent).toContain("网站");
    expect(doc.textContent).toContain("示意图");
    expect(within(doc).getAllByRole("table")).toHaveLength(1);
    const links = doc.querySelectorAll("a");
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute("href")).toBe("docs/rules/missing-unit.md");
    // a link to another rule opens its page in place, with a way back
    fireEvent.click(links[0]);
    await within(doc).findByText("另一页的说明");
    fireEvent.click(within(doc).getByRole("button", { name: "返回本规则的说明" }));
    await within(doc).findByRole("heading", { level: 3, name: "标题" });
    expect((window as unknown as { __md?: number }).__md).toBeUndefined();
  });
});
