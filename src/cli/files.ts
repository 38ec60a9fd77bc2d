/**
 * Files of the command line: why a file could not be read or written, in Chinese (one wording
 * everywhere), temporary names beside a target, atomic writes (a temporary file renamed over the
 * target, so a failed run never leaves a partial file).
 */
import { promises as fs } from "node:fs";
import path from "node:path";

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/** Why a file could not be read (no full stop), from a Node error. */
export function readFailureReason(e: unknown): string {
  const code = codeOf(e);
  if (code === "ENOENT") return "文件不存在";
  if (code === "EACCES" || code === "EPERM") return "没有读取该文件的权限";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "EBUSY") return "文件正被其他程序占用，请关闭后再试";
  if (e instanceof RangeError || code === "ERR_FS_FILE_TOO_LARGE") return "文件太大";
  return (e as Error).message;
}

/** Why a file or folder could not be written (no full stop), from a Node error. */
export function writeFailureReason(e: unknown): string {
  const code = codeOf(e);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "没有写入权限";
  if (code === "ENOTDIR" || code === "EEXIST") return "路径中有同名的文件挡住了文件夹";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "ENOSPC") return "磁盘空间不足";
  return (e as Error).message;
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

/** Writes bytes atomically; on failure the temporary file is removed and the Node error passed on. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempName(file, "tmp");
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
