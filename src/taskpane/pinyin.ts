/**
 * Pinyin for texts the library's committed index does not hold (user templates): pinyin-pro,
 * loaded on demand as a separate chunk so the task pane's first load carries no pinyin dictionary.
 */
import { PINYIN_OPTIONS, setPinyinProvider } from "../core/templates/search";

let loading: Promise<boolean> | null = null;

/** Loads pinyin-pro once and installs it as the search's provider; resolves false when it cannot. */
export function ensurePinyin(): Promise<boolean> {
  loading ??= import(/* webpackChunkName: "pinyin" */ "pinyin-pro")
    .then((m) => {
      setPinyinProvider((text) => m.pinyin(text, PINYIN_OPTIONS) as string[]);
      return true;
    })
    .catch(() => false);
  return loading;
}
