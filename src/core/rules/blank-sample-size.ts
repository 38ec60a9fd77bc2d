/** blank-sample-size 抽样数量空白 (docs/rules, 核心检查): "随机抽取 名" — the survey sample size left blank. */
import type { FixInput } from "../finding";
import type { Rule } from "./types";
import { indicatorsOf, meta, q, quickFix, setPlan } from "./util";

/** A blank where a count belongs: spaces, underscores, N, XX, **, （ ）, a {placeholder}, or nothing. */
const BLANK = String.raw`(?:[ \t\u00a0\u3000]+|[_＿]+|[Nn]|[XxＸ×]{1,3}|[*＊]{1,3}|[（(][ \u3000]*[)）]|\{[^{}]{0,10}\}|)`;
const COUNTER = "(?:名|人次|人|份|家|个|户|位|所|批)";
const SURVEY_VERB = "(?:随机抽取|随机抽选|随机选取|抽取|抽选|抽查|选取|随机调查|调查|发放|抽样)";
/** verb + blank + counter, e.g. "随机抽取 名", "抽取__人", "随机抽取N名". */
const VERB_BLANK = new RegExp(`(${SURVEY_VERB})(${BLANK})${COUNTER}`, "g");
/** a second count in the same sentence left blank: "…单位人员 名发放" (CJK, a blank, a counter). */
const SECOND_BLANK = new RegExp(
  String.raw`([\u4e00-\u9fff）)])((?:[ \t\u00a0\u3000]+|[_＿]{1,}|\{[^{}]{0,10}\}|[XxＸ]{2,3}))${COUNTER}`,
  "g"
);

export interface SampleBlank {
  /** index in the text where the blank starts, and its text ("" when the count is simply missing). */
  readonly index: number;
  readonly blank: string;
}

/** The blanks of survey sample sizes in a text, left to right. */
const SURVEY_HINT = /随机|抽取|抽选|抽查|选取|调查|问卷|抽样/;
const SURVEY_WORDS = new RegExp(SURVEY_HINT.source, "g");
/** Where a sentence part starts (after any of these) and where it ends (at one of the stronger ones). */
const PART_START = /[，。；;,.！!？?\n]/;
const SENTENCE_END = /[。；;！!？?\n]/;

/**
 * The sentence parts that talk about a survey: from the punctuation before a survey word to the
 * next full stop (so "…随机抽取 名被评审单位人员 名发放调查问卷" stays one part). Linear in the text.
 */
function surveySentences(text: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (const m of text.matchAll(SURVEY_WORDS)) {
    const at = m.index ?? 0;
    if (parts.length > 0 && at < parts[parts.length - 1].end) continue;
    let start = at;
    while (start > 0 && !PART_START.test(text[start - 1])) start--;
    let end = at + m[0].length;
    while (end < text.length && !SENTENCE_END.test(text[end])) end++;
    parts.push({ start, end });
  }
  return parts;
}

export function findSampleBlanks(text: string): SampleBlank[] {
  const out: SampleBlank[] = [];
  if (!SURVEY_HINT.test(text)) return out;
  const seen = new Set<number>();
  for (const s of surveySentences(text)) {
    const sentence = text.slice(s.start, s.end);
    const base = s.start;
    for (const m of sentence.matchAll(VERB_BLANK)) {
      const blank = m[2];
      const index = base + (m.index ?? 0) + m[1].length;
      if (!seen.has(index)) {
        seen.add(index);
        out.push({ index, blank });
      }
    }
    if (out.length === 0 && !/\d/.test(sentence)) continue;
    for (const m of sentence.matchAll(SECOND_BLANK)) {
      const index = base + (m.index ?? 0) + m[1].length;
      if (/[\d０-９]$/.test(sentence.slice(0, (m.index ?? 0) + m[1].length))) continue;
      if (!seen.has(index) && /随机|抽取|抽选|调查|问卷/.test(sentence.slice(0, m.index ?? 0))) {
        seen.add(index);
        out.push({ index, blank: m[2] });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Text with each blank replaced by {N1}, {N2} … (or {N} when there is one). */
export function withSampleInputs(text: string, blanks: readonly SampleBlank[]): { text: string; inputs: FixInput[] } {
  let result = "";
  let last = 0;
  const inputs: FixInput[] = [];
  blanks.forEach((b, k) => {
    const placeholder = blanks.length === 1 ? "{N}" : `{N${k + 1}}`;
    result += text.slice(last, b.index) + placeholder;
    last = b.index + b.blank.length;
    inputs.push({
      placeholder,
      label: blanks.length === 1 ? "抽样数量" : `第${k + 1}处抽样数量`,
      type: "integer",
      min: 1,
    });
  });
  return { text: result + text.slice(last), inputs };
}

export const blankSampleSize: Rule = {
  meta: meta({
    id: "blank-sample-size",
    title: "抽样数量空白",
    description: "问卷调查的说明里抽样数量没有填：“随机抽取 名”“抽取__人”“随机抽取N名”等。",
    defaultSeverity: "error",
    category: "核心检查",
    fixable: true,
  }),
  checkTable(table) {
    const out = [];
    for (const i of indicatorsOf(table)) {
      for (const [text, cell] of [
        [i.explanation, i.explanationCell],
        [i.name, i.nameCell],
      ] as const) {
        if (!text || !cell) continue;
        const blanks = findSampleBlanks(text);
        if (blanks.length === 0) continue;
        const fix = withSampleInputs(text, blanks);
        const where = blanks.length > 1 ? `有${blanks.length}处抽样数量空白` : "抽样数量空白";
        out.push({
          cell,
          indicator: i,
          subject: text,
          message: `指标${q(i.name)}的问卷说明${where}，请填写抽取的人数`,
          fix: quickFix(
            "填写抽样数量",
            setPlan(`填写“${i.name}”的抽样数量`, table.sheet, cell, text, fix.text),
            false,
            fix.inputs
          ),
        });
      }
    }
    return out;
  },
};
