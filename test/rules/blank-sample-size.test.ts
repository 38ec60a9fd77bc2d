import { blankSampleSize, findSampleBlanks } from "../../src/core/rules/blank-sample-size";
import { ruleTester } from "../helpers/rule-tester";

const S = (sentence: string) => [["满意度指标", "服务对象满意度指标", "被评审单位满意度", "≥85%", sentence]] as const;

ruleTester(blankSampleSize, {
  valid: [
    { name: "随机抽取30名 has its size", rows: [...S("反映满意程度，随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%")] },
    { name: "a count written after the people", rows: [...S("随机抽选系统使用相关人员10人发放调查问卷")] },
    { name: "no survey at all", rows: [...S("反映被评审单位对评审工作的满意程度")] },
    { name: "a count in 个", rows: [...S("随机抽取10个企业相关人员发放调查问卷")] },
    { name: "a formula with spaces is not a survey blank", rows: [...S("计算公式：满意问卷数 / 问卷总数 ×100%")] },
  ],
  invalid: [
    {
      name: "随机抽取 名 (a space where the number belongs)",
      rows: [...S("反映被评价单位对财政绩效评价的满意程度，随机抽取 名被评价单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%")],
      errors: [{ cell: "E15", severity: "error", message: "抽样数量空白", fix: "反映被评价单位对财政绩效评价的满意程度，随机抽取{N}名被评价单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%" }],
    },
    {
      name: "two blank counts in one sentence (the seed's F63)",
      rows: [...S("反映被评审单位对财政评审工作的满意程度，随机抽取 名被评审单位人员 名发放调查问卷")],
      errors: [{ cell: "E15", message: "2处", fix: "反映被评审单位对财政评审工作的满意程度，随机抽取{N1}名被评审单位人员{N2}名发放调查问卷" }],
    },
    { name: "抽取  人", rows: [...S("抽取  人发放问卷")], errors: [{ fix: "抽取{N}人发放问卷" }] },
    { name: "随机抽取__名", rows: [...S("随机抽取__名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    { name: "随机抽取N名", rows: [...S("随机抽取N名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    { name: "随机抽取XX名", rows: [...S("随机抽取XX名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    { name: "a template placeholder {N} left unfilled", rows: [...S("随机抽取{N}名服务对象发放调查问卷")], errors: [{}] },
    { name: "no count at all: 随机抽取名", rows: [...S("随机抽取名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
  ],
});

describe("findSampleBlanks", () => {
  it.each([
    ["随机抽取 名被评审单位人员 名发放调查问卷", 2],
    ["随机抽取30名参训学员发放调查问卷", 0],
    ["随机抽取10名人员 名", 1],
    ["随机抽取30名学员，每名学员填写1份", 0],
    ["随机抽取100名涉及政府采购的相关人员发放调查问卷", 0],
    ["随机调查 人", 1],
  ])("%s → %i", (text, n) => {
    expect(findSampleBlanks(text)).toHaveLength(n);
  });
});
