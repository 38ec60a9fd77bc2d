/**
 * src/excel/polyfills.ts in a webview without the built-ins (EdgeHTML 18, Safari 12): with the
 * natives removed, the stand-ins give what the natives give on the cases the code base has.
 */
type Saved = Array<[object, string, PropertyDescriptor | undefined]>;

const NAMES: Array<[object, string]> = [
  [Array.prototype, "flat"],
  [Array.prototype, "flatMap"],
  [Array.prototype, "at"],
  [String.prototype, "at"],
  [Object, "fromEntries"],
  [String.prototype, "matchAll"],
  [String.prototype, "trimStart"],
  [String.prototype, "trimEnd"],
];

function withoutNatives(run: () => void): void {
  const saved: Saved = NAMES.map(([o, n]) => [o, n, Object.getOwnPropertyDescriptor(o, n)]);
  for (const [o, n] of NAMES) delete (o as Record<string, unknown>)[n];
  try {
    for (const [o, n] of NAMES) expect(n in o).toBe(false);
    jest.isolateModules(() => require("../../src/excel/polyfills"));
    run();
  } finally {
    for (const [o, n, d] of saved) if (d) Object.defineProperty(o, n, d);
  }
}

describe("polyfills for the older Office webviews", () => {
  test("each built-in is there again and behaves as the native one", () => {
    const native = {
      flat: [1, [2, [3, [4]]]].flat(),
      flat2: [1, [2, [3, [4]]]].flat(2),
      flatMap: [1, 2].flatMap((x) => [x, [x * 10]]),
      at: [[1, 2, 3].at(-1), [1, 2, 3].at(0), [1].at(5), "abc".at(-2)],
      fromEntries: Object.fromEntries([["a", 1], ["b", 2]]),
      matchAll: [..."a1b22c333".matchAll(/\d+/g)].map((m) => [m[0], m.index]),
      empty: [..."ab".matchAll(/x*/g)].map((m) => m.index),
      trim: ["\u3000 a \n".trimStart(), " a \u00a0".trimEnd()],
    };
    withoutNatives(() => {
      expect([1, [2, [3, [4]]]].flat()).toEqual(native.flat);
      expect([1, [2, [3, [4]]]].flat(2)).toEqual(native.flat2);
      expect([1, 2].flatMap((x) => [x, [x * 10]])).toEqual(native.flatMap);
      expect([[1, 2, 3].at(-1), [1, 2, 3].at(0), [1].at(5), "abc".at(-2)]).toEqual(native.at);
      expect(Object.fromEntries(new Map([["a", 1], ["b", 2]]))).toEqual(native.fromEntries);
      expect([..."a1b22c333".matchAll(/\d+/g)].map((m) => [m[0], m.index])).toEqual(native.matchAll);
      expect([..."ab".matchAll(/x*/g)].map((m) => m.index)).toEqual(native.empty);
      expect(() => [..."a".matchAll(/a/)]).toThrow(TypeError);
      expect(["\u3000 a \n".trimStart(), " a \u00a0".trimEnd()]).toEqual(native.trim);
      expect(Object.keys(Array.prototype)).toEqual([]);
    });
  });
});
