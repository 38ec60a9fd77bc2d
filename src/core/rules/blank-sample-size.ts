/** blank-sample-size 抽样数量空白 (docs/rules, 核心检查): "随机抽取 名" — the survey sample size left blank. */
import type { FixInput } from "../finding";
import { DEFAULT_VALUE_VOCABULARY, type ValueVocabulary } from "../value";
import type { Rule } from "./types";
import { indicatorsOf, meta, q, quickFix, setPlan } from "./util";

/**
 * A blank where a count belongs: spaces, underscores, N, XX, **, □, "……", a {placeholder}, or
 * brackets of any kind with nothing (or only a template word) inside: （）、()、【】、［］、〔〕、[].
 */
const BRACKET_BLANK = String.raw`[（(【［〔\[][ \u3000]*(?:必填|选填|填写|待填|待定|数量|人数|样本量|样本数|[NnXxＸ×*＊_＿]{0,3})[ \u3000]*[)）】］〕\]]`;
const MARK_BLANK = String.raw`(?:[_＿]+|[XxＸ×]{1,3}|[*＊]{1,3}|□+|…+|\.{3,}|\{[^{}]{0,10}\}|${BRACKET_BLANK})`;
const SPACE_BLANK = String.raw`[ \t\u00a0\u3000]+`;
const COUNTER = "(?:名|人次|人|份|家|个|户|位|所|批)";
/** A counter that begins a noun ("人员", "名单", "户主", "个人"): after no blank or a space it is no count. */
const NOUN_AFTER =
  "(?!人员|人数|人群|人口|人士|名单|名称|名额|名义|户主|户籍|户数|户口|个人|个别|个体|家庭|家长|家属|份额|位置|所在|所有|所属)";
const BLANK_BEFORE_COUNTER = new RegExp(String.raw`[ 	\u00a0\u3000_＿XxＸ×*＊□….}）)】］〕\]Nn]${COUNTER}`);
const SURVEY_VERB = "(?:随机抽取|随机抽选|随机选取|抽取|抽选|抽查|选取|随机调查|调查|发放|抽样)";
/** Words that may stand between the verb and the count ("随机抽取不少于 名"): the vocabulary's operator words and words before a number. */
function qualifierPattern(vocab: ValueVocabulary): string {
  const words = [...vocab.prefixOperators.map(([w]) => w), ...vocab.numberPrefixes, "约", "其中"]
    .filter((w) => /^[\u4e00-\u9fff]+$/.test(w))
    .sort((a, b) => b.length - a.length);
  return `(?:${words.join("|")})`;
}

interface Patterns {
  /** verb (+ qualifier) + blank + counter, e.g. "随机抽取 名", "抽取__人", "随机抽取N名", "随机抽取不少于（）名", "随机抽取名". */
  readonly verbBlank: RegExp;
  /** a further count in the same sentence left blank: "…单位人员 名发放", "…人员不少于【】名". */
  readonly secondBlank: RegExp;
}

const patternCache = new WeakMap<ValueVocabulary, Patterns>();

function patternsOf(vocab: ValueVocabulary): Patterns {
  let p = patternCache.get(vocab);
  if (!p) {
    const qual = qualifierPattern(vocab);
    p = {
      verbBlank: new RegExp(
        `(${SURVEY_VERB}(?:[ \\u3000]*${qual})?)(${MARK_BLANK}|[Nn](?=${COUNTER})|(?:${SPACE_BLANK}|)${NOUN_AFTER}(?=${COUNTER}))${COUNTER}`,
        "g"
      ),
      secondBlank: new RegExp(
        // N after a qualifier ("不少于N名"), or another blank; the lookahead lets through only the
        // characters a blank can start with: most positions fail at once. No lookbehind: EdgeHTML
        // and Safari before 16.4 have none.
        `(?:(${qual})([Nn])|([\\u4e00-\\u9fff）)])(?=[ \\t\\u00a0\\u3000_＿XxＸ×*＊□….{（(【［〔\\[])(${MARK_BLANK}|${SPACE_BLANK}${NOUN_AFTER}(?=${COUNTER})))${COUNTER}`,
        "g"
      ),
    };
    patternCache.set(vocab, p);
  }
  return p;
}

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

export function findSampleBlanks(text: string, vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY): SampleBlank[] {
  const out: SampleBlank[] = [];
  if (!SURVEY_HINT.test(text)) return out;
  const { verbBlank, secondBlank } = patternsOf(vocab);
  const seen = new Set<number>();
  const add = (index: number, blank: string) => {
    if (seen.has(index)) return;
    seen.add(index);
    out.push({ index, blank });
  };
  for (const s of surveySentences(text)) {
    const sentence = text.slice(s.start, s.end);
    for (const m of sentence.matchAll(verbBlank)) add(s.start + (m.index ?? 0) + m[1].length, m[2]);
    // a further blank ends right before a counter with one of the characters a blank can end with
    if (!BLANK_BEFORE_COUNTER.test(sentence)) continue;
    for (const m of sentence.matchAll(secondBlank)) {
      // only after the survey is named ("随机抽取…人员 名"), not in a count before it
      if (/随机|抽取|抽选|调查|问卷/.test(sentence.slice(0, m.index ?? 0)))
        add(s.start + (m.index ?? 0) + (m[1] ?? m[3]).length, m[2] ?? m[4]);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Text with each blank replaced by {N1}, {N2} … (or {N} when there is one). */
function withSampleInputs(text: string, blanks: readonly SampleBlank[]): { text: string; inputs: FixInput[] } {
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
    fix: "user",
  }),
  checkTable(table, ctx) {
    const out = [];
    for (const i of indicatorsOf(table)) {
      for (const [text, cell] of [
        [i.explanation, i.explanationCell],
        [i.name, i.nameCell],
      ] as const) {
        if (!text || !cell) continue;
        const blanks = findSampleBlanks(text, ctx.vocabulary);
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
