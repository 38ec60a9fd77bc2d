/** JSON the user gives: read through a byte-order mark; when it is not JSON, where, in Chinese. */
import { readJsonText } from "../../src/core/json-text";
import { parseUserTemplates } from "../../src/core/templates/user";

describe("readJsonText", () => {
  it("reads JSON, with or without a byte-order mark", () => {
    expect(readJsonText('{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
    expect(readJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, data: { a: [1, 2] } });
  });

  it.each([
    ["a trailing comma on line 3", '{\n  "a": 1,\n}', "第 3 行第 1 列附近格式有误"],
    ["a name without quotes", "{templates: [", "第 1 行第 2 列附近格式有误"],
    ["an empty file", "", "内容不完整（可能只复制或保存了一部分）"],
    ["a file cut short", '{"a": [1, 2', "内容不完整（可能只复制或保存了一部分）"],
  ])("%s: where, in Chinese", (_name, text, problem) => {
    expect(readJsonText(text)).toEqual({ ok: false, problem });
  });

  it("whatever the engine says, the problem has no English in it", () => {
    for (const text of ['{"a":tru}', "[1,,2]", "{'a': 1}", "undefined", '{"a": 1} x'])
      expect(readJsonText(text)).toEqual({ ok: false, problem: expect.not.stringMatching(/[A-Za-z]/) });
  });

  it("a templates file that is not JSON says so in Chinese", () => {
    expect(parseUserTemplates("{templates: [").problems).toEqual(["文件不是有效的 JSON：第 1 行第 2 列附近格式有误"]);
  });
});
