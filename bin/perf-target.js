#!/usr/bin/env node
// perf-target: the compiled command line (lib/, built by `npm run build:cli`, run on `npm install` by "prepare").
"use strict";
let main;
try {
  main = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write(
      "perf-target：命令行还没有编译。请在项目目录中运行 npm run build:cli（npm install 会自动编译）。\n"
    );
    process.exit(2);
  }
  throw e;
}
main.cli();
