/**
 * The template library (718 templates in 18 sectors, with the user templates' reader) is a chunk of
 * its own, loaded when a check needs the templates for its quick fixes or when a settings or
 * template file is read; the 模板 view, which also carries the pinyin index, is another
 * (App.tsx). So the task pane's first load carries neither. A check waits for the library before
 * its rules run: it never runs without the templates. A chunk that failed to load is asked for
 * again next time.
 */
type Library = typeof import("./library-chunk");

let loading: Promise<Library> | null = null;

export function loadLibrary(): Promise<Library> {
  if (!loading) {
    const pending = import(/* webpackChunkName: "templates" */ "./library-chunk");
    loading = pending;
    pending.catch(() => {
      if (loading === pending) loading = null;
    });
  }
  return loading;
}
