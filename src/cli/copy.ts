/**
 * --out: the marked copy of a checked file (made by src/xlsx/marked-copy.ts through exceljs: marks,
 * --fix, the 校验报告 sheet) written atomically where it goes. Loaded only when a copy is written,
 * so a check without --out never loads exceljs.
 */
import path from "node:path";
import type { CopyOutcome } from "../core/report/checked";
import type { CheckedFile, OpenedFile } from "../xlsx/check-file";
import { markedCopy } from "../xlsx/marked-copy";
import { makeDirectory, writeFailureReason, writeFileAtomic } from "./files";

export async function writeCopy(
  opened: OpenedFile,
  checked: CheckedFile,
  output: string,
  fixing: boolean
): Promise<CopyOutcome> {
  const made = await markedCopy(opened, checked, fixing);
  const { result, grids, fix } = made;
  if (!made.bytes)
    return { result, grids, fix, output: null, writeError: `无法写入标注副本“${output}”：${made.problem}` };
  try {
    await makeDirectory(path.dirname(output));
    await writeFileAtomic(output, made.bytes);
    return { result, grids, fix, output, writeError: null };
  } catch (e) {
    return { result, grids, fix, output: null, writeError: `无法写入标注副本“${output}”：${writeFailureReason(e)}。` };
  }
}
