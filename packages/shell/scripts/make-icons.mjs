#!/usr/bin/env node
/**
 * Writes the placeholder app icons apps/<app>/build/icon.png (512x512): a rounded square in the
 * app's colour with its letter (K kiosk, M meja/counter, L layar/display). No image library: a
 * 5x7 bitmap font scaled up, encoded as PNG with node:zlib. electron-builder derives the Windows
 * .ico and the Linux sizes from this file. Replace with designed icons when there are some.
 *   node packages/shell/scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const ICONS = {
  kiosk: { letter: 'K', colour: [0xf7, 0xa8, 0x23] },
  counter: { letter: 'M', colour: [0x0b, 0x5f, 0xa5] },
  display: { letter: 'L', colour: [0x2e, 0x9e, 0x44] },
};
const GLYPHS = {
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function insideRoundedSquare(x, y) {
  const margin = 16;
  const radius = 96;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && y >= margin;
}

function icon({ letter, colour }) {
  const glyph = GLYPHS[letter];
  const cell = 48;
  const left = (SIZE - 5 * cell) / 2;
  const top = (SIZE - 7 * cell) / 2;
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      const gx = Math.floor((x - left) / cell);
      const gy = Math.floor((y - top) / cell);
      const ink = gx >= 0 && gx < 5 && gy >= 0 && gy < 7 && glyph[gy][gx] === '1';
      const pixel = !insideRoundedSquare(x, y) ? [0, 0, 0, 0] : ink ? [255, 255, 255, 255] : [...colour, 255];
      row.set(pixel, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
for (const [app, spec] of Object.entries(ICONS)) {
  const dir = join(root, 'apps', app, 'build');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'icon.png'), icon(spec));
  console.log(`apps/${app}/build/icon.png`);
}
