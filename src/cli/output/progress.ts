/**
 * The progress bar (cli-progress) on stderr: only on a terminal, only for more than one file.
 * Text written to stdout while the bar is shown on the same terminal first clears the bar's line.
 */
import cliProgress from "cli-progress";
import path from "node:path";
import { visible } from "../../core/text";
import { displayWidth } from "./width";

function shortName(file: string, max = 36): string {
  const base = visible(path.basename(file));
  if (displayWidth(base) <= max) return base;
  let out = "";
  for (const ch of base) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private done = 0;
  private current = "";

  constructor(total: number, enabled: boolean) {
    this.bar = enabled
      ? new cliProgress.SingleBar({
          stream: process.stderr,
          format: "检查中 [{bar}] {value}/{total} 个文件 {percentage}% | {file}",
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          linewrap: false,
          fps: 10,
          barCompleteChar: "█",
          barIncompleteChar: "░",
        })
      : null;
    this.bar?.start(total, 0, { file: "" });
  }

  started(file: string): void {
    this.current = shortName(file);
    this.bar?.update(this.done, { file: this.current });
  }

  finished(): void {
    this.done++;
    this.bar?.update(this.done, { file: this.current });
  }

  /** Writes to stdout (or stderr) without tearing the bar. */
  write(stream: NodeJS.WriteStream, text: string): void {
    if (this.bar && stream.isTTY) {
      process.stderr.write("\r\x1b[2K");
      stream.write(text);
      // the line was cleared: draw it again even though its text did not change
      (this.bar as unknown as { lastDrawnString: string | null }).lastDrawnString = null;
      this.bar.render();
    } else stream.write(text);
  }

  stop(): void {
    this.bar?.stop();
  }
}
