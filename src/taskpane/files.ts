/**
 * Files in and out of the browser, without any server: a download made from a Blob, a file the
 * user picked read as text. Used for the settings and template JSON files (and by the web page for
 * the saved workbook).
 */

/** Starts a download of `data` as `fileName`. Returns false where the host cannot download (some Office web views). */
export function downloadBlob(data: BlobPart, fileName: string, type: string): boolean {
  try {
    const blob = new Blob([data], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

export function downloadText(text: string, fileName: string): boolean {
  return downloadBlob(text, fileName, "application/json;charset=utf-8");
}

/** The text of a picked file (UTF-8). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ""));
    r.onerror = () => reject(r.error ?? new Error("无法读取文件"));
    r.readAsText(file, "utf-8");
  });
}

/** The bytes of a picked file. */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error("无法读取文件"));
    r.readAsArrayBuffer(file);
  });
}

/** Today as YYYYMMDD, for file names. */
export function dateStamp(d = new Date()): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}
