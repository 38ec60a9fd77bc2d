/**
 * The files of a batch, from the file picker (several files), the folder picker (webkitdirectory)
 * or a drop of files and folders: each with its path in the batch, folders walked, in the order and
 * with the choices the command line makes for a folder (src/xlsx/file-kinds.ts): .xlsx and .xls
 * checked, other spreadsheet formats listed as not supported, the rest left out.
 */
import { compareNames, fileKind, unsupportedMessage } from "../../xlsx/file-kinds";

export interface BatchInput {
  /** "folder/sub/表.xlsx" (folder structure kept), or the file's name. */
  readonly path: string;
  readonly file: File;
  /** Why it is not checked (not supported), or null. */
  readonly problem: string | null;
}

export interface Collected {
  readonly inputs: BatchInput[];
  /** Files left out (not spreadsheets, lock files), by path. */
  readonly skipped: string[];
}

/** Paths in folder-walk order: segment by segment, by name. */
function comparePaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareNames(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** Files with their paths → the batch (sorted, classified, hidden folders left out). */
export function collect(files: readonly { path: string; file: File }[]): Collected {
  const inputs: BatchInput[] = [];
  const skipped: string[] = [];
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  for (const f of sorted) {
    const parts = f.path.split("/");
    const name = parts[parts.length - 1];
    const kind = fileKind(name);
    if (kind === "skip" || parts.slice(0, -1).some((p) => p.startsWith("."))) skipped.push(f.path);
    else inputs.push({ path: f.path, file: f.file, problem: kind === "unsupported" ? unsupportedMessage(name) : null });
  }
  return { inputs, skipped };
}

/** The files of an <input type=file> (a folder picker gives each file's relative path). */
export function fromFileList(list: FileList | readonly File[]): { path: string; file: File }[] {
  return Array.from(list).map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: { path: string; file: File }[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\/+/, ""), file });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out);
  }
}

/** The files and folders of a drop (folders walked). */
export async function fromDrop(data: DataTransfer): Promise<{ path: string; file: File }[]> {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === "file" ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return fromFileList(data.files);
  const out: { path: string; file: File }[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}
