/** The committed pinyin index is up to date with the library; pinyin keys; searchKey ≡ matchKey. */
import fc from "fast-check";
import { pinyin } from "pinyin-pro";
import { buildTemplateIndex } from "../../scripts/build-template-index";
import { TEMPLATES } from "../../src/core/templates/library";
import committed from "../../src/core/templates/pinyin-index.json";
import { pinyinCode, pinyinFromCode } from "../../src/core/templates/pinyin";
import { PINYIN_OPTIONS, pinyinKeyOf, searchKey } from "../../src/core/templates/search";
import { matchKey } from "../../src/core/text";

const provider = (text: string) => pinyin(text, { ...PINYIN_OPTIONS });

describe("pinyin-index.json", () => {
  it("is up to date with library.json (run `npx tsx scripts/build-template-index.ts` after editing the library)", () => {
    expect(committed.templates).toEqual(buildTemplateIndex().templates);
  });
  it("holds every template, by id", () => {
    expect(Object.keys(committed.templates)).toEqual(TEMPLATES.map((t) => t.id));
  });
});

describe("pinyinKeyOf", () => {
  it.each([
    ["成本控制率", "cheng ben kong zhi lv", "cbkzl"],
    ["项目或定额成本控制率", "xiang mu huo ding e cheng ben kong zhi lv", "xmhdecbkzl"],
    ["参训学员满意度", "can xun xue yuan man yi du", "cxxymyd"],
    ["会计考试参考率", "kuai ji kao shi can kao lv", "kjksckl"],
    ["信息化系统（平台）正常运行率", "xin xi hua xi tong ping tai zheng chang yun xing lv", "xxhxtptzcyxl"],
    ["IT运维费用2025", "it yun wei fei yong 2025", "itywfy2025"],
    ["“三保”支出", "san bao zhi chu", "sbzc"],
  ])("%s", (text, full, initials) => {
    expect(pinyinKeyOf(text, provider)).toEqual({ full, initials });
    // the committed index stores a code (ASCII tokens in capitals) that gives the same key back
    expect(pinyinFromCode(pinyinCode(text, provider))).toEqual({ full, initials });
  });
  it("copes with a provider that does not return one entry per character", () => {
    const perChar = (text: string) => (text.length === 1 ? provider(text) : ["?"]);
    expect(pinyinKeyOf("满意度", perChar)).toEqual({ full: "man yi du", initials: "myd" });
  });
});

describe("searchKey", () => {
  it("equals matchKey (text.ts) on the library's texts", () => {
    for (const t of TEMPLATES) for (const s of [t.name, t.value, t.explanation, ...t.keywords]) expect(searchKey(s)).toBe(matchKey(s));
  });
  it("equals matchKey on any text (property)", () => {
    const chars = fc.constantFrom(..."满意度績效評價資金（）【】[]〔〕：／ 　\u00a0\u200b\ufeff\u2028\t\nＡＺａｚ０９AZaz09≥%×/-".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (cs) => {
        const s = cs.join("");
        return searchKey(s) === matchKey(s);
      }),
      { numRuns: 2000 },
    );
  });
});
