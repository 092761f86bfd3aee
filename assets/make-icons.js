#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-16/32/64/80/128.png for the manifest; 192 and 512 for the
 * standalone page's web app manifest): a green rounded square with a white check mark, drawn per
 * pixel with anti-aliased edges and encoded as PNG with Node's zlib only.
 * Run `node assets/make-icons.js` after changing the drawing; the PNGs are committed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128, 192, 512];
const FILL = [0x10, 0x7c, 0x41]; // Excel-like green
const MARK = [0xff, 0xff, 0xff];
/** The check mark, in units of the icon's size. */
const CHECK = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.76, 0.33],
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** 0…1 coverage from a signed distance in pixels (negative = inside). */
const coverage = (d) => Math.max(0, Math.min(1, 0.5 - d));

function pixel(size, x, y) {
  const cx = x + 0.5;
  const cy = y + 0.5;
  // Rounded square: signed distance to a box with corner radius r.
  const r = size * 0.18;
  const half = size / 2;
  const qx = Math.abs(cx - half) - (half - r);
  const qy = Math.abs(cy - half) - (half - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  const alpha = coverage(outside);
  // Check mark: distance to the polyline minus half its stroke width.
  const stroke = Math.max(1.6, size * 0.11);
  const pts = CHECK.map(([u, v]) => [u * size, v * size]);
  const d =
    Math.min(distanceToSegment(cx, cy, pts[0], pts[1]), distanceToSegment(cx, cy, pts[1], pts[2])) -
    stroke / 2;
  const m = coverage(d);
  const rgb = FILL.map((f, i) => Math.round(f * (1 - m) + MARK[i] * m));
  return [...rgb, Math.round(alpha * 255)];
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) for (const v of pixel(size, x, y)) raw[o++] = v;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

module.exports = { SIZES, png };
