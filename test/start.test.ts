/**
 * npm start away from Excel (Linux): serves dist/ with the sample workbook and prints the page's URL.
 * (On Windows/macOS npm start sideloads into Excel instead; `--web` forces the page there too.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

describe("npm start (stand-alone page)", () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    // scripts/test.js has built dist/; --no-build builds only when dist/ is missing
    child = spawn(process.execPath, ["scripts/start.js", "--no-build", "--web"], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/localhost:\d+\/web\.html\?sample=liupanshui-2025\.xlsx/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on("exit", (code) => reject(new Error(`start.js exited (${code}) before printing the URL:\n${out}`)));
    });
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    }
  });

  test("prints the URL of web.html with the sample, and serves it", async () => {
    const page = await fetch(url.replace("localhost", "127.0.0.1"));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("绩效目标表助手");
  });

  test("serves the sample workbook next to the page", async () => {
    const base = new URL(url.replace("localhost", "127.0.0.1"));
    const res = await fetch(new URL("samples/liupanshui-2025.xlsx", base));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(ROOT, "samples", "liupanshui-2025.xlsx")))).toBe(true);
  });

  test("serves nothing outside dist/", async () => {
    const base = new URL(url.replace("localhost", "127.0.0.1"));
    const res = await fetch(`${base.origin}/%2e%2e/package.json`);
    expect([403, 404]).toContain(res.status);
  });

  test("stops on Ctrl-C (SIGINT)", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await expect(exited).resolves.toBe(0);
  });
});
