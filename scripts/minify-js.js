/**
 * The production build's JavaScript minifier (webpack.config.js → minimizer-webpack-plugin, by
 * module path so its worker threads can load it): esbuild first lowers each emitted file to the
 * webviews of .browserslistrc (EdgeHTML 18: no `?.`, `??`, object spread, class fields …), then
 * terser minifies it without going past ES2017 (esbuild's own minifier leaves the bundles ~10 %
 * larger). Source maps are chained: the map returned leads from the output back to webpack's code.
 *
 * Options (minimizerOptions): { target: string[] (esbuild targets), supported: esbuild feature overrides }.
 */
"use strict";

module.exports = async function lowerAndMinify(input, sourceMap, options = {}) {
  const esbuild = require("esbuild");
  const terser = require("terser");
  const [[file, source]] = Object.entries(input);
  const code = Buffer.isBuffer(source) ? source.toString() : source;
  const lowered = await esbuild.transform(code, {
    target: options.target,
    supported: options.supported,
    charset: "utf8",
    legalComments: "none",
    sourcemap: sourceMap ? "external" : false,
    sourcefile: file,
  });
  const out = await terser.minify(
    { [file]: lowered.code },
    {
      ecma: 2017,
      compress: { passes: 2, ecma: 2017 },
      format: { ecma: 2017, ascii_only: false, comments: false },
      sourceMap: sourceMap && lowered.map ? { content: lowered.map, asObject: true } : false,
    }
  );
  return {
    code: out.code,
    map: out.map ? (typeof out.map === "string" ? JSON.parse(out.map) : out.map) : undefined,
    warnings: lowered.warnings.map((w) => `${w.text}${w.location ? ` (${file}:${w.location.line})` : ""}`),
  };
};
