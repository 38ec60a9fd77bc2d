// Lints probe texts as files of the repository (stdin: [{file, text}]) with the repository's
// eslint.config.mjs; prints, for each probe, the rule ids reported (formatting left out).
import { ESLint } from "eslint";
import path from "node:path";
import fs from "node:fs";

const root = process.argv[2];
const probes = JSON.parse(fs.readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const p of probes) {
  const [result] = await eslint.lintText(p.text, { filePath: path.join(root, p.file) });
  out.push(result.messages.filter((m) => m.ruleId !== "prettier/prettier").map((m) => String(m.ruleId)));
}
process.stdout.write(JSON.stringify(out));
