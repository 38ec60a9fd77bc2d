/** Why a file or folder could not be written, in Chinese, from a Node error (one wording everywhere). */
import { WorkbookError } from "../core/port";

export function writeFailureReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "没有写入权限";
  if (code === "ENOTDIR" || code === "EEXIST") return "路径中有同名的文件挡住了文件夹";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "ENOSPC") return "磁盘空间不足";
  if (e instanceof WorkbookError) return e.message.replace(/^无法保存“[^”]*”：/, "");
  return (e as Error).message;
}
