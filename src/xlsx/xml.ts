/**
 * A small, strict XML scanner for the parts of a workbook package the reader needs (worksheets,
 * shared strings, workbook, styles, relationships). Iterative (no recursion, so deep nesting cannot
 * overflow the stack), checks well-formedness where it matters for what is read — matching tags, one
 * root, complete input, valid characters and character references, no DOCTYPE (no entity
 * expansion) — and reports problems as XmlError with a Chinese message. Element names are handed
 * over without their namespace prefix ("x:c" → "c"); text is decoded only when the handler wants it.
 */

import { clip } from "../core/text";

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

export interface XmlHandler {
  /** An element starts (`raw` holds its attributes, undecoded: read them with attrsOf). */
  open(name: string, raw: string, selfClosing: boolean): void;
  close(name: string): void;
  /** True when the next text is wanted (decoded and passed to text()). */
  wantsText(): boolean;
  text(text: string): void;
}

/** Characters XML 1.0 does not allow anywhere (raw). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function validCodePoint(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Entity and character references decoded; line ends normalised as XML requires ("\r\n", "\r" → "\n"). */
export function decodeXmlText(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!text.includes("&")) return text;
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", from)) {
    const semi = text.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError("XML 中有不完整的实体引用（“&”后缺少“;”）");
    const ref = text.slice(amp + 1, semi);
    let value: string;
    if (ref.startsWith("#")) {
      const code = /^#x[0-9a-f]+$/i.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : NaN;
      if (!validCodePoint(code)) throw new XmlError(`XML 中有无效的字符引用“&${ref};”`);
      value = String.fromCodePoint(code);
    } else {
      const named = Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : undefined;
      if (named === undefined) throw new XmlError(`XML 中有未定义的实体“&${clip(ref, 12)};”`);
      value = named;
    }
    out += text.slice(from, amp) + value;
    from = semi + 1;
  }
  return out + text.slice(from);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** True for characters that cannot be part of an attribute name. */
function notNameChar(c: number): boolean {
  return isSpace(c) || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x2f || c === 0x3d;
}

/**
 * An element's attributes (namespace prefixes kept: "r:id"), values decoded. A malformed list
 * (no quotes, a "<" in a value, an attribute given twice) → XmlError.
 */
export function attrsOf(raw: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const n = raw.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (i >= n) return out;
    const start = i;
    while (i < n && !notNameChar(raw.charCodeAt(i))) i++;
    const name = raw.slice(start, i);
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (name === "" || raw.charCodeAt(i) !== 0x3d) throw new XmlError("XML 元素的属性格式有误");
    i++;
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    const quote = raw[i];
    if (quote !== '"' && quote !== "'") throw new XmlError("XML 元素的属性值缺少引号");
    const close = raw.indexOf(quote, i + 1);
    if (close < 0) throw new XmlError("XML 元素的属性值没有结束引号");
    let value = raw.slice(i + 1, close);
    if (value.includes("<")) throw new XmlError("XML 属性值中不能有“<”");
    if (name in out) throw new XmlError(`XML 元素的属性“${clip(name, 20)}”重复`);
    if (/[&\r\n\t]/.test(value)) value = decodeXmlText(value).replace(/[\t\n]/g, " ");
    out[name] = value;
    i = close + 1;
    if (i < n && !isSpace(raw.charCodeAt(i))) throw new XmlError("XML 元素的属性之间缺少空格");
  }
}

const QUICK = new Map<string, RegExp>();

/**
 * One attribute of a start tag, found without reading the others (for the many cells and rows of a
 * sheet); undefined when absent. Its value is decoded.
 */
export function attrOf(raw: string, name: string): string | undefined {
  let re = QUICK.get(name);
  if (!re) QUICK.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(raw);
  if (!m) return undefined;
  const value = m[1] ?? m[2];
  if (value.includes("<")) throw new XmlError("XML 属性值中不能有“<”");
  return /[&\r\n\t]/.test(value) ? decodeXmlText(value).replace(/[\t\n]/g, " ") : value;
}

/** The attribute whose local name is `local` ("id" finds "r:id" whatever its prefix). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/** The end of a start tag (the index of its ">"), quotes respected; -1 when there is none. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
    else if (c === 0x3c) return -1;
  }
  return -1;
}

/** Skips a comment, processing instruction or CDATA section at `lt`; returns where scanning goes on. */
function skipSpecial(xml: string, lt: number, inRoot: boolean, h: XmlHandler): number {
  if (xml.startsWith("<?", lt)) {
    const end = xml.indexOf("?>", lt + 2);
    if (end < 0) throw new XmlError("XML 不完整（处理指令没有结束）");
    return end + 2;
  }
  if (xml.startsWith("<!--", lt)) {
    const end = xml.indexOf("-->", lt + 4);
    if (end < 0) throw new XmlError("XML 不完整（注释没有结束）");
    return end + 3;
  }
  if (xml.startsWith("<![CDATA[", lt) && inRoot) {
    const end = xml.indexOf("]]>", lt + 9);
    if (end < 0) throw new XmlError("XML 不完整（CDATA 没有结束）");
    if (h.wantsText()) h.text(xml.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
    return end + 3;
  }
  throw new XmlError("XML 中有不支持的声明（如 DOCTYPE）");
}

/** Scans a whole XML document, calling the handler; a malformed document → XmlError. */
export function scanXml(xml: string, h: XmlHandler): void {
  if (BAD_CHAR.test(xml)) throw new XmlError("XML 中有不允许的控制字符");
  const stack: string[] = [];
  let rootSeen = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i) {
      if (stack.length === 0) {
        if (xml.slice(i, end).trim() !== "") throw new XmlError("XML 根元素之外有多余的内容");
      } else if (h.wantsText()) h.text(decodeXmlText(xml.slice(i, end)));
      else if (xml.charCodeAt(i) === 0x26 || xml.lastIndexOf("&", end - 1) >= i) decodeXmlText(xml.slice(i, end)); // references checked even when unread
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f || next === 0x21) {
      i = skipSpecial(xml, lt, stack.length > 0, h);
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) throw new XmlError("XML 不完整或标签有误");
    if (next === 0x2f) {
      const name = xml.slice(lt + 2, gt).trim();
      if (stack.pop() !== name) throw new XmlError(`XML 标签不匹配（</${clip(name, 20)}>）`);
      h.close(localName(name));
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      let k = 0;
      while (k < body.length && !isSpace(body.charCodeAt(k))) k++;
      const name = body.slice(0, k);
      if (!name || /["'=<]/.test(name)) throw new XmlError("XML 标签有误");
      if (stack.length === 0) {
        if (rootSeen) throw new XmlError("XML 有多个根元素");
        rootSeen = true;
      }
      h.open(localName(name), body.slice(k), selfClosing);
      if (selfClosing) h.close(localName(name));
      else stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length) throw new XmlError("XML 不完整（文件被截断）");
  if (!rootSeen) throw new XmlError("XML 是空的");
}
