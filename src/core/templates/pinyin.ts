/**
 * Pinyin of template texts, for search by full pinyin ("manyidu") and initials ("myd"). For the
 * library it comes from pinyin-index.json (written at dev time by scripts/build-template-index.ts
 * with pinyin-pro); for other texts (user templates) from a provider the front end installs with
 * setPinyinProvider — so the core bundle carries no pinyin dictionary. Without a provider, such
 * texts are found by Chinese only.
 */
import pinyinIndex from "./pinyin-index.json";

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

/**
 * The pinyin key of a text through a provider. Chinese characters give a syllable each; runs of
 * ASCII letters and digits are kept as one token (in the initials too); other characters
 * (punctuation, brackets) are dropped.
 */
export function pinyinKeyOf(text: string, provider: PinyinProvider): PinyinKey {
  const chars = Array.from(text);
  let syllables = provider(text);
  if (syllables.length !== chars.length) syllables = chars.map((c) => (CJK.test(c) ? (provider(c)[0] ?? c) : c));
  const tokens: { text: string; cjk: boolean }[] = [];
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
  return {
    full: tokens.map((t) => t.text).join(" "),
    initials: tokens.map((t) => (t.cjk ? t.text[0] : t.text)).join(""),
  };
}

interface IndexEntry {
  readonly text: string;
  readonly full: string;
  readonly initials: string;
}

/** The shape of pinyin-index.json. */
export interface TemplatePinyinIndex {
  readonly templates: Readonly<Record<string, { readonly name: IndexEntry; readonly keywords: readonly IndexEntry[] }>>;
}

/** Text → pinyin, from the committed index (names and keywords of the library). */
const indexed = new Map<string, PinyinKey>();
for (const entry of Object.values((pinyinIndex as unknown as TemplatePinyinIndex).templates)) {
  for (const e of [entry.name, ...entry.keywords]) indexed.set(e.text, { full: e.full, initials: e.initials });
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
