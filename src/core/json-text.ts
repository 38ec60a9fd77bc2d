/**
 * JSON files the user gives (settings, templates): read with a byte-order mark tolerated, and when
 * they are not JSON, where in Chinese (the JavaScript engine's own message is English and differs
 * between webviews).
 */
export type JsonRead = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly problem: string };

/** Where the text stops being JSON, in Chinese: "第 3 行第 5 列附近格式有误". */
function whereNotJson(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (at && Number(at[1]) >= text.trimEnd().length) return "内容不完整（可能只复制或保存了一部分）";
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return `第 ${line} 行第 ${column} 列附近格式有误`;
  }
  if (/end of (JSON )?input|unexpected end/i.test(message)) return "内容不完整（可能只复制或保存了一部分）";
  return "格式有误";
}

export function readJsonText(text: string): JsonRead {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return { ok: true, data: JSON.parse(body) as unknown };
  } catch (e) {
    return { ok: false, problem: whereNotJson(e, body) };
  }
}
