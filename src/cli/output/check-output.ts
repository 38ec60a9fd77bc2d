/**
 * What `check` prints while the results come in (in input order): on stdout the JSON document or
 * the text report; on stderr files that could not be read or written, warnings and skipped fixes,
 * through the progress bar; each result also goes to the HTML report (a report that fails to be
 * written is dropped, the run goes on). finish() closes stdout's document or prints the totals.
 */
import { addToTotals, fileJson, newTotals, type FileResult, type Totals } from "../result";
import type { HtmlReport } from "./html";
import { Progress } from "./progress";
import { visible } from "../../core/text";
import { colourFor, fileText, paint, totalText, type Paint } from "./text";

/** "perf-target：" + message, on stderr (control characters shown escaped). */
export function printError(message: string): void {
  process.stderr.write(`${paint(colourFor(process.stderr)).red("perf-target：")}${visible(message)}\n`);
}

export class CheckOutput {
  readonly totals: Totals = newTotals();
  readonly progress: Progress;
  /** The HTML report could not be opened or written. */
  htmlFailed: boolean;
  private first = true;
  private readonly p: Paint;
  private readonly pe = paint(colourFor(process.stderr));

  constructor(
    private readonly json: boolean,
    files: number,
    public html: HtmlReport | null,
    htmlFailed: boolean
  ) {
    this.htmlFailed = htmlFailed;
    this.p = paint(!json && colourFor(process.stdout));
    this.progress = new Progress(files, files > 1 && process.stderr.isTTY === true);
    if (json) process.stdout.write(`{"files":[`);
  }

  private toStderr(text: string): void {
    this.progress.write(process.stderr, text);
  }

  /** One file's result, in input order. */
  async add(r: FileResult): Promise<void> {
    const { pe } = this;
    this.progress.finished();
    addToTotals(this.totals, r);
    if (this.json) {
      this.progress.write(process.stdout, `${this.first ? "\n" : ",\n"}${JSON.stringify(fileJson(r))}`);
      this.first = false;
    } else if (!r.readError) this.progress.write(process.stdout, fileText(r, this.p));
    const file = visible(r.file);
    if (r.readError) this.toStderr(`${pe.red("✘")} ${file}  ${visible(r.readError)}\n`);
    for (const m of r.incomplete) this.toStderr(`${pe.red("✘")} ${file}  ${visible(m)}\n`);
    if (r.writeError) this.toStderr(`${pe.red("✘")} ${file}  ${visible(r.writeError)}\n`);
    for (const w of r.warnings) this.toStderr(`${pe.yellow("注意：")}${file}：${visible(w)}\n`);
    // what could not be read: in the text report, and on stderr when stdout carries the JSON document
    if (this.json) for (const x of r.problems) this.toStderr(`${pe.yellow("注意：")}${file}：${visible(x)}\n`);
    for (const s of r.fix?.skipped ?? [])
      this.toStderr(
        `${pe.yellow("未能修复：")}${file} ${visible(`${s.sheet}!${s.cell}`)} [${s.rule}]：${visible(s.reason)}\n`
      );
    await this.addToHtml(r);
  }

  private async addToHtml(r: FileResult): Promise<void> {
    if (!this.html) return;
    try {
      await this.html.add(r);
    } catch (e) {
      this.htmlFailed = true;
      printError((e as Error).message);
      await this.html.abort();
      this.html = null;
    }
  }

  /** Closes the JSON document, or prints the totals. */
  finish(): void {
    if (this.json) process.stdout.write(`${this.first ? "" : "\n"}]}\n`);
    else process.stdout.write(`\n${totalText(this.totals, this.p)}`);
  }
}
