/**
 * The --html report: one self-contained page for the whole batch (src/core/report/html.ts, the
 * same page the web page's batch makes). Each file's findings are written to a temporary file as
 * they arrive (in input order) and only the summary rows and the charts' counts stay in memory;
 * finish() writes the page next to the target and renames it over the target, so a failed run
 * never leaves a partial report.
 */
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { REPORT_FOOT, REPORT_MIDDLE, reportHead, section, summaryRow } from "../../core/report/html";
import { addToStats, newStats } from "../../core/report/charts";
import type { FileResult, Totals } from "../result";
import { makeDirectory, tempName, writeFailureReason } from "../files";

export class HtmlReport {
  /** The summary rows' HTML, in input order. */
  private readonly rows: string[] = [];
  private readonly stats = newStats();
  private sections: fs.FileHandle | null = null;
  private readonly sectionsPath: string;

  private constructor(
    readonly target: string,
    private readonly given: string
  ) {
    this.sectionsPath = tempName(target, "sections.tmp");
  }

  /** Creates the report's folder and its temporary file; a folder that cannot be written → an error (Chinese). */
  static async open(target: string): Promise<HtmlReport> {
    const report = new HtmlReport(path.resolve(target), target);
    try {
      await makeDirectory(path.dirname(report.target));
      report.sections = await fs.open(report.sectionsPath, "w");
    } catch (e) {
      throw new Error(htmlWriteError(target, e));
    }
    return report;
  }

  async add(r: FileResult): Promise<void> {
    this.rows.push(summaryRow(r));
    addToStats(this.stats, r);
    await this.sections!.write(section(r));
  }

  /** Writes the page (atomically) and removes the temporary files. */
  async finish(totals: Totals, meta: { version: string; started: Date; seconds: number }): Promise<void> {
    await this.sections!.close();
    this.sections = null;
    const page = tempName(this.target, "page.tmp");
    try {
      const handle = await fs.open(page, "w");
      try {
        const head = reportHead(totals, this.stats, { ...meta, maker: `perf-target ${meta.version}` });
        await handle.write(head);
        for (const row of this.rows) await handle.write(row + "\n");
        await handle.write(REPORT_MIDDLE);
        await handle.close().catch(() => undefined);
        await appendFile(page, this.sectionsPath);
        await fs.appendFile(page, REPORT_FOOT);
      } catch (e) {
        await handle.close().catch(() => undefined);
        throw e;
      }
      await fs.rename(page, this.target);
    } catch (e) {
      await fs.rm(page, { force: true }).catch(() => undefined);
      throw new Error(htmlWriteError(this.given, e));
    } finally {
      await fs.rm(this.sectionsPath, { force: true }).catch(() => undefined);
    }
  }

  async abort(): Promise<void> {
    await this.sections?.close().catch(() => undefined);
    this.sections = null;
    await fs.rm(this.sectionsPath, { force: true }).catch(() => undefined);
  }
}

async function appendFile(target: string, source: string): Promise<void> {
  const out = await fs.open(target, "a");
  try {
    for await (const chunk of createReadStream(source)) await out.write(chunk as Buffer);
  } finally {
    await out.close();
  }
}

function htmlWriteError(target: string, e: unknown): string {
  return `无法写入网页报告“${target}”：${writeFailureReason(e)}。`;
}
