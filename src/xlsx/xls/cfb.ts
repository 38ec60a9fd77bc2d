/**
 * The OLE compound file (CFB, [MS-CFB]) an .xls lives in: a small file system of 512- or 4096-byte
 * sectors chained by a FAT, with a mini stream for streams under 4 KB. Only what reading an .xls
 * needs: the streams at any depth by name. Every chain is bounded by the file's sector count, so a
 * damaged or hostile file ends in a CfbError, never in a loop. Pure: runs in Node and the browser.
 */

export class CfbError extends Error {}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;

/** A directory entry that is a stream. */
interface Entry {
  readonly name: string;
  readonly start: number;
  readonly size: number;
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly sectorCount: number;
  private readonly streams: Entry[] = [];
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;
  private readonly root: Entry;
  private readonly firstMiniFat: number;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new CfbError("不是 OLE 复合文档");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new CfbError("扇区大小不对");
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << this.view.getUint16(0x20, true);
    this.miniCutoff = this.view.getUint32(0x38, true);
    this.sectorCount = Math.floor((bytes.length - 512 + this.sectorSize - 1) / this.sectorSize);
    this.fat = this.readFat();
    this.firstMiniFat = this.view.getUint32(0x3c, true);
    const entries = this.readDirectory(this.view.getUint32(0x30, true));
    if (!entries.root) throw new CfbError("没有根目录");
    this.root = entries.root;
  }

  /** The names of the streams (at any depth). */
  streamNames(): string[] {
    return this.streams.map((s) => s.name);
  }

  /** A stream's bytes by name (case-insensitive, the first match), or null. */
  stream(name: string): Uint8Array | null {
    const lower = name.toLowerCase();
    const entry = this.streams.find((s) => s.name.toLowerCase() === lower);
    if (!entry) return null;
    if (entry.size < this.miniCutoff) return this.readMini(entry);
    return this.readChain(entry.start, entry.size);
  }

  private sectorOffset(sector: number): number {
    const offset = 512 + sector * this.sectorSize;
    if (sector > MAX_REGULAR || offset >= this.bytes.length) throw new CfbError("扇区越界");
    return offset;
  }

  private readFat(): Uint32Array {
    const numFat = this.view.getUint32(0x2c, true);
    if (numFat > this.sectorCount + 1) throw new CfbError("FAT 太大");
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < numFat; i++)
      fatSectors.push(this.view.getUint32(0x4c + i * 4, true));
    let difat = this.view.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    for (let guard = 0; fatSectors.length < numFat && difat !== END_OF_CHAIN && difat !== FREE; guard++) {
      if (guard > this.sectorCount) throw new CfbError("DIFAT 链循环");
      const at = this.sectorOffset(difat);
      for (let i = 0; i < perSector && fatSectors.length < numFat; i++)
        fatSectors.push(this.view.getUint32(at + i * 4, true));
      difat = this.view.getUint32(at + perSector * 4, true);
    }
    const fat = new Uint32Array((fatSectors.length * this.sectorSize) / 4);
    fatSectors.forEach((s, k) => {
      const at = this.sectorOffset(s);
      const n = Math.min(this.sectorSize, this.bytes.length - at) / 4;
      for (let i = 0; i < n; i++) fat[k * (this.sectorSize / 4) + i] = this.view.getUint32(at + i * 4, true);
    });
    return fat;
  }

  /** The sectors of a chain, in order (bounded: a loop or a chain past the file is an error). */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s >= table.length || out.length > limit) throw new CfbError("扇区链损坏");
      out.push(s);
    }
    return out;
  }

  private readChain(start: number, size: number): Uint8Array {
    if (size > this.bytes.length) throw new CfbError("流的长度超出文件");
    const out = new Uint8Array(size);
    let written = 0;
    for (const s of this.chain(start, this.fat, this.sectorCount)) {
      if (written >= size) break;
      const at = this.sectorOffset(s);
      const part = this.bytes.subarray(at, Math.min(at + this.sectorSize, at + size - written, this.bytes.length));
      out.set(part, written);
      written += part.length;
    }
    if (written < size) throw new CfbError("流被截断");
    return out;
  }

  private readMini(entry: Entry): Uint8Array {
    if (!this.miniStream) {
      this.miniStream = this.readChain(this.root.start, this.root.size);
      const sectors =
        this.firstMiniFat === END_OF_CHAIN ? [] : this.chain(this.firstMiniFat, this.fat, this.sectorCount);
      this.miniFat = new Uint32Array((sectors.length * this.sectorSize) / 4);
      sectors.forEach((s, k) => {
        const at = this.sectorOffset(s);
        for (let i = 0; i < this.sectorSize / 4; i++)
          this.miniFat![k * (this.sectorSize / 4) + i] = this.view.getUint32(at + i * 4, true);
      });
    }
    const mini = this.miniStream;
    const out = new Uint8Array(entry.size);
    let written = 0;
    const limit = Math.ceil(mini.length / this.miniSectorSize);
    for (const s of this.chain(entry.start, this.miniFat!, limit)) {
      if (written >= entry.size) break;
      const at = s * this.miniSectorSize;
      if (at >= mini.length) throw new CfbError("迷你流越界");
      const part = mini.subarray(at, Math.min(at + this.miniSectorSize, at + entry.size - written));
      out.set(part, written);
      written += part.length;
    }
    if (written < entry.size) throw new CfbError("流被截断");
    return out;
  }

  private readDirectory(start: number): { root: Entry | null } {
    const dir = this.readChain(start, this.chain(start, this.fat, this.sectorCount).length * this.sectorSize);
    const v = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
    let root: Entry | null = null;
    const v3 = this.sectorSize === 512;
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const type = dir[at + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const nameBytes = Math.min(64, v.getUint16(at + 64, true));
      let name = "";
      for (let i = 0; i + 1 < nameBytes; i += 2) {
        const c = v.getUint16(at + i, true);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      const startSector = v.getUint32(at + 116, true);
      const high = v3 ? 0 : v.getUint32(at + 124, true);
      const size = high ? Number.MAX_SAFE_INTEGER : v.getUint32(at + 120, true);
      const entry: Entry = { name, start: startSector, size };
      if (type === 5 && !root) root = entry;
      else if (type === 2) this.streams.push(entry);
    }
    return { root };
  }
}
