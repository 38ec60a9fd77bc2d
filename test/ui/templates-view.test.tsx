/** @jest-environment jsdom */
/**
 * 模板 view: search (Chinese, pinyin, initials), the 一级/二级 tree, the preview row, the
 * placeholder form with validation, 插入 into the table the user is in (or below the selected
 * row), import/export of user templates.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { parseWorkbook } from "../../src/core/parse";
import { WorkbookError } from "../../src/core/port";
import { readFileText } from "../../src/taskpane/files";
import { FakePort } from "./fake-port";
import { ready, renderPane } from "./render";

jest.setTimeout(30_000);

function templateItems(): HTMLElement[] {
  const list = screen.queryByTestId("templates");
  return list ? within(list).queryAllByRole("listitem") : [];
}

function names(): string[] {
  return templateItems().map((el) => el.querySelector("[data-template]")!.getAttribute("data-template")!);
}

async function search(text: string): Promise<void> {
  fireEvent.change(screen.getByRole("searchbox", { name: /搜索模板/ }), { target: { value: text } });
  await waitFor(() => expect(templateItems().length).toBeGreaterThan(0));
}

function openTemplate(id: string): void {
  const button = templateItems()
    .map((el) => el.querySelector<HTMLElement>(`[data-template="${id}"]`))
    .find(Boolean);
  if (!button) throw new Error(`template ${id} not listed`);
  fireEvent.click(button);
}

describe("模板 view", () => {
  test("search by Chinese, full pinyin and initials; each result previews its row", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "templates" });
    await ready();
    await waitFor(() => expect(templateItems().length).toBeGreaterThan(5));
    await search("参训学员满意度");
    expect(names()[0]).toBe("training-satisfaction");
    await search("peixun");
    expect(names().some((n) => n.startsWith("training"))).toBe(true);
    await search("myd");
    expect(names().slice(0, 5).every((n) => n.endsWith("satisfaction"))).toBe(true);
    await search("服务对象满意度");
    // the preview: the name, value and explanation with the defaults filled in
    const item = templateItems().find((el) => el.querySelector('[data-template="general-satisfaction"]'))!;
    expect(item.textContent).toContain("服务对象满意度");
    expect(item.textContent).toContain("≥90%");
    expect(item.textContent).toContain("随机抽取30名服务对象");
    fireEvent.change(screen.getByRole("searchbox", { name: /搜索模板/ }), { target: { value: "不存在的指标xyz" } });
    const empty = await screen.findByText(/没有找到匹配的模板/);
    expect(empty.textContent).toContain("换个关键词");
    expect(screen.queryByTestId("templates")).toBeNull();
    expect(screen.getByText(/^\d+ 个模板$/).textContent).toBe("0 个模板");
  });

  test("the category tree filters by 一级 and 二级", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "templates" });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /^分类：全部模板/ }));
    const tree = screen.getByRole("navigation", { name: /模板分类/ });
    fireEvent.click(within(tree).getByRole("button", { name: /^满意度指标，\d+ 个模板/ }));
    await waitFor(() => expect(templateItems().length).toBeGreaterThan(0));
    expect(templateItems().every((el) => el.textContent!.includes("满意度 › 服务对象满意度"))).toBe(true);
    fireEvent.click(within(tree).getByRole("button", { name: /^产出指标，/ }));
    fireEvent.click(within(tree).getByRole("button", { name: /^产出指标 › 时效指标，/ }));
    await waitFor(() => expect(templateItems()[0].textContent).toContain("产出 › 时效"));
    expect(templateItems().every((el) => el.textContent!.includes("产出 › 时效"))).toBe(true);
    expect(screen.getByRole("button", { name: /^分类：/ }).textContent).toBe("分类：产出指标 › 时效指标");
    expect(
      within(tree)
        .getByRole("button", { name: /^产出指标 › 时效指标，/ })
        .getAttribute("aria-pressed")
    ).toBe("true");
    expect(
      within(tree)
        .getByRole("button", { name: /^产出指标，/ })
        .getAttribute("aria-pressed")
    ).toBe("false");
  });

  test("the table's own sector first, a sector filter, and where each template comes from", async () => {
    const port = await FakePort.seed(); // 六盘水市财政局: 财政管理
    port.selection = { sheet: "会计职称考试", address: "D16" };
    renderPane(port, { view: "templates" });
    await ready();
    const select = screen.getByRole("combobox", { name: "按领域筛选模板" }) as HTMLSelectElement;
    await waitFor(() => expect(within(select).getByRole("option", { name: "财政管理（本表所属领域）" })).toBeTruthy());
    await search("合格率");
    await waitFor(() => expect(names()[0]).toMatch(/^(review|inspection|soe|evaluation|exam|procurement|finance|it-budget)/));
    expect(templateItems()[0].textContent).toContain("财政管理");
    fireEvent.change(select, { target: { value: "林业草原" } });
    await waitFor(() => expect(names()).toContain("forest-seedling-quality"));
    expect(templateItems().every((el) => el.textContent!.includes("林业草原"))).toBe(true);
    openTemplate("forest-seedling-quality");
    expect(await screen.findByText("来源：《造林技术规程》（GB/T 15776）")).toBeTruthy();
  });

  test("a 社会成本 template in a table whose 成本 stands under 产出: the form says why it cannot be inserted", async () => {
    const port = await FakePort.seed();
    port.selection = { sheet: "会计职称考试", address: "D16" };
    renderPane(port, { view: "templates" });
    await ready();
    await search("general-complaints");
    openTemplate("general-complaints");
    expect(await screen.findByText(/没有“社会成本指标”的位置/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^插入“/ }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("不能作为产出成本指标插入"));
    expect(port.applied).toHaveLength(0);
  });

  test("a template's form validates its placeholders, previews the row and 插入 puts it into the table the user is in", async () => {
    const port = await FakePort.seed();
    port.selection = { sheet: "会计职称考试", address: "D16" };
    renderPane(port, { view: "templates" });
    await ready();
    await search("general-satisfaction");
    openTemplate("general-satisfaction");
    const preview = await screen.findByTestId("template-preview");
    expect(preview.textContent).toContain("随机抽取30名服务对象");
    // the table the selection is in is preselected
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "插入到哪张表" }) as HTMLSelectElement).value).toBe(
        "会计职称考试!A4"
      )
    );
    const n = screen.getByRole("textbox", { name: /抽样人数/ });
    fireEvent.change(n, { target: { value: "三十" } });
    await screen.findByText(/“抽样人数”应为整数/);
    expect(n.getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: /^插入“/ }));
    expect(port.applied).toHaveLength(0);
    fireEvent.change(n, { target: { value: "30" } });
    fireEvent.change(screen.getByRole("textbox", { name: /调查对象/ }), { target: { value: "考生" } });
    expect(preview.textContent).toContain("考生满意度");
    expect(preview.textContent).toContain("随机抽取30名考生");
    fireEvent.click(screen.getByRole("button", { name: "插入“考生满意度”" }));
    await waitFor(() => expect(port.applied).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("已插入“考生满意度”"));
    // the new row sits in the 满意度 section of that table and is selected; the list was re-checked
    const table = parseWorkbook(port.grids).tables.find((t) => t.sheet === "会计职称考试")!;
    const row = table.indicatorBlock.indicators.find((i) => i.name === "考生满意度")!;
    expect(row.level1.standard).toBe("满意度");
    expect(row.explanation).toContain("随机抽取30名考生");
    expect(port.selection?.sheet).toBe("会计职称考试");
    expect(port.selection?.address).toBe(`${port.applied[0].select!.address}`);
    expect(port.calls).toContain("mark");
  });

  test("a workbook that cannot be read: the form says why, not that it has no table", async () => {
    const port = await FakePort.seed();
    port.readSheets = async () => {
      throw new WorkbookError("failed", "Excel 拒绝了请求。");
    };
    renderPane(port, { view: "templates" });
    await ready();
    await waitFor(() => expect(templateItems().length).toBeGreaterThan(5));
    await search("general-satisfaction");
    openTemplate("general-satisfaction");
    expect(await screen.findByText("无法读取工作簿中的表格：Excel 拒绝了请求。")).toBeTruthy();
    expect(screen.queryByText("工作簿中没有找到绩效目标表。")).toBeNull();
  });

  test("插入到选中行下方 inserts below the selected row; a selection outside the block is refused with a hint", async () => {
    const port = await FakePort.seed();
    port.selection = { sheet: "会计职称考试", address: "A1" };
    renderPane(port, { view: "templates" });
    await ready();
    await search("general-satisfaction");
    openTemplate("general-satisfaction");
    await screen.findByTestId("template-preview");
    fireEvent.click(screen.getByRole("checkbox", { name: /插入到选中行下方/ }));
    fireEvent.click(screen.getByRole("button", { name: /^插入“/ }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("不在“会计职称考试”的指标区内"));
    expect(port.applied).toHaveLength(0);
    port.selection = { sheet: "会计职称考试", address: "D17" };
    fireEvent.click(screen.getByRole("button", { name: /按当前选中的单元格重新确定插入位置/ }));
    await screen.findByRole("checkbox", { name: /第 17 行/ });
    fireEvent.click(screen.getByRole("button", { name: /^插入“/ }));
    await waitFor(() => expect(port.applied).toHaveLength(1));
    expect(port.applied[0].select!.address).toMatch(/18$/);
  });

  test("import and export of user templates (JSON), kept in the workbook's settings", async () => {
    const port = await FakePort.seed();
    renderPane(port, { view: "templates" });
    await ready();
    const file = new File(
      [
        JSON.stringify([
          {
            id: "my-visits",
            level1: "产出",
            level2: "数量",
            name: "走访企业数",
            value: "≥{N}家",
            explanation: "反映走访企业的数量",
            placeholders: [{ key: "N", label: "企业数", type: "integer", default: "20" }],
            keywords: ["走访"],
          },
          { id: "broken", level1: "产出" },
        ]),
      ],
      "templates.json",
      { type: "application/json" }
    );
    fireEvent.change(screen.getByLabelText("选择模板 JSON 文件"), { target: { files: [file] } });
    const notice = await screen.findByTestId("notice");
    await waitFor(() => expect(notice.textContent).toContain("已导入 1 个模板"));
    expect(notice.textContent).toContain("第2个模板");
    expect(port.settings.userTemplates.map((t) => t.id)).toEqual(["my-visits"]);
    await search("zoufang");
    expect(names()).toContain("my-visits");
    expect(templateItems()[0].textContent).toContain("自定义");
    // export
    const created: Blob[] = [];
    const origCreate = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (created.push(b), "blob:x");
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    try {
      fireEvent.click(screen.getByRole("button", { name: "导出自定义模板（JSON 文件）" }));
    } finally {
      URL.createObjectURL = origCreate;
    }
    expect(created).toHaveLength(1);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
    const text = await readFileText(created[0]);
    expect(JSON.parse(text).templates[0].id).toBe("my-visits");
    // delete it again
    openTemplate("my-visits");
    fireEvent.click(await screen.findByRole("button", { name: /^删除自定义模板/ }));
    await waitFor(() => expect(port.settings.userTemplates).toHaveLength(0));
  });
});
