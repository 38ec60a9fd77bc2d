/**
 * Files of the command line: why a file could not be read or written, in Chinese (one wording
 * everywhere), temporary names beside a target, atomic writes (a temporary file renamed over the
 * target, so a failed run never leaves a partial file).
 */
import { promises as fs, rmSync } from "node:fs";
import path from "node:path";

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/** Why a file or folder could not be read (no full stop), from a Node error: always Chinese. */
export function readFailureReason(e: unknown): string {
  const code = codeOf(e);
  if (code === "ENOENT") return "文件不存在";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "EBUSY") return "文件正被其他程序占用，请关闭后再试";
  if (code === "ENAMETOOLONG") return "路径太长";
  if (code === "ELOOP") return "路径中的符号链接循环";
  if (e instanceof RangeError || code === "ERR_FS_FILE_TOO_LARGE") return "文件太大";
  return `无法读取（${code ?? (e instanceof Error ? e.message : String(e))}）`;
}

/** Why a file or folder could not be written (no full stop), from a Node error: always Chinese. */
export function writeFailureReason(e: unknown): string {
  const code = codeOf(e);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "没有写入权限";
  if (code === "ENOTDIR" || code === "EEXIST") return "路径中有同名的文件挡住了文件夹";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "ENOSPC" || code === "EDQUOT") return "磁盘空间不足";
  if (code === "ENOENT") return "无法在这个位置创建文件或文件夹";
  if (code === "ENAMETOOLONG") return "路径太长";
  if (code === "ELOOP") return "路径中的符号链接循环";
  if (code === "EBUSY") return "文件正被其他程序占用，请关闭后再试";
  if (code === "EINVAL") return "路径无效";
  return `无法写入（${code ?? (e instanceof Error ? e.message : String(e))}）`;
}

/**
 * Makes a folder and its missing parents, one level at a time from the nearest existing one (Node's
 * recursive mkdir loops forever under /proc and similar file systems). A Node error when it cannot.
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const st = await fs.stat(at).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : Promise.reject(e)));
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`not a directory: ${at}`), { code: "ENOTDIR" });
      break;
    }
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) {
    await fs.mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? undefined : Promise.reject(e)));
  }
}

/** The message for a workbook file that could not be read (it may have gone since it was listed). */
export function workbookReadError(e: unknown): string {
  if (codeOf(e) === "ENOENT") return "文件不存在：可能在检查过程中被移动、改名或删除。";
  return `无法读取：${readFailureReason(e)}。`;
}

/** A temporary file name beside `target` (hidden, unique to this process), tagged. */
export function tempName(target: string, tag: string): string {
  return path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${tag}`
  );
}

/** Temporary files of this thread being written (removed when the run is interrupted). */
const liveTemps = new Set<string>();

/** Removes this thread's temporary files now (an interrupted run). */
export function removeLiveTemps(): void {
  for (const t of liveTemps) rmSync(t, { force: true });
  liveTemps.clear();
}

/** True for a temporary file name this process made (tempName), whatever its thread. */
export function isOurTemp(name: string): boolean {
  return name.startsWith(".") && name.includes(`.${process.pid}.`) && /\.(tmp|sections\.tmp|page\.tmp)$/.test(name);
}

/** Writes bytes atomically; on failure the temporary file is removed and the Node error passed on. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempName(file, "tmp");
  liveTemps.add(tmp);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    liveTemps.delete(tmp);
  }
}
