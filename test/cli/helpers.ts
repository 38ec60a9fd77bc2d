/**
 * Runs the real command as a child process. The CLI (src/core + src/xlsx + src/cli) is transpiled
 * once per source version with TypeScript's transpileModule into test-results/cli-build/<hash>/
 * (gitignored; node_modules resolve from the project root), so the tests run what `npm install`
 * builds, with worker threads, without the cost of tsx in every child and worker.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { cleanWorkbook } from "./packages";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "samples", "liupanshui-2025.xlsx");

const SOURCES = ["src/core", "src/xlsx", "src/cli"];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

let built: string | null = null;

/** The transpiled CLI's main.js (built when the sources changed). */
export function cliMain(): string {
  if (built) return built;
  const files = SOURCES.flatMap((s) => walk(path.join(ROOT, s)));
  const hash = createHash("sha256");
  for (const f of files) hash.update(path.relative(ROOT, f)).update("\0").update(fs.readFileSync(f)).update("\0");
  const key = hash.digest("hex").slice(0, 16);
  const base = path.join(ROOT, "test-results", "cli-build");
  const dir = path.join(base, key);
  const main = path.join(dir, "cli", "main.js");
  if (!fs.existsSync(main)) {
    const tmp = path.join(base, `${key}.${process.pid}.${Date.now()}.tmp`);
    for (const f of files) {
      const rel = path.relative(path.join(ROOT, "src"), f);
      const target = path.join(tmp, rel.replace(/\.ts$/, ".js"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (f.endsWith(".json")) fs.copyFileSync(f, target);
      else {
        const out = ts.transpileModule(fs.readFileSync(f, "utf8"), {
          compilerOptions: {
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2022,
            esModuleInterop: true,
            resolveJsonModule: true,
          },
          fileName: f,
        });
        fs.writeFileSync(target, out.outputText);
      }
    }
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // another test file built it meanwhile
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    // builds of older sources (an hour old: a run still using one is left alone)
    for (const old of fs.readdirSync(base)) {
      const p = path.join(base, old);
      if (old !== key && Date.now() - fs.statSync(p).mtimeMs > 3_600_000)
        fs.rmSync(p, { recursive: true, force: true });
    }
  }
  built = main;
  return main;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with each chunk of stderr as it arrives (to act in the middle of a run). */
  readonly onStderr?: (chunk: string, child: import("node:child_process").ChildProcess) => void;
  readonly timeoutMs?: number;
}

/** Runs `perf-target <args>` (the transpiled CLI) and collects its output. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const main = cliMain();
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    delete env.FORCE_COLOR;
    if (options.env?.FORCE_COLOR !== undefined) env.FORCE_COLOR = options.env.FORCE_COLOR;
    const child = spawn(process.execPath, [main, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      options.onStderr?.(d, child);
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`perf-target ${args.join(" ")} timed out\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary folder (removed by the caller with rmTemp). */
export function tempDir(tag = "cli"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `perf-target-${tag}-`));
}

export function rmTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under a folder, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const go = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) go(p);
      else out.push(path.relative(dir, p));
    }
  };
  if (fs.existsSync(dir)) go(dir);
  return out.sort();
}

/** `script` gives a child a terminal (for the progress bar test); null when not available. */
export function scriptCommand(): string | null {
  const r = spawnSync("script", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? "script" : null;
}

/** A minimal OLE (compound file) container holding the streams an encrypted .xlsx has. */
export function encryptedOle(): Buffer {
  const sector = 512;
  const buf = Buffer.alloc(sector * 4, 0);
  // header
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  buf.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 76 + i * 4);
  // sector 0: the FAT
  const fat = sector;
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory (end of chain)
  buf.writeUInt32LE(0xfffffffe, fat + 8); // sector 2: EncryptionInfo
  for (let i = 3; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  // sector 1 (file offset 1024): directory entries
  const entry = (n: number, name: string, type: number, start: number, size: number) => {
    const at = sector * 2 + n * 128;
    const nameBytes = Buffer.from(name + "\0", "utf16le");
    nameBytes.copy(buf, at);
    buf.writeUInt16LE(nameBytes.length, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67);
    buf.writeUInt32LE(0xffffffff, at + 68);
    buf.writeUInt32LE(0xffffffff, at + 72);
    buf.writeUInt32LE(n === 0 ? 1 : 0xffffffff, at + 76);
    buf.writeUInt32LE(start, at + 116);
    buf.writeUInt32LE(size, at + 120);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0);
  entry(1, "EncryptionInfo", 2, 2, 200);
  entry(2, "EncryptedPackage", 2, 0xfffffffe, 0);
  return buf;
}

/** A small, clean project table (no findings): for batches of many files. */
export async function writeSmallWorkbook(file: string): Promise<void> {
  fs.writeFileSync(file, await cleanWorkbook(["项目"]));
}
