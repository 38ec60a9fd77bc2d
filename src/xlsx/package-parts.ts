/**
 * The parts of an .xlsx package, read without exceljs (for checking: package-read.ts): each part
 * inflated with a cap (never more than the zip's directory announced) and checked against its
 * CRC-32, decoded strictly (UTF-8, or UTF-16 with a byte-order mark), relationships resolved as
 * OPC says (relative to the part, names case-insensitive). A part that cannot be read → PartError
 * (Chinese). The parts come from JSZip (anywhere), or straight from the zip's bytes with an inflater
 * the caller gives (Node's zlib on the command line: several times faster).
 */
import JSZip from "jszip";
import type { ZipEntry } from "./sniff";
import { attrsOf, scanXml, type XmlHandler } from "./xml";

export class PartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PartError";
  }
}

/** A relationship of a part: its type (the last word of the type URI) and its target part name. */
export interface Relationship {
  readonly type: string;
  /** The target part (no leading "/"), or null when external. */
  readonly target: string | null;
}

let table: Int32Array | null = null;

/** CRC-32 (ISO 3309, as zip uses). */
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** Raw inflate (and optionally CRC-32) from the platform: Node's zlib on the command line. */
export interface Unzip {
  /** Inflates raw deflate data; throws when the output would exceed `maxSize`. */
  inflateRaw(data: Uint8Array, maxSize: number): Uint8Array;
  crc32?(data: Uint8Array): number;
}

/** Where the parts' bytes come from. */
interface PartSource {
  read(entry: ZipEntry): Promise<Uint8Array> | Uint8Array;
  crc32(data: Uint8Array): number;
}

/** The parts straight from the zip's bytes (local header → data), inflated by `unzip`. */
export function rawSource(bytes: Uint8Array, unzip: Unzip): PartSource {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    read(e) {
      const at = e.offset;
      if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new PartError("找不到数据");
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (start + e.compressedSize > bytes.length) throw new PartError("数据不完整");
      if (e.method === 0) return data;
      if (e.method !== 8) throw new PartError("压缩方式不受支持");
      try {
        return unzip.inflateRaw(data, e.size);
      } catch {
        throw new PartError("数据无法解压");
      }
    },
    crc32: unzip.crc32 ?? crc32,
  };
}

/** The parts through JSZip (works anywhere; the web page). */
export function jszipSource(zip: JSZip): PartSource {
  return {
    read(e) {
      const file = zip.file(e.name);
      if (!file) throw new PartError("找不到数据");
      return inflate(file, e.size);
    },
    crc32,
  };
}

/** JSZip's documented streaming reader (not in its typings): chunks as they are inflated. */
interface ChunkStream {
  on(event: "data", f: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", f: (e: unknown) => void): ChunkStream;
  on(event: "end", f: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** A part's bytes, inflated chunk by chunk and stopped as soon as it exceeds `limit`. */
function inflate(file: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream(
      "uint8array"
    );
    stream
      .on("data", (chunk) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          reject(new PartError("解压后的大小与压缩包目录不符"));
        } else chunks.push(chunk);
      })
      .on("error", () => reject(new PartError("数据无法解压")))
      .on("end", () => {
        if (chunks.length === 1) return resolve(chunks[0]);
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

function decode(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PartError("文字编码有误（不是有效的 UTF-8）");
  }
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/"). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A relationship target resolved against the folder of its source part ("../x" and "./x" as in a URI). */
function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Collects the attributes of the elements named, in document order. */
export function elementsOf(
  xml: string,
  names: readonly string[]
): Array<{ name: string; attrs: Record<string, string> }> {
  const out: Array<{ name: string; attrs: Record<string, string> }> = [];
  const handler: XmlHandler = {
    open(name, raw) {
      if (names.includes(name)) out.push({ name, attrs: attrsOf(raw) });
    },
    close() {},
    wantsText: () => false,
    text() {},
  };
  scanXml(xml, handler);
  return out;
}

/** The package: its parts by (case-insensitive) name, read on demand. */
export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    entries: readonly ZipEntry[],
    private readonly source: PartSource
  ) {
    for (const e of entries) if (!e.name.endsWith("/")) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The names of the parts (as stored) under a folder. */
  namesUnder(folder: string): string[] {
    const f = folder.toLowerCase();
    return [...this.byName.entries()].filter(([k]) => k.startsWith(f)).map(([, v]) => v.name);
  }

  /** A part's text; null when the package has no such part; PartError when it cannot be read. */
  async text(part: string, limit: number): Promise<string | null> {
    const e = this.byName.get(part.toLowerCase());
    if (!e) return null;
    if (e.size > limit) throw new PartError(`太大（解压后约 ${Math.round(e.size / 1048576)} MB）`);
    const bytes = await this.source.read(e);
    if (bytes.length !== e.size || this.source.crc32(bytes) !== e.crc32) throw new PartError("校验和不符");
    return decode(bytes);
  }

  /** The relationships of a part (from its _rels part), by id; empty when it has none. */
  async relationships(part: string, limit: number): Promise<Map<string, Relationship>> {
    const relsName = `${folderOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
    const xml = await this.text(relsName, limit);
    const out = new Map<string, Relationship>();
    if (xml === null) return out;
    for (const { attrs } of elementsOf(xml, ["Relationship"])) {
      if (!attrs.Id || attrs.Target === undefined) continue;
      const type = (attrs.Type ?? "").slice((attrs.Type ?? "").lastIndexOf("/") + 1);
      const external = attrs.TargetMode === "External";
      out.set(attrs.Id, { type, target: external ? null : resolveTarget(part, attrs.Target) });
    }
    return out;
  }
}
