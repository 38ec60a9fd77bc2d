/**
 * The header block's words (header-fields.json): field labels (by spelling, then by meaning:
 * "项目经办人电话" is a 联系电话), group and block labels, column sub-headers of a fund table,
 * titles, money units; and what ends an indicator block: sign-off and approval rows, remarks,
 * totals and footnotes.
 */
import type { MoneyUnit } from "../model";
import { matchKey } from "../text";
import headerFields from "./header-fields.json";
import { addVariants, cached, labelKey, withoutBrackets, withoutNumbering } from "./keys";

function indexOf(table: Record<string, string[]>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, labels] of Object.entries(table))
    for (const l of labels)
      for (const k of [matchKey(l), withoutBrackets(matchKey(l))]) if (!index.has(k)) index.set(k, key);
  return index;
}

const FIELD_INDEX = indexOf(headerFields.fields);
const GROUP_INDEX = indexOf(headerFields.groups);
const BLOCKS = new Set(headerFields.blocks.map((b) => withoutBrackets(matchKey(b))));
const SUB_HEADERS = new Set(headerFields.subHeaders.map((b) => matchKey(b)));
const SIGN_OFF = headerFields.signOff.map((s) => matchKey(s));
const TITLE_WORDS = headerFields.titleWords.map((s) => matchKey(s));

/** Field labels by meaning, tried when no spelling matches (on the key without brackets and numbering). */
const FIELD_MEANING: readonly (readonly [RegExp, string])[] = [
  [/^(单位|部门|财务|分管)负责人|签字|盖章/, ""],
  [/(电话|手机|联系方式)$/, "联系电话"],
  [/(负责人|联系人|经办人)$/, "项目负责人"],
  [/^(项目|政策|专项)(支出)?(全称|名称)$/, "项目名称"],
  [/职能|职责/, "职能描述"],
  [/^(其中:?)?(当年)?(中央|省级|市级|县级|区级|本级)?财政(拨款|资金)(资金)?(小计)?$/, "财政拨款"],
  [/^(其中:?)?(其他(来源)?资金|自有资金|自筹资金|其他收入|其他)(小计)?$/, "其他资金"],
  [
    /^(年度|本年|本年度|年度本级|本级)?(项目)?(资金总额|预算总额|总预算|预算资金|预算金额|预算数|资金总计|项目资金|项目金额)$/,
    "预算资金",
  ],
  [/^(本)?(年度|年)(总体|绩效|总体绩效)*目标(\(文字\))?$/, "年度目标"],
  [/(实施|执行)(期|时间|周期|期限)$|起止时间$/, "实施时间"],
  [/^(项目)?主管(部门|单位)/, "主管部门"],
  [/^(项目)?实施(单位|部门)$/, "实施单位"],
];

const FIELD_CHARS = new Set<string>();
for (const list of [
  ...Object.values(headerFields.fields),
  ...Object.values(headerFields.groups),
  headerFields.blocks,
  headerFields.signOff,
  headerFields.subHeaders,
])
  for (const l of list) for (const ch of matchKey(l)) FIELD_CHARS.add(ch);
for (const [re] of FIELD_MEANING) for (const ch of re.source.replace(/[^\u4e00-\u9fff]/g, "")) FIELD_CHARS.add(ch);
for (const ch of "一二三四五六七八九十0123456789") FIELD_CHARS.add(ch);
addVariants(FIELD_CHARS);

/** Quick test: could the text be a header-field label (all its characters outside brackets occur in some label)? */
function mayBeLabel(text: string): boolean {
  if (text.length > 24) return false;
  let n = 0;
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === "（" || ch === "(") depth++;
    else if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0 || ch === " " || ch === "：" || ch === ":") continue;
    else if (!FIELD_CHARS.has(ch)) return false;
    else n++;
  }
  return n > 0;
}

/** Label key: no brackets, no numbering, no marks, no trailing colon ("*部门(单位)名称：" → "部门名称" and "部门(单位)名称"). */
function keysOf(text: string): string[] {
  const k = withoutNumbering(labelKey(text));
  return [k, withoutBrackets(k)];
}

function fieldOf(text: string): string | null {
  const [k, nb] = keysOf(text);
  const listed = FIELD_INDEX.get(k) ?? FIELD_INDEX.get(nb);
  if (listed) return listed;
  if (nb.length < 2 || nb.length > 16) return null;
  for (const [re, key] of FIELD_MEANING) if (re.test(nb)) return key || null;
  return null;
}

const cachedField = cached(5000, fieldOf);
const cachedGroup = cached(5000, (text: string) => {
  const [k, nb] = keysOf(text);
  return GROUP_INDEX.get(k) ?? GROUP_INDEX.get(nb) ?? null;
});
const cachedBlock = cached(5000, (text: string) => BLOCKS.has(keysOf(text)[1]));

