#!/usr/bin/env node
/**
 * Draws the add-in's icons: a small spreadsheet (green header row, grid lines) with a green round
 * badge holding a white check mark — "a table that has been checked".
 *
 *   node scripts/draw-icons.js          writes assets/icon-{16,20,24,32,40,48,64,80,128}.png and assets/logo-filled.png
 *                                       (the ribbon sizes Office asks for: 16/20/24/32/40/48/64/80)
 *
 * Pure pngjs, no canvas: every shape is an "inside" test in unit coordinates (0..1), each pixel is
 * supersampled (8×8) for anti-aliasing, and straight edges are snapped to whole pixels at each size
 * so the small icons stay crisp.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { PNG } = require("pngjs");

const OUT = path.join(__dirname, "..", "assets");
const SS = 8; // supersampling per axis

function hex(c, a = 1) {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, a];
}

const COLORS = {
  frame: hex("#3B4A54"),
  paper: hex("#FFFFFF"),
  header: hex("#21A366"),
  grid: hex("#A9B8B1"),
  badge: hex("#107C41"),
  ring: hex("#FFFFFF"),
  check: hex("#FFFFFF"),
  logoBg: hex("#107C41"),
  logoHeader: hex("#9FD5B5"),
  logoGrid: hex("#B9C9C1"),
  logoBadge: hex("#FFFFFF"),
  logoCheck: hex("#107C41"),
  logoRing: hex("#107C41"),
};

// ---- shapes (unit coordinates, y down) -----------------------------------------------------------

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
    const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
    const dx = x - cx;
    const dy = y - cy;
    return dx * dx + dy * dy <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

/** A polyline stroked with round caps and joins (union of capsules). */
function stroke(points, width) {
  const h = width / 2;
  const segs = [];
  for (let i = 0; i + 1 < points.length; i++) segs.push([points[i], points[i + 1]]);
  return (x, y) =>
    segs.some(([[ax, ay], [bx, by]]) => {
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const dx = x - (ax + t * vx);
      const dy = y - (ay + t * vy);
      return dx * dx + dy * dy <= h * h;
    });
}

const and = (a, b) => (x, y) => a(x, y) && b(x, y);

// ---- raster --------------------------------------------------------------------------------------

function render(size, layers) {
  const png = new PNG({ width: size, height: size });
  const buf = new Float64Array(size * size * 4); // premultiplied rgba, 0..1
  for (const [shape, [r, g, b, a]] of layers) {
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)) hits++;
          }
        }
        if (!hits) continue;
        const cov = (hits / (SS * SS)) * a;
        const i = (py * size + px) * 4;
        // "over" compositing, premultiplied
        buf[i] = (r / 255) * cov + buf[i] * (1 - cov);
        buf[i + 1] = (g / 255) * cov + buf[i + 1] * (1 - cov);
        buf[i + 2] = (b / 255) * cov + buf[i + 2] * (1 - cov);
        buf[i + 3] = cov + buf[i + 3] * (1 - cov);
      }
    }
  }
  for (let i = 0; i < size * size; i++) {
    const a = buf[i * 4 + 3];
    png.data[i * 4] = a ? Math.round((buf[i * 4] / a) * 255) : 0;
    png.data[i * 4 + 1] = a ? Math.round((buf[i * 4 + 1] / a) * 255) : 0;
    png.data[i * 4 + 2] = a ? Math.round((buf[i * 4 + 2] / a) * 255) : 0;
    png.data[i * 4 + 3] = Math.round(a * 255);
  }
  return PNG.sync.write(png, { colorType: 6 });
}

// ---- the drawing ---------------------------------------------------------------------------------

/**
 * Layers for one size. `logo` draws the filled variant: green rounded square, white table, white badge.
 */
function design(size, logo = false) {
  const px = 1 / size;
  const snap = (v) => Math.round(v * size) / size; // to a pixel edge
  const line = Math.max(1, Math.round(size / 32)) * px; // frame and check weight, whole pixels
  const thin = Math.max(1, Math.round(size / 64)) * px; // grid lines

  // table (leaves room bottom-right for the badge)
  const inset = logo ? 0.16 : 0.04;
  const x0 = snap(inset);
  const y0 = snap(inset + 0.06);
  const x1 = snap(1 - inset - (logo ? 0.02 : 0.1));
  const y1 = snap(1 - inset - (logo ? 0.02 : 0.06));
  const r = Math.max(px, snap((x1 - x0) * 0.1));
  const outer = roundRect(x0, y0, x1, y1, r);
  const inner = roundRect(x0 + line, y0 + line, x1 - line, y1 - line, Math.max(0, r - line));
  const headerBottom = snap(y0 + (y1 - y0) * (size <= 16 ? 0.34 : 0.28));

  const layers = [];
  if (logo) layers.push([roundRect(0, 0, 1, 1, 0.2), COLORS.logoBg]);
  layers.push([outer, logo ? COLORS.paper : COLORS.frame]);
  layers.push([inner, COLORS.paper]);
  layers.push([and(inner, rect(0, 0, 1, headerBottom)), logo ? COLORS.logoHeader : COLORS.header]);

  // grid: column rules and row rules below the header, fewer at small sizes
  const cols = size <= 16 ? [0.42] : [0.36, 0.64];
  const rows = size <= 16 ? [0.66] : size <= 32 ? [0.52, 0.76] : [0.47, 0.64, 0.81];
  const gridColor = logo ? COLORS.logoGrid : COLORS.grid;
  for (const c of cols) {
    const gx = snap(x0 + (x1 - x0) * c);
    layers.push([and(inner, rect(gx, headerBottom, gx + thin, 1)), gridColor]);
  }
  for (const rr of rows) {
    const gy = snap(y0 + (y1 - y0) * rr);
    layers.push([and(inner, rect(0, gy, 1, gy + thin)), gridColor]);
  }
  // header rule
  layers.push([and(inner, rect(0, headerBottom, 1, headerBottom + thin)), logo ? COLORS.logoGrid : COLORS.frame]);

  // badge with check mark, bottom-right, with a ring that separates it from the table
  const bc = logo ? [0.7, 0.7] : size <= 16 ? [0.66, 0.66] : [0.7, 0.7];
  const br = logo ? 0.2 : size <= 16 ? 0.28 : 0.25;
  const ring = Math.max(line, 0.04);
  layers.push([circle(bc[0], bc[1], br + ring), logo ? COLORS.logoRing : COLORS.ring]);
  layers.push([circle(bc[0], bc[1], br), logo ? COLORS.logoBadge : COLORS.badge]);
  const k = br;
  const check = [
    [bc[0] - 0.5 * k, bc[1] + 0.02 * k],
    [bc[0] - 0.14 * k, bc[1] + 0.38 * k],
    [bc[0] + 0.5 * k, bc[1] - 0.3 * k],
  ];
  const checkWidth = Math.max(size <= 16 ? 1.6 * px : 2 * line, 0.26 * k);
  layers.push([and(circle(bc[0], bc[1], br), stroke(check, checkWidth)), logo ? COLORS.logoCheck : COLORS.check]);
  return layers;
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, render(size, design(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
  const logo = path.join(OUT, "logo-filled.png");
  fs.writeFileSync(logo, render(128, design(128, true)));
  console.log(`wrote ${path.relative(process.cwd(), logo)} (128×128)`);
}

if (require.main === module) main();

module.exports = { render, design };
