import { blankSampleSize, findSampleBlanks } from "../../src/core/rules/blank-sample-size";
import { ruleTester } from "../helpers/rule-tester";

const S = (sentence: string) => [["满意度指标", "服务对象满意度指标", "被评审单位满意度", "≥85%", sentence]] as const;

ruleTester(blankSampleSize, {
  valid: [
    {
      name: "随机抽取30名 has its size",
      rows: [...S("反映满意程度，随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%")],
    },
    { name: "a count written after the people", rows: [...S("随机抽选系统使用相关人员10人发放调查问卷")] },
    { name: "no survey at all", rows: [...S("反映被评审单位对评审工作的满意程度")] },
    { name: "a count in 个", rows: [...S("随机抽取10个企业相关人员发放调查问卷")] },
    { name: "a formula with spaces is not a survey blank", rows: [...S("计算公式：满意问卷数 / 问卷总数 ×100%")] },
  ],
  invalid: [
    {
      name: "随机抽取 名 (a space where the number belongs)",
      rows: [
        ...S(
          "反映被评价单位对财政绩效评价的满意程度，随机抽取 名被评价单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%"
        ),
      ],
      errors: [
        {
          cell: "E15",
          severity: "error",
          message: "抽样数量空白",
          fix: "反映被评价单位对财政绩效评价的满意程度，随机抽取{N}名被评价单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
        },
      ],
    },
    {
      name: "two blank counts in one sentence (the seed's F63)",
      rows: [...S("反映被评审单位对财政评审工作的满意程度，随机抽取 名被评审单位人员 名发放调查问卷")],
      errors: [
        {
          cell: "E15",
          message: "2处",
          fix: "反映被评审单位对财政评审工作的满意程度，随机抽取{N1}名被评审单位人员{N2}名发放调查问卷",
        },
      ],
    },
    { name: "抽取  人", rows: [...S("抽取  人发放问卷")], errors: [{ fix: "抽取{N}人发放问卷" }] },
    { name: "随机抽取__名", rows: [...S("随机抽取__名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    { name: "随机抽取N名", rows: [...S("随机抽取N名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    { name: "随机抽取XX名", rows: [...S("随机抽取XX名学员发放问卷")], errors: [{ fix: "随机抽取{N}名学员发放问卷" }] },
    {
      name: "a template placeholder {N} left unfilled",
      rows: [...S("随机抽取{N}名服务对象发放调查问卷")],
      errors: [{}],
    },
    {
      name: "no count at all: 随机抽取名",
      rows: [...S("随机抽取名学员发放问卷")],
      errors: [{ fix: "随机抽取{N}名学员发放问卷" }],
    },
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

describe("findSampleBlanks: flawless both ways", () => {
  // a blank: spaces, brackets of any kind with nothing (or a template word) inside, placeholders;
  // with words between the verb and the count too
  it.each([
    ["随机抽取 名群众", " "],
    ["随机抽取　名群众", "　"],
    ["抽取  人发放问卷", "  "],
    ["随机抽取（）名群众", "（）"],
    ["随机抽取()名群众", "()"],
    ["随机抽取【】名群众", "【】"],
    ["随机抽取［］名群众", "［］"],
    ["随机抽取〔〕名群众", "〔〕"],
    ["随机抽取[ ]名群众", "[ ]"],
    ["随机抽取（ ）名群众", "（ ）"],
    ["随机抽取（  ）人以上", "（  ）"],
    ["随机抽取（必填）名群众", "（必填）"],
    ["随机抽取{N}名群众", "{N}"],
    ["随机抽取{样本量}名群众", "{样本量}"],
    ["随机抽取XX名群众", "XX"],
    ["随机抽取ＸＸ名群众", "ＸＸ"],
    ["随机抽取**名群众", "**"],
    ["随机抽取__名群众", "__"],
    ["随机抽取N名群众", "N"],
    ["随机抽取□名群众", "□"],
    ["随机抽取……名群众", "……"],
    ["随机抽取名学员发放问卷", ""],
    ["随机抽取不少于 名群众", " "],
    ["随机抽取不少于（ ）名群众", "（ ）"],
    ["随机抽取至少【】人", "【】"],
    ["随机抽取不少于N名群众", "N"],
    ["随机抽取约 名群众", " "],
  ])("%s: blank “%s”", (text, blank) => {
    expect(findSampleBlanks(text).map((b) => b.blank)).toEqual([blank]);
  });

  it("a second blank in the same sentence, of any kind", () => {
    expect(findSampleBlanks("随机抽取 名服务对象，每人发放问卷（ ）份").map((b) => b.blank)).toEqual([" ", "（ ）"]);
    expect(findSampleBlanks("随机抽取10名单位人员【】名发放问卷").map((b) => b.blank)).toEqual(["【】"]);
  });

  // a count: words before or after the number, ranges, full-width or Chinese numerals; nouns that begin with a counter
  it.each([
    "随机抽取不少于30名群众",
    "随机抽取至少30人",
    "随机抽取30名以上",
    "随机抽取30名以上服务对象发放问卷",
    "随机抽取不低于30名",
    "随机抽取约30名",
    "随机抽取各5名",
    "随机抽取每村5户",
    "随机抽取 30 名",
    "随机抽取３０名",
    "随机抽取三十名群众",
    "随机抽取不少于三十名群众",
    "随机抽取30-50名",
    "随机抽取30～50人",
    "随机抽取30名（含）以上群众",
    "随机抽取不少于30名（人）",
    "随机抽取【30】名",
    "发放调查问卷100份，随机抽取其中30份",
    "调查对象为全体学员，共计200名",
    "随机抽取1%的服务对象",
    "随机抽取部分群众",
    "随机抽取人员进行调查",
    "随机抽取 人员发放问卷",
    "抽取名单中的群众进行调查",
    "抽取户主进行问卷调查",
    "随机抽取个人进行调查",
    "随机抽取家庭开展问卷调查",
    "调查问卷（电子版）100份",
    "计算公式：满意问卷数 / 问卷总数 ×100%",
  ])("%s: no blank", (text) => {
    expect(findSampleBlanks(text)).toEqual([]);
  });
});
