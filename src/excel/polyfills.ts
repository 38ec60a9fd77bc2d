/**
 * The built-ins the task pane and the function file use (own code, Fluent UI's styles) that EdgeHTML
 * 18 — the webview of Microsoft 365 on Windows without the WebView2 runtime — and Safari 12 lack:
 * Array.prototype.flat/flatMap/at, Object.fromEntries, String.prototype.matchAll/trimStart/trimEnd.
 * Each is defined only where missing, non-enumerable, as the language defines it for what the code
 * base does with it. Imported first by src/taskpane/index.tsx and src/commands/commands.ts; the
 * syntax itself is lowered by the build (webpack.config.js).
 */

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function flatten(out: unknown[], list: readonly unknown[], depth: number): unknown[] {
  for (const item of list) {
    if (depth > 0 && Array.isArray(item)) flatten(out, item, depth - 1);
    else out.push(item);
  }
  return out;
}

define(Array.prototype, "flat", function flat(this: unknown[], depth = 1) {
  return flatten([], this, Math.floor(Number(depth)) || 0);
});
define(
  Array.prototype,
  "flatMap",
  function flatMap(this: unknown[], f: (v: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown) {
    return flatten([], this.map(f, thisArg), 1);
  }
);

/** `at` for arrays and strings: a negative index counts from the end. */
function at(this: ArrayLike<unknown>, index: number): unknown {
  const n = Math.trunc(Number(index)) || 0;
  const k = n < 0 ? this.length + n : n;
  return k < 0 || k >= this.length ? undefined : this[k];
}
define(Array.prototype, "at", at);
define(String.prototype, "at", function (this: string, index: number) {
  return at.call(String(this), index);
});

define(Object, "fromEntries", function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>) {
  const o: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) o[k] = v;
  return o;
});

define(String.prototype, "matchAll", function* matchAll(this: string, re: RegExp) {
  if (!re.global) throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
  const r = new RegExp(re.source, re.flags);
  r.lastIndex = re.lastIndex;
  const text = String(this);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    if (m[0] === "") r.lastIndex++;
    yield m;
  }
});
define(String.prototype, "trimStart", function (this: string) {
  return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
});
define(String.prototype, "trimEnd", function (this: string) {
  return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
});
