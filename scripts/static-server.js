/**
 * A tiny static file server, shared by `npm start` (scripts/start.js) and the browser tests
 * (test/browser/harness.ts): files of one folder (plus optional mounts: URL prefix → folder), never
 * outside it, with the right content types. No dependency beyond Node.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff2": "font/woff2",
};

/**
 * A request handler serving `root`. Options: mounts (URL prefix → folder), redirect (where "/"
 * goes, if anywhere), cacheControl, onServed(urlPath, status) for a request log.
 */
function staticHandler(root, options = {}) {
  const mounts = options.mounts || {};
  return (req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const done = (status) => options.onServed && options.onServed(urlPath, status);
    if (urlPath === "/" && options.redirect) {
      res.writeHead(302, { Location: options.redirect }).end();
      done(302);
      return;
    }
    let base = path.resolve(root);
    let rel = urlPath;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (urlPath.startsWith(prefix + "/")) {
        base = path.resolve(dir);
        rel = urlPath.slice(prefix.length);
      }
    }
    let file = path.join(base, path.normalize(rel));
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      done(403);
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("未找到 / not found");
        done(404);
        return;
      }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Cache-Control": options.cacheControl || "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(data);
      done(200);
    });
  };
}

module.exports = { MIME, staticHandler };
