/**
 * Node-only file helpers for the xlsx adapter (the command line and the tests). The browser path
 * (web page) uses XlsxWorkbook.load/save with bytes and never imports this file.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { WorkbookError } from "../core/port";
import { XlsxWorkbook } from "./workbook";

/** Opens an .xlsx file; a missing or unreadable file → WorkbookError("unreadable") in Chinese. */
export async function openXlsxFile(file: string): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "文件不存在"
        : code === "EACCES"
          ? "没有读取权限"
          : code === "EISDIR"
            ? "这是一个文件夹"
            : String((e as Error).message);
    throw new WorkbookError("unreadable", `无法打开“${file}”：${why}。`);
  }
  return XlsxWorkbook.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Writes bytes atomically: a temporary file in the same folder, then a rename over the target. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`
  );
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new WorkbookError("failed", `无法保存“${file}”：${(e as Error).message}`);
  }
}

/** Saves the workbook to a file (atomically). */
export async function saveXlsxFile(workbook: XlsxWorkbook, file: string): Promise<void> {
  await writeFileAtomic(file, await workbook.save());
}
