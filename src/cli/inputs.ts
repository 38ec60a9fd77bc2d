/**
 * The files to check: the paths given, folders searched recursively (in name order), .xlsx and .xls
 * kept (file-kinds.ts), other spreadsheet formats reported as not supported, duplicates dropped; and where each marked
 * copy goes under --out (the inputs' relative paths kept, so equal names never collide).
 */
import { promises as fs, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { compareNames, fileKind, isWorkbookName, markedCopyName, unsupportedMessage } from "../xlsx/file-kinds";
import { readFailureReason } from "./files";

export interface InputFile {
  /** The path as the user gave it (for a file found in a folder: the folder as given + the relative path). */
  readonly given: string;
  readonly abs: string;
  /** Size in bytes when known at listing time. */
  readonly size: number;
  /** Why the file is not checked (not found, not supported), in Chinese; null when it is to be checked. */
  readonly problem: string | null;
}

export interface InputList {
  readonly files: InputFile[];
  /** Files inside folders that were left alone (not spreadsheets, Office lock files), as given. */
  readonly skipped: string[];
}

/** Why a path given (or a folder found) could not be listed, in Chinese (the reason: files.ts). */
function listingError(e: unknown, given: string, doing: "打开" | "读取文件夹"): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return `找不到“${given}”：文件或文件夹不存在。`;
  return `无法${doing}“${given}”：${readFailureReason(e)}。`;
}

function joinGiven(folder: string, rel: string): string {
  const trimmed = folder.replace(/[\\/]+$/, "");
  return trimmed === "" ? path.sep + rel : `${trimmed}${path.sep}${rel}`;
}

/** The list being made: files in order (each path once) and what was left alone. */
class Listing {
  readonly files: InputFile[] = [];
  readonly skipped: string[] = [];
  private readonly seen = new Set<string>();

  /** `excluded`: the folders never searched (the --out folder, as given and with its links resolved). */
  constructor(private readonly excluded: ReadonlySet<string>) {}

  add(f: InputFile): void {
    if (this.seen.has(f.abs)) return;
    this.seen.add(f.abs);
    this.files.push(f);
  }

  /** A file found in a folder: checked, reported as not supported, or skipped. */
  private file(name: string, given: string, abs: string, size: number): void {
    const kind = fileKind(name);
    if (kind === "skip") this.skipped.push(given);
    else
      this.add({
        given,
        abs: path.resolve(abs),
        size,
        problem: kind === "unsupported" ? unsupportedMessage(name) : null,
      });
  }

  /** Walks a folder given (rel: the subfolder below it), in name order, hidden folders and the excluded one left out. */
  async walk(folderGiven: string, folderAbs: string, rel: string, visited: Set<string>): Promise<void> {
    const dirAbs = rel ? path.join(folderAbs, rel) : folderAbs;
    const real = await fs.realpath(dirAbs).catch(() => null);
    if (real === null || visited.has(real) || this.excluded.has(real)) return; // gone, a link loop, or --out
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dirAbs, { withFileTypes: true });
    } catch (e) {
      const given = rel ? joinGiven(folderGiven, rel) : folderGiven;
      this.add({ given, abs: dirAbs, size: 0, problem: listingError(e, given, "读取文件夹") });
      return;
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      const childRel = rel ? path.join(rel, entry.name) : entry.name;
      const childAbs = path.join(folderAbs, childRel);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink() || isFile) {
        const st = await fs.stat(childAbs).catch(() => null);
        if (!st) continue; // a dangling link, or a file gone since readdir
        isDir = st.isDirectory();
        isFile = st.isFile();
        size = st.size;
      }
      if (isDir) {
        if (entry.name.startsWith(".")) continue;
        if (this.excluded.has(path.resolve(childAbs))) continue;
        await this.walk(folderGiven, folderAbs, childRel, visited);
      } else if (isFile) this.file(entry.name, joinGiven(folderGiven, childRel), childAbs, size);
    }
  }
}

/**
 * Lists the inputs. `exclude` is a folder never searched (the --out folder, so that a second run
 * does not check the copies of the first).
 */
export async function listInputs(inputs: readonly string[], exclude: string | null = null): Promise<InputList> {
  const excluded = new Set<string>();
  if (exclude) {
    excluded.add(path.resolve(exclude));
    const real = await fs.realpath(exclude).catch(() => null);
    if (real) excluded.add(real);
  }
  const list = new Listing(excluded);
  for (const given of inputs) {
    const abs = path.resolve(given);
    let st: Stats;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      list.add({ given, abs, size: 0, problem: listingError(e, given, "打开") });
      continue;
    }
    if (st.isDirectory()) {
      const before = list.files.length;
      await list.walk(given, abs, "", new Set());
      if (list.files.length === before) list.skipped.push(`${given}（文件夹中没有 .xlsx 或 .xls 文件）`);
    } else if (!st.isFile())
      list.add({ given, abs, size: 0, problem: `无法检查“${given}”：这不是普通文件（而是管道、设备等）。` });
    else if (isWorkbookName(abs)) list.add({ given, abs, size: st.size, problem: null });
    else list.add({ given, abs, size: st.size, problem: unsupportedMessage(abs) });
  }
  return { files: list.files, skipped: list.skipped };
}

/**
 * Where each input's marked copy goes: the inputs' paths relative to their deepest common folder,
 * under `outDir`. "a/表.xlsx" and "b/表.xlsx" → out/a/表.xlsx, out/b/表.xlsx; one file → out/表.xlsx;
 * an .xls → out/表-已校验.xlsx (its copy is an .xlsx).
 * The paths are `outDir` as given joined with the relative path. An output that would be an input
 * itself → null (never overwrite an input).
 */
export function outputPaths(files: readonly InputFile[], outDir: string): (string | null)[] {
  const out = path.resolve(outDir);
  const dirs = files.map((f) => path.dirname(f.abs));
  let root = dirs.length ? dirs[0] : out;
  for (const d of dirs) {
    while (!(d === root || d.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) {
      const up = path.dirname(root);
      if (up === root) break;
      root = up;
    }
  }
  const inputs = new Set(files.map((f) => f.abs));
  return files.map((f) => {
    let rel = path.relative(root, f.abs);
    if (rel.startsWith("..") || path.isAbsolute(rel))
      rel = f.abs.replace(/^[A-Za-z]:/, (m) => m[0]).replace(/^[\\/]+/, "");
    rel = markedCopyName(rel);
    return inputs.has(path.join(out, rel)) ? null : path.join(outDir, rel);
  });
}

/** A path as the file system knows it: links resolved (a path not there yet: its nearest existing folder's), and the file's device and inode when it exists (hard links). */
export interface PathIdentity {
  readonly real: string;
  readonly inode: string | null;
}

export async function pathIdentity(p: string): Promise<PathIdentity> {
  const abs = path.resolve(p);
  const st = await fs.stat(abs).catch(() => null);
  const inode = st ? `${st.dev}:${st.ino}` : null;
  let rest = "";
  for (let at = abs; ; at = path.dirname(at)) {
    const real = await fs.realpath(at).catch(() => null);
    if (real !== null) return { real: rest ? path.join(real, rest) : real, inode };
    if (path.dirname(at) === at) return { real: abs, inode };
    rest = rest ? path.join(path.basename(at), rest) : path.basename(at);
  }
}

export function sameFile(a: PathIdentity, b: PathIdentity): boolean {
  return a.real === b.real || (a.inode !== null && a.inode === b.inode);
}
