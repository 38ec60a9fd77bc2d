/**
 * Pinyin of template texts, for search by full pinyin ("manyidu") and initials ("myd"). For the
 * library it comes from pinyin-index.json (written at dev time by scripts/build-template-index.ts
 * with pinyin-pro, one code per name and keyword: pinyinCode); for other texts (user templates) from a provider the front end installs with
 * setPinyinProvider — so the core bundle carries no pinyin dictionary. Without a provider, such
 * texts are found by Chinese only.
 */
import { TEMPLATES } from "./library";
import pinyinIndex from "./pinyin-index.json";
import { displayName } from "./placeholders";

/**
 * One pinyin syllable (no tones) per character of the text; characters that are not Chinese come
 * back as themselves. pinyin-pro with PINYIN_OPTIONS does exactly this:
 * `setPinyinProvider((t) => pinyin(t, PINYIN_OPTIONS))`.
 */
export type PinyinProvider = (text: string) => readonly string[];

/** The pinyin-pro options the index is built with (and the front ends should use). */
export const PINYIN_OPTIONS = {
  toneType: "none",
  type: "array",
  v: true,
} as const;

/** The pinyin of a text: syllables separated by spaces ("cheng ben kong zhi lv") and initials ("cbkzl"). */
export interface PinyinKey {
  readonly full: string;
  readonly initials: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ALNUM = /[A-Za-z0-9]/;

interface Token {
  readonly text: string;
  readonly cjk: boolean;
}

/** A syllable per Chinese character; runs of ASCII letters and digits as one token; punctuation dropped. */
function tokensOf(text: string, provider: PinyinProvider): Token[] {
  const chars = Array.from(text);
  let syllables = provider(text);
  if (syllables.length !== chars.length) syllables = chars.map((c) => (CJK.test(c) ? (provider(c)[0] ?? c) : c));
  const tokens: Token[] = [];
  let run = "";
  const flush = () => {
    if (run) tokens.push({ text: run, cjk: false });
    run = "";
  };
  chars.forEach((c, i) => {
    if (CJK.test(c)) {
      flush();
      const s = (syllables[i] ?? "")
        .toLowerCase()
        .replace(/ü/g, "v")
        .replace(/[^a-z]/g, "");
      if (s) tokens.push({ text: s, cjk: true });
    } else if (ALNUM.test(c)) {
      run += c.toLowerCase();
    } else {
      flush();
    }
  });
  flush();
  return tokens;
}

function keyOfTokens(tokens: readonly Token[]): PinyinKey {
  return {
    full: tokens.map((t) => t.text).join(" "),
    initials: tokens.map((t) => (t.cjk ? t.text[0] : t.text)).join(""),
  };
}

/**
 * The pinyin key of a text through a provider. Chinese characters give a syllable each; runs of
 * ASCII letters and digits are kept as one token (in the initials too); other characters
 * (punctuation, brackets) are dropped.
 */
export function pinyinKeyOf(text: string, provider: PinyinProvider): PinyinKey {
  return keyOfTokens(tokensOf(text, provider));
}

/**
 * The pinyin of a text as pinyin-index.json stores it: the syllables, space-separated, with ASCII
 * tokens in capitals ("IT yun wei"), so that the initials can be derived (pinyinFromCode).
 */
export function pinyinCode(text: string, provider: PinyinProvider): string {
  return tokensOf(text, provider)
    .map((t) => (t.cjk ? t.text : t.text.toUpperCase()))
    .join(" ");
}

/** A stored code back to the pinyin key: a token with a capital or a digit was ASCII. */
export function pinyinFromCode(code: string): PinyinKey {
  return keyOfTokens(
    code
      .split(" ")
      .filter(Boolean)
      .map((t) => ({ text: t.toLowerCase(), cjk: !/[A-Z0-9]/.test(t) }))
  );
}

/** The shape of pinyin-index.json: template id → the codes of its name (as shown) and of each keyword. */
export interface TemplatePinyinIndex {
  readonly templates: Readonly<Record<string, readonly string[]>>;
}

/** Text → pinyin, from the committed index (names and keywords of the library). */
const indexed = new Map<string, PinyinKey>();
const stored = (pinyinIndex as unknown as TemplatePinyinIndex).templates;
for (const t of TEMPLATES) {
  const codes = stored[t.id];
  if (!codes) continue;
  [displayName(t), ...t.keywords].forEach((text, i) => {
    if (codes[i] !== undefined) indexed.set(text, pinyinFromCode(codes[i]));
  });
}

let provider: PinyinProvider | null = null;
const computed = new Map<string, PinyinKey>();
let generation = 0;

/** Installs (or, with null, removes) the run-time pinyin source for texts the index does not hold. */
export function setPinyinProvider(fn: PinyinProvider | null): void {
  provider = fn;
  computed.clear();
  generation++;
}

/** Changes whenever the provider does: caches of pinyin-derived data compare it. */
export function pinyinGeneration(): number {
  return generation;
}

/** The pinyin of a text (the index first, then the provider), or null when neither knows it. */
export function pinyinOf(text: string): PinyinKey | null {
  const hit = indexed.get(text);
  if (hit) return hit;
  if (!provider) return null;
  let key = computed.get(text);
  if (!key) {
    if (computed.size > 5000) computed.clear();
    key = pinyinKeyOf(text, provider);
    computed.set(text, key);
  }
  return key;
}
