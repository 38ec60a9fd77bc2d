/**
 * Pinyin for texts the library's committed index does not hold (user templates): pinyin-pro,
 * loaded on demand as a separate chunk so the task pane's first load carries no pinyin dictionary.
 */
import * as React from "react";
import { PINYIN_OPTIONS, searchTemplates, setPinyinProvider } from "../core/templates/search";

let loading: Promise<boolean> | null = null;

/** Loads pinyin-pro once and installs it as the search's provider; resolves false when it cannot. */
function ensurePinyin(): Promise<boolean> {
  loading ??= import(/* webpackChunkName: "pinyin" */ "pinyin-pro")
    .then((m) => {
      setPinyinProvider((text) => m.pinyin(text, PINYIN_OPTIONS) as string[]);
      return true;
    })
    .catch(() => false);
  return loading;
}

/**
 * searchTemplates, loading pinyin-pro on first use: the function returned changes once pinyin is
 * installed (user templates become findable by pinyin), so results memoised on it are searched again.
 */
export function usePinyinSearch(): typeof searchTemplates {
  const [search, setSearch] = React.useState(() => searchTemplates);
  React.useEffect(() => {
    let live = true;
    void ensurePinyin().then((ok) => {
      if (live && ok)
        setSearch(
          () => (query: string, options?: Parameters<typeof searchTemplates>[1]) => searchTemplates(query, options)
        );
    });
    return () => {
      live = false;
    };
  }, []);
  return search;
}
