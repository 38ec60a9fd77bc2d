/**
 * The BIFF record stream of an .xls workbook ([MS-XLS] 2.1.4): records of a 2-byte type and a
 * 2-byte length, long ones continued in CONTINUE records; and the string structures records use.
 * A string may run across a CONTINUE boundary, where a new flag byte says whether the characters
 * that follow are one or two bytes wide (the segment reader handles that).
 */

export class BiffError extends Error {}

const CONTINUE = 0x003c;

export interface BiffRecord {
  readonly type: number;
  /** The record's data, then the data of the CONTINUE records after it. */
  readonly segments: readonly Uint8Array[];
}

/** The records of a BIFF stream in order, each with its CONTINUE records attached. */
export function* records(stream: Uint8Array): Generator<BiffRecord> {
  let pos = 0;
  let current: { type: number; segments: Uint8Array[] } | null = null;
  while (pos + 4 <= stream.length) {
    const type = stream[pos] | (stream[pos + 1] << 8);
    const length = stream[pos + 2] | (stream[pos + 3] << 8);
    if (pos + 4 + length > stream.length) throw new BiffError("记录被截断");
    const data = stream.subarray(pos + 4, pos + 4 + length);
    pos += 4 + length;
    if (type === CONTINUE && current) {
      current.segments.push(data);
      continue;
    }
    if (current) yield current;
    current = { type, segments: [data] };
  }
  if (current) yield current;
}

const utf16 = new TextDecoder("utf-16le");

/** One-byte ("compressed") characters are the low bytes of UTF-16 code units: ISO-8859-1. */
function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 4096)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 4096, bytes.length)));
  return out;
}

/** Reads numbers and strings from a record's segments, across CONTINUE boundaries. */
export class Reader {
  private seg = 0;
  private pos = 0;

  constructor(private readonly segments: readonly Uint8Array[]) {}

  private get current(): Uint8Array {
    return this.segments[this.seg];
  }

  /** Moves to the next segment when the current one is used up (never inside a field). */
  private need(n: number): Uint8Array {
    while (this.seg < this.segments.length && this.pos >= this.current.length) {
      this.seg++;
      this.pos = 0;
    }
    if (this.seg >= this.segments.length || this.pos + n > this.current.length) throw new BiffError("记录太短");
    return this.current;
  }

  get done(): boolean {
    for (let s = this.seg; s < this.segments.length; s++)
      if ((s === this.seg ? this.segments[s].length - this.pos : this.segments[s].length) > 0) return false;
    return true;
  }

  u8(): number {
    const b = this.need(1);
    return b[this.pos++];
  }

  u16(): number {
    const b = this.need(2);
    const v = b[this.pos] | (b[this.pos + 1] << 8);
    this.pos += 2;
    return v;
  }

  u32(): number {
    const b = this.need(4);
    const v = (b[this.pos] | (b[this.pos + 1] << 8) | (b[this.pos + 2] << 16) | (b[this.pos + 3] << 24)) >>> 0;
    this.pos += 4;
    return v;
  }

  f64(): number {
    const b = this.need(8);
    const v = new DataView(b.buffer, b.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const b = this.need(1);
      const step = Math.min(left, b.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  /** `count` characters, `wide` or not; at a CONTINUE boundary a new flag byte gives the width. */
  chars(count: number, wide: boolean): string {
    let out = "";
    let left = count;
    let w = wide;
    while (left > 0) {
      if (this.pos >= this.current.length) {
        this.need(1);
        w = (this.u8() & 1) === 1;
      }
      const b = this.current;
      const size = w ? 2 : 1;
      const n = Math.min(left, Math.floor((b.length - this.pos) / size));
      if (n === 0) throw new BiffError("字符串被截断");
      const part = b.subarray(this.pos, this.pos + n * size);
      out += w ? utf16.decode(part) : latin1(part);
      this.pos += n * size;
      left -= n;
    }
    return out;
  }

  /** XLUnicodeRichExtendedString (SST, LABEL, STRING, FORMAT): a 2-byte length, flags, runs and phonetics skipped. */
  unicodeString(lengthBytes: 1 | 2 = 2): string {
    const cch = lengthBytes === 2 ? this.u16() : this.u8();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 1) === 1);
    if (runs) this.skip(runs * 4);
    if (ext) this.skip(ext);
    return text;
  }
}

/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the top of a double, maybe divided by 100. */
export function rkNumber(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    v = view.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}
