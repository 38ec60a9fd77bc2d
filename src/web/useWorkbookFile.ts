/**
 * How the web page gets a workbook: the file picker, drag and drop anywhere on the page, or the
 * bundled sample named by ?sample= (fetched from the page's own origin). The file is read in the
 * browser and never uploaded; what cannot be opened gets a Chinese message.
 */
import * as React from "react";
import { WorkbookError } from "../core/port";
import { readFileBytes } from "../taskpane/files";
import { XlsxWorkbook } from "../xlsx/workbook";
import { WebWorkbook } from "./web-port";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

  const openBytes = React.useCallback(async (bytes: ArrayBuffer, name: string) => {
    setLoading(`正在打开“${name}”…`);
    setError(null);
    try {
      const port = new WebWorkbook(await XlsxWorkbook.load(bytes), name);
      await port.init();
      setDoc({ port, id: ++opened });
    } catch (e) {
      setError(`无法打开“${name}”：${e instanceof WorkbookError ? e.message : messageOf(e)}`);
    } finally {
      setLoading(null);
    }
  }, []);

  const openFile = React.useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      if (!/\.xlsx$/i.test(file.name) && file.type !== XLSX_MIME) {
        setError(
          `“${file.name}”不是 .xlsx 工作簿。请选择 Excel 工作簿（.xlsx）；.xls 和 WPS 的 .et 文件请先另存为 .xlsx。`
        );
        return;
      }
      await openBytes(await readFileBytes(file), file.name);
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

/** Files dropped anywhere on the page go to `onFile`; true while a file is dragged over it. */
export function useFileDrop(onFile: (file: File | undefined) => void): boolean {
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
        onFile(e.dataTransfer?.files?.[0]);
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
  }, [onFile]);
  return dragging;
}