/** The header field key a label names ("预算资金（元）" → "预算资金", "项目经办人电话:" → "联系电话"), or null. */
export function matchFieldLabel(text: string): string | null {
  return mayBeLabel(text) ? cachedField(text) : null;
}

export function matchGroupLabel(text: string): string | null {
  return mayBeLabel(text) ? cachedGroup(text) : null;
}

export function isBlockLabel(text: string): boolean {
  return mayBeLabel(text) && cachedBlock(text);
}

/** A column sub-header of a fund or target table: 名称, 金额, 年初预算数, 全年执行数, 分值, 预期目标, 实际完成情况 … */
export function isSubHeader(text: string): boolean {
  if (text.length > 24) return false;
  const k = labelKey(text);
  if (SUB_HEADERS.has(k) || SUB_HEADERS.has(withoutBrackets(k))) return true;
  return /^\d{4}年度?预算金额/.test(k) || SUB_HEADER_MEANING.test(withoutBrackets(k));
}

const SUB_HEADER_MEANING =
  /^((年初|全年|本年|上年|当年)(预算|执行)数|执行率|分值|得分|预期目标|(实际)?完成情况|实际完成值|目标完成情况|年度总体目标完成情况|金额|预算金额|资金金额)$/;

/** A sub-header that names the planned or budgeted figure (the value of a field), not the executed one. */
export function isTargetSubHeader(text: string): boolean {
  const k = labelKey(text);
  return /预算|预期|目标|金额|计划/.test(k) && !/执行|实际|完成/.test(k);
}

const SIGN_OFF_FIRST = new Set(headerFields.signOff.map((s) => s[0]));
addVariants(SIGN_OFF_FIRST);

export function isSignOff(text: string): boolean {
  if (!SIGN_OFF_FIRST.has(text[0])) return false;
  const k = matchKey(text);
  return SIGN_OFF.some((s) => k.startsWith(s));
}

export type TrailerKind = "sign-off" | "remark" | "total" | "footnote";

/** Words every trailer text has: a quick test before any key is built. */
const TRAILER_HINT =
  /总分|合计|合計|总计|總計|小计|小計|得分|说明|說明|备注|備註|注|意见|意見|盖章|蓋章|签|簽|填表|填报|填報|制表|编制|編制|审|審|核|批|日期|月\s*日|负责人|負責人|联系人|聯繫人|经办|經辦|电话|電話|[★☆※]/;
const REMARK = /^(其他|其它)?(需要?|须|应|要)?(补充)?(说明|备注)的?(问题|事项|情况|内容)?$|^(备注|说明|情况说明)$/;
const TOTAL = /^(总分|合计|总计|小计|总得分|得分合计|分值合计|权重合计|自评得分|评价得分|综合得分|自评总分)$/;
const FOOTNOTE = /^(注|注释|备注|说明|填表说明|填报说明|附注)\s*[\d一二三四五六七八九]*\s*[:：、.．]/;
const SIGN_OFF_WORDS =
  /盖章|签章|签字|签名|公章|^(填表|填报|制表|编制|审核|复核|审批)(人|日期|时间)|^(填表人|填报人|制表人|编制人|经办人|联系人|负责人|审核人|复核人|联系电话|审核|复核|审批|日期)(:|$)|年\s*月\s*日$/;

/**
 * What a row's first text says about the row when it is not an indicator: an approval or sign-off
 * line ("财政部门审核意见", "(盖章)", "填表人："), a remarks line ("其他需说明的问题", "说明"),
 * a total ("总分", "合计") or a footnote ("注：…", "★为核心指标"); null for anything else.
 */
export function trailerKind(text: string): TrailerKind | null {
  if (text.length > 200 || !TRAILER_HINT.test(text)) return null;
  const k = labelKey(text);
  const bare = withoutBrackets(k);
  if (TOTAL.test(bare)) return "total";
  if (REMARK.test(bare)) return "remark";
  if (isSignOff(text) || SIGN_OFF_WORDS.test(k) || (bare.length <= 24 && /意见$/.test(bare))) return "sign-off";
  if (FOOTNOTE.test(text.trim()) || /^[★☆※]/.test(text.trim())) return "footnote";
  return null;
}

export function isTitleText(text: string): boolean {
  if (text.length > 60 || !/[表報报]/.test(text)) return false;
  const k = matchKey(text);
  return k.length <= 60 && TITLE_WORDS.some((w) => k.includes(w)) && /表$|表\)?$|申报$/.test(k.replace(/\(.*\)$/, ""));
}

/** The money unit a label or header states: "预算资金（元）" → 元, "资金总额(万元)" → 万元, "单位：亿元" → 亿元. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  if (!text.includes("元")) return null;
  const k = matchKey(text);
  if (/亿元/.test(k)) return "亿元";
  if (/万元/.test(k)) return "万元";
  if (/\(元\)|单位:元|\/元|元\)/.test(k)) return "元";
  return null;
}
