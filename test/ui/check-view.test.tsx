/** @jest-environment jsdom */
/**
 * 校验 view against the in-memory port on the sample workbook: check, summary and verdict, groups,
 * go-to-cell, 上一个/下一个, quick fixes with and without inputs, 全部修复, 忽略, 关闭此规则, 清除标记,
 * errors (protected sheet), the empty state, re-check after edits, 1,000 findings, cell text as text.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WorkbookError } from "../../src/core/port";
import { gridFromRows } from "../../src/core/grid";
import { sheetOf } from "../helpers/tables";
import { FakePort, notATable } from "./fake-port";
import { findingItems, itemAt, ready, renderPane, runCheck } from "./render";

jest.setTimeout(30_000);

function count(sev: "error" | "warning" | "info"): number {
  return Number(within(screen.getByTestId(`count-${sev}`)).getAllByText(/^\d+$/)[0].textContent);
}

async function openItem(cell: string, rule?: string): Promise<HTMLElement> {
  const item = await waitFor(() => {
    const el = itemAt(cell, rule);
    if (!el) throw new Error(`no finding at ${cell}`);
    return el;
  });
  fireEvent.click(within(item).getAllByRole("button")[0]);
  return waitFor(() => {
    const el = itemAt(cell, rule)!;
    expect(within(el).getAllByRole("button").length).toBeGreaterThan(1);
    return el;
  });
}

describe("校验 view on the sample workbook", () => {
  test("一键校验 shows the counts, the verdict and the seed's findings grouped by rule", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    await runCheck();
    expect(count("error")).toBe(3);
    expect(count("warning")).toBeGreaterThan(40);
    expect(count("info")).toBeGreaterThan(20);
    expect(screen.getByTestId("verdict").textContent).toContain("需修改后再提交");
    // the mission's findings: blank sample sizes on F63 and F66, the missing explanation on F62
    expect(itemAt("部门整体支出!F63", "blank-sample-size")?.textContent).toContain("问卷说明有2处抽样数量空白");
    expect(itemAt("部门整体支出!F66", "blank-sample-size")?.textContent).toContain("问卷说明抽样数量空白");
    expect(itemAt("部门整体支出!F62", "missing-explanation")?.textContent).toContain("缺少指标解释");
    // groups by rule, errors first, with counts
    const groupButtons = screen.getAllByRole("button", { expanded: true });
    expect(groupButtons[0].getAttribute("aria-label")).toMatch(/^指标解释缺失.*1 条/);
    expect(groupButtons[1].getAttribute("aria-label")).toMatch(/^抽样数量空白.*2 条/);
    // the marks follow the list
    expect(port.marked).toHaveLength(count("error") + count("warning") + count("info"));
    // every item shows its message, indicator and 工作表!单元格
    const f63 = itemAt("部门整体支出!F63")!;
    expect(f63.textContent).toContain("被评审单位满意度");
    expect(f63.textContent).toContain("部门整体支出!F63");
    expect(
      within(f63)
        .getAllByRole("img")
        .map((icon) => icon.getAttribute("aria-label"))
    ).toEqual(["错误"]);
  });

  test("groups collapse and expand; grouping by sheet lists the tables", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    const before = findingItems().length;
    const group = screen.getByRole("button", { name: /^抽样数量空白/ });
    fireEvent.click(group);
    expect(group.getAttribute("aria-expanded")).toBe("false");
    expect(itemAt("部门整体支出!F63")).toBeUndefined();
    fireEvent.click(group);
    expect(group.getAttribute("aria-expanded")).toBe("true");
    expect(itemAt("部门整体支出!F63", "blank-sample-size")?.textContent).toContain("抽样数量空白");
    fireEvent.click(screen.getByRole("button", { name: "按工作表分组" }));
    const first = screen.getAllByRole("button", { expanded: true })[0];
    expect(first.getAttribute("aria-label")).toMatch(/^部门整体支出（六盘水市财政局2025年部门整体支出绩效目标表）/);
    expect(findingItems()[0].getAttribute("data-cell")).toBe("部门整体支出!D31");
    fireEvent.click(screen.getByRole("button", { name: "全部折叠" }));
    expect(findingItems()).toHaveLength(0);
    expect(screen.getAllByRole("button", { expanded: false }).length).toBe(6);
    expect(before).toBeGreaterThan(5);
  });

  test("clicking a finding selects its cell; 上一个/下一个 follow the list from the selection and stay put after a fix", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    await openItem("部门整体支出!F63", "blank-sample-size");
    expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F63" });
    fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F66" }));
    fireEvent.click(screen.getByRole("button", { name: "上一个问题" }));
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F63" }));
    // the user selects another cell: 下一个 starts from there
    port.selection = { sheet: "部门整体支出", address: "F62" };
    fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
    // F62 is the first item (指标解释缺失); next is F63
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F63" }));
    // fix F63: the finding goes, and 下一个 goes to what followed it (F66), not back to the top
    const item = itemAt("部门整体支出!F63")!;
    fireEvent.change(within(item).getByLabelText("第1处抽样数量"), { target: { value: "20" } });
    fireEvent.change(within(item).getByLabelText("第2处抽样数量"), { target: { value: "2" } });
    fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
    await waitFor(() => expect(itemAt("部门整体支出!F63", "blank-sample-size")).toBeUndefined());
    fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F66" }));
  });

  test("the current finding's group can be collapsed; 下一个 into a collapsed group opens it", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    await openItem("部门整体支出!F63", "blank-sample-size");
    const group = screen.getByRole("button", { name: /^抽样数量空白/ });
    fireEvent.click(group);
    expect(group.getAttribute("aria-expanded")).toBe("false");
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole("button", { name: /^抽样数量空白/ }).getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(screen.getByRole("button", { name: "上一个问题" }));
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F62" }));
    fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
    await waitFor(() => expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F63" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: /^抽样数量空白/ }).getAttribute("aria-expanded")).toBe("true")
    );
    const current = itemAt("部门整体支出!F63", "blank-sample-size")!.querySelector("[aria-current=true]");
    expect(current?.getAttribute("aria-label")).toBe(
      "错误：指标“被评审单位满意度”的问卷说明有2处抽样数量空白，请填写抽取的人数（部门整体支出!F63）"
    );
  });

  test("a quick fix with an input: validation, then the plan filled with the value, applied, re-checked", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    const item = await openItem("部门整体支出!F66", "blank-sample-size");
    const input = within(item).getByLabelText("抽样数量");
    fireEvent.change(input, { target: { value: "abc" } });
    fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
    await within(item).findByText("“抽样数量”应为整数");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(port.applied).toHaveLength(0);
    fireEvent.change(input, { target: { value: "３０" } }); // full-width digits are accepted
    fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
    await waitFor(() => expect(itemAt("部门整体支出!F66", "blank-sample-size")).toBeUndefined());
    expect(port.text("部门整体支出", "F66")).toContain("随机抽取30名");
    expect(count("error")).toBe(2);
    expect(screen.getByTestId("notice").textContent).toContain("已修复：填写抽样数量");
    expect(port.selection).toEqual({ sheet: "部门整体支出", address: "F66" });
  });

  test("全部修复 applies every safe fix of a rule in one plan", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "全部折叠" }));
    const fixAll = screen.getByRole("button", { name: /^全部修复“公式写法不规范”/ });
    fireEvent.click(fixAll);
    await waitFor(() => expect(screen.queryByRole("button", { name: /^公式写法不规范/ })).toBeNull());
    expect(port.applied).toHaveLength(1);
    expect(port.applied[0].steps.length).toBeGreaterThan(10);
    expect(port.text("部门整体支出", "F43")).toContain("×100%");
    // rules whose fixes need a decision offer no 全部修复
    expect(screen.queryByRole("button", { name: /^全部修复“缺少比较符号”/ })).toBeNull();
  });

  test("忽略 and 关闭此规则 are stored in the settings and undone in 设置", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    const item = await openItem("部门整体支出!F62", "missing-explanation");
    fireEvent.click(within(item).getByRole("button", { name: /^忽略这条问题/ }));
    await waitFor(() => expect(itemAt("部门整体支出!F62", "missing-explanation")).toBeUndefined());
    expect(port.settings.ignored).toHaveLength(1);
    expect(port.settings.ignored[0].fingerprint).toMatch(/^missing-explanation:/);
    expect(port.marked.some((f) => f.cell === "F62" && f.rule === "missing-explanation")).toBe(false);
    expect(screen.getByTestId("summary").textContent).toContain("已忽略 1 条");

    const f66 = await openItem("部门整体支出!F66", "blank-sample-size");
    fireEvent.click(within(f66).getByRole("button", { name: "关闭规则“抽样数量空白”" }));
    await waitFor(() => expect(itemAt("部门整体支出!F66")).toBeUndefined());
    expect(port.settings.rules["blank-sample-size"]).toEqual({ enabled: false });
    expect(count("error")).toBe(0);
    expect(screen.getByTestId("verdict").textContent).toContain("可以提交");

    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    const restore = await screen.findByRole("button", { name: /^恢复：/ });
    fireEvent.click(restore);
    await waitFor(() => expect(port.settings.ignored).toHaveLength(0));
    const sw = screen.getByRole("switch", { name: /规则“抽样数量空白”/ });
    expect((sw as HTMLInputElement).checked).toBe(false);
    fireEvent.click(sw);
    await waitFor(() => expect(port.settings.rules["blank-sample-size"]).toBeUndefined());
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
    await waitFor(() => expect(count("error")).toBe(3));
  });

  test("清除标记 removes the marks and says so", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    expect(port.marked.length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: /^清除标记/ }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("已清除本助手的全部标记"));
    expect(port.marked).toHaveLength(0);
    expect(port.clearCalls).toBe(1);
  });

  test("a protected sheet: the edit is refused with a clear Chinese message, nothing changes", async () => {
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    port.refuseNext = new WorkbookError("protected", "工作表“部门整体支出”受保护，无法写入。", "部门整体支出");
    const item = await openItem("部门整体支出!F66", "blank-sample-size");
    fireEvent.change(within(item).getByLabelText("抽样数量"), { target: { value: "30" } });
    fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("受保护");
    expect(notice.textContent).toContain("撤销工作表保护");
    expect(itemAt("部门整体支出!F66", "blank-sample-size")?.textContent).toContain("问卷说明抽样数量空白");
    expect(port.applied).toHaveLength(0);
    expect(port.text("部门整体支出", "F66")).not.toContain("30名");
  });

  test("while a check runs: progress (sheets done/total) and the button disabled", async () => {
    const port = await FakePort.seed();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reads = 0;
    port.readDelay = async () => {
      reads++;
      if (reads === 3) await gate;
    };
    renderPane(port);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /一键校验/ }));
    await screen.findByText("正在读取工作表 2/6");
    expect((screen.getByRole("button", { name: /一键校验/ }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    await screen.findByTestId("summary");
    expect((screen.getByRole("button", { name: /一键校验/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("no table on any sheet: the parser's explanation and what to do", async () => {
    renderPane(notATable());
    await ready();
    await runCheck();
    const empty = screen.getByTestId("no-tables");
    expect(empty.textContent).toContain("没有找到绩效目标表");
    expect(empty.textContent).toContain("说明");
    expect(empty.textContent).toContain("可以这样做");
  });

  test("edits in the sheet re-check the list after a pause (debounced change events)", async () => {
    const port = await FakePort.seed();
    let fire: () => void = () => undefined;
    renderPane(port, { assistant: { changes: (l) => ((fire = l), () => undefined), debounceMs: 50, selfWriteMs: 0 } });
    await ready();
    await runCheck();
    expect(count("error")).toBe(3);
    port.setText(
      "部门整体支出",
      "F62",
      "反映预算单位对资金管理工作的满意程度，随机抽取30名预算单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%"
    );
    act(() => {
      fire();
      fire();
      fire();
    });
    await waitFor(() => expect(count("error")).toBe(2));
    expect(port.calls.filter((c) => c === "readSheets")).toHaveLength(2);
  });

  test("cell text is rendered as text: markup in a cell runs nothing", async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const grid = sheetOf("项目", {
      rows: [
        ["产出指标", "数量指标", evil, "5个", evil],
        ["效益指标", "社会效益指标", "群众受益", "≥90%", "反映受益情况"],
        [
          "满意度指标",
          "服务对象满意度指标",
          "群众满意度",
          "≥90%",
          "反映群众满意程度，随机抽取30名群众发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
        ],
      ],
    });
    const port = new FakePort([grid]);
    const alert = jest.fn();
    window.alert = alert;
    const { container } = renderPane(port);
    await ready();
    await runCheck();
    await waitFor(() => expect(findingItems().length).toBeGreaterThan(0));
    expect(container.textContent).toContain("<img src=x");
    expect(container.querySelector("img[src=x]")).toBeNull();
    expect(document.querySelectorAll("img").length).toBe(container.querySelectorAll("img[alt='']").length);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
  });

  test("1,000 findings: the list is virtualised (few rows in the DOM) and stays quick", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [
      "产出指标",
      "数量指标",
      `培训班次${i + 1}`,
      `${i + 1}个`,
      `反映第${i + 1}期培训班次`,
    ]);
    rows.push(["效益指标", "社会效益指标", "群众受益", "≥90%", "反映受益情况"]);
    rows.push([
      "满意度指标",
      "服务对象满意度指标",
      "群众满意度",
      "≥90%",
      "反映群众满意程度，随机抽取30名群众发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
    ]);
    const port = new FakePort([sheetOf("大表", { rows })]);
    renderPane(port);
    await ready();
    await runCheck();
    expect(count("warning")).toBeGreaterThanOrEqual(1000);
    const rendered = findingItems().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    // switching the grouping re-renders 1,000 findings quickly
    const t0 = performance.now();
    fireEvent.click(screen.getByRole("button", { name: "按工作表分组" }));
    fireEvent.click(screen.getByRole("button", { name: "按规则分组" }));
    expect(performance.now() - t0).toBeLessThan(1500);
    // keyboard: ArrowDown moves focus through rows not yet rendered
    const list = screen.getByTestId("findings");
    const firstItemButton = within(findingItems()[0]).getAllByRole("button")[0];
    firstItemButton.focus();
    for (let i = 0; i < 80; i++) fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    await waitFor(() => expect(list.contains(document.activeElement)).toBe(true));
    expect(Number(document.activeElement!.closest("[data-vindex]")!.getAttribute("data-vindex"))).toBe(81); // row 0 is the group's header
    expect(findingItems().length).toBeLessThan(80);
  });

  test("a re-check leaves the list where the user scrolled it (the current finding is brought into view once)", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ["产出指标", "数量指标", `培训班次${i + 1}`, `${i + 1}个`, `反映第${i + 1}期培训班次`]);
    rows.push(["效益指标", "社会效益指标", "群众受益", "≥90%", "反映受益情况"]);
    const port = new FakePort([sheetOf("大表", { rows })]);
    let fire: () => void = () => undefined;
    renderPane(port, { assistant: { changes: (l) => ((fire = l), () => undefined), debounceMs: 20, selfWriteMs: 0 } });
    await ready();
    await runCheck();
    fireEvent.click(within(findingItems()[0]).getAllByRole("button")[0]);
    await waitFor(() => expect(findingItems()[0].querySelector("[aria-current=true]")).not.toBeNull());
    // the user scrolls far down the list, then edits the sheet: the automatic re-check keeps the scroll
    const list = screen.getByTestId("findings");
    list.scrollTop = 9000;
    fireEvent.scroll(list);
    act(() => fire());
    await waitFor(() => expect(port.calls.filter((c) => c === "readSheets")).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole("button", { name: /一键校验/ }).hasAttribute("disabled")).toBe(false));
    await new Promise((r) => setTimeout(r, 50));
    expect(list.scrollTop).toBe(9000);
  });

  test("a workbook with an empty second sheet still checks", async () => {
    const port = await FakePort.seed();
    port.grids.push(gridFromRows("空白", []));
    renderPane(port);
    await ready();
    await runCheck();
    expect(count("error")).toBe(3);
  });
});

describe("accessibility", () => {
  test("every control of the three views has a Chinese accessible name", async () => {
    const { computeAccessibleName } = await import("dom-accessibility-api");
    const port = await FakePort.seed();
    renderPane(port);
    await ready();
    await runCheck();
    await openItem("部门整体支出!F63", "blank-sample-size");
    const unnamed: string[] = [];
    let audited = 0;
    const audit = () => {
      const controls = document.querySelectorAll<HTMLElement>(
        "button, input, select, textarea, a[href], [role=tab], [role=switch], [tabindex='0']"
      );
      for (const el of controls) {
        if (el.closest("[hidden], [aria-hidden=true]") || (el as HTMLInputElement).type === "file") continue;
        if (el.closest("[style*='display: none']")) continue;
        const name = computeAccessibleName(el);
        audited++;
        if (!/[\u4e00-\u9fff]/.test(name)) unnamed.push(`${el.tagName} "${name}" ${el.outerHTML.slice(0, 80)}`);
      }
    };
    audit();
    fireEvent.click(screen.getByRole("tab", { name: "模板" }));
    await screen.findByRole("searchbox", { name: /搜索模板/ });
    fireEvent.click(screen.getByRole("button", { name: /^分类：/ }));
    audit();
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    await screen.findAllByRole("switch", { name: /^规则“/ });
    audit();
    expect(unnamed).toEqual([]);
    expect(audited).toBeGreaterThan(100);
  });
});

describe("a region that cannot be read", () => {
  test("is listed above the findings of the tables that could be read", async () => {
    const grid = gridFromRows(
      "表一",
      [
        ["某项目绩效目标表"],
        ["项目名称", "测试项目"],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
        ["产出指标", "数量指标", "培训班次", "3次", "反映培训班次"],
        [],
        ["一级指标", "二级指标", "备注"],
        ["产出指标", "数量指标", "略"],
      ],
      ["A1:E1"]
    );
    renderPane(new FakePort([grid]));
    await ready();
    await runCheck();
    const box = screen.getByTestId("parse-problems");
    expect(box.textContent).toContain("以下部分未能识别");
    expect(box.textContent).toContain("表一!A6");
    expect(box.textContent).toContain("第 6 行起的表格无法识别");
    expect(findingItems().length).toBeGreaterThan(0);
  });
});
