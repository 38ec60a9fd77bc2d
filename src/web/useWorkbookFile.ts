/**
 * How the web page gets a workbook (.xlsx or .xls): the file picker, drag and drop anywhere on the
 * page, the batch's list (opened with its marks), or the bundled sample named by ?sample= (fetched
 * from the page's own origin). The file is read in the browser and never uploaded; what cannot be
 * opened gets a Chinese message.
 */
import * as React from "react";
import { checkGrids } from "../core/check";
import { WorkbookError } from "../core/port";
import { DEFAULT_SETTINGS } from "../core/settings";
import { readFileBytes } from "../taskpane/files";
import { isWorkbookName, unsupportedMessage, XLSX_MIME } from "../xlsx/file-kinds";
import { openWorkbook } from "../xlsx/open";
import { WebWorkbook } from "./web-port";

/** The open workbook; `id` changes with every file opened (the page remounts what shows it). */
export interface Opened {
  readonly port: WebWorkbook;
  readonly id: number;
}

let opened = 0;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useWorkbookFile(sample: string | undefined) {
  const [doc, setDoc] = React.useState<Opened | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  /** `mark`: marked with the findings under the workbook's own settings (`workbookSettings`) or the defaults. */
  const openBytes = React.useCallback(
    async (bytes: ArrayBuffer, name: string, mark?: { workbookSettings: boolean }) => {
      setLoading(`正在打开“${name}”…`);
      setError(null);
      try {
        const port = new WebWorkbook((await openWorkbook(bytes, name)).workbook, name);
        await port.init();
        if (mark) {
          const settings = mark.workbookSettings ? await port.loadSettings() : DEFAULT_SETTINGS;
          await port.mark(checkGrids(await port.readSheets(), settings).findings);
        }
        setDoc({ port, id: ++opened });
      } catch (e) {
        setError(`无法打开“${name}”：${e instanceof WorkbookError ? e.message : messageOf(e)}`);
      } finally {
        setLoading(null);
      }
    },
    []
  );

  const openFile = React.useCallback(
    /** `mark`: opened from the batch, marked as the batch checked it (with the workbook's own settings or the defaults). */
    async (file: File | undefined, options: { mark?: { workbookSettings: boolean } } = {}) => {
      if (!file) return;
      if (!isWorkbookName(file.name) && file.type !== XLSX_MIME) {
        setError(`无法打开“${file.name}”：${unsupportedMessage(file.name)}`);
        return;
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await readFileBytes(file);
      } catch (e) {
        setError(`无法读取“${file.name}”：文件可能已被移动、删除或正被其他程序占用（${messageOf(e)}）。`);
        return;
      }
      await openBytes(bytes, file.name, options.mark);
    },
    [openBytes]
  );

  // ?sample=<name>: the bundled sample, from this page's own origin
  React.useEffect(() => {
    if (!sample) return;
    setLoading(`正在载入示例工作簿“${sample}”…`);
    fetch(`samples/${encodeURIComponent(sample)}`, { credentials: "same-origin" })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((bytes) => openBytes(bytes, sample))
      .catch((e: unknown) => {
        setLoading(null);
        setError(`无法载入示例工作簿“${sample}”（${messageOf(e)}）。可以点“打开文件”选择本机的工作簿。`);
      });
  }, [sample, openBytes]);

  return { doc, loading, error, setError, openFile };
}

/** What is dropped anywhere on the page goes to `onDrop`; true while files are dragged over it. */
export function useFileDrop(onDrop: (data: DataTransfer) => void): boolean {
  const [dragging, setDragging] = React.useState(false);
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const handlers: Record<"dragenter" | "dragover" | "dragleave" | "drop", (e: DragEvent) => void> = {
      dragenter: (e) => {
        e.preventDefault();
        depth++;
        setDragging(true);
      },
      dragover: (e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      },
      dragleave: () => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) setDragging(false);
      },
      drop: (e) => {
        e.preventDefault();
        depth = 0;
        setDragging(false);
        if (e.dataTransfer) onDrop(e.dataTransfer);
      },
    };
    const listeners = Object.entries(handlers).map(([type, handle]) => {
      const listener = (e: DragEvent) => {
        if (hasFiles(e)) handle(e);
      };
      window.addEventListener(type, listener as EventListener);
      return () => window.removeEventListener(type, listener as EventListener);
    });
    return () => listeners.forEach((remove) => remove());
  }, [onDrop]);
  return dragging;
}
