/**
 * What the user reads of a parse problem (problemText; the pane's lists and the CLI use it): where
 * it is, then what — the sheet and cell said once, never twice.
 */
import { gridFromRows } from "../../src/core/grid";
import { parseSheet, problemText } from "../../src/core/parse";

const HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"];

describe("problemText", () => {
  it("a sheet problem names its sheet once", () => {
    const { problems } = parseSheet(gridFromRows("空表", []));
    expect(problems.map(problemText)).toEqual(["工作表“空表”是空的。"]);
  });

  it("a sheet without a table: its explanation, with the sheet named once", () => {
    const { problems } = parseSheet(gridFromRows("说明", [["本表说明"]]));
    expect(problems).toHaveLength(1);
    expect(problemText(problems[0])).toMatch(/^工作表“说明”未识别到绩效目标表：/);
    expect(problemText(problems[0]).match(/工作表“说明”/g)).toHaveLength(1);
  });

  it("an error value: the sheet and the cell in front, the message without them", () => {
    const { problems } = parseSheet(
      gridFromRows("表一", [
        ["某项目绩效目标表"],
        HEADER,
        ["产出指标", "数量指标", "培训班次", { text: "#REF!", type: "error" }, "反映培训班次"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "反映满意程度"],
      ])
    );
    const cell = problems.filter((p) => p.scope === "cell");
    expect(cell.map(problemText)).toEqual(["工作表“表一” D3：错误值 #REF!，已按空白处理，请先修正公式或引用。"]);
  });
});
