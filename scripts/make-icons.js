#!/usr/bin/env node
/**
 * Draws the ribbon and store icons (assets/icon-16/32/64/80.png, and icon-128.png for the pane
 * header and the store) without any image library: a rounded tile with a small table on it, rendered
 * at 4x and box-filtered down for anti-aliasing, written as RGBA PNGs with zlib.
 *
 * Run: node scripts/make-icons.js   (the PNGs are committed; rerun after changing the drawing)
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const OUT = path.join(__dirname, "..", "assets");
const SS = 4; // supersampling factor

// Colours: Fluent brand blue tile, white table, green header row (Excel-like), dark grid.
const TILE = [15, 108, 189];
const PAPER = [255, 255, 255];
const HEADER = [16, 124, 65];
const GRID = [15, 108, 189];

function crcTable() {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of the point (u, v) in the unit square, or null for transparent. */
function shade(u, v, size) {
  const r = 0.18; // corner radius of the tile
  const inset = size <= 16 ? 0 : 0.02;
  const lo = inset;
  const hi = 1 - inset;
  if (u < lo || u > hi || v < lo || v > hi) return null;
  const cx = Math.min(Math.max(u, lo + r), hi - r);
  const cy = Math.min(Math.max(v, lo + r), hi - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // The table: a white sheet with a header row and a 3x3 grid.
  const t0 = 0.2;
  const t1 = 0.8;
  if (u < t0 || u > t1 || v < t0 || v > t1) return TILE;
  const line = size <= 16 ? 0.07 : 0.045;
  const rows = [t0, 0.38, 0.52, 0.66, t1];
  const cols = [t0, 0.4, t1];
  const onLine = (x, stops) => stops.some((s) => Math.abs(x - s) < line / 2);
  if (v < rows[1]) return onLine(u, [t0, t1]) || v < t0 + line / 2 ? GRID : HEADER;
  if (onLine(v, rows) || onLine(u, cols)) return GRID;
  return PAPER;
}

function draw(size) {
  const big = size * SS;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x * SS + sx + 0.5) / big, (y * SS + sy + 0.5) / big, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return png(size, out);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
