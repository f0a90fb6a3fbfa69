// @ts-check
/**
 * Draws the app icons (a POS terminal on the accent colour) as PNGs into public/icons/:
 * 192 and 512 px, plain and maskable (maskable keeps the drawing inside the 80% safe zone).
 * Run once after changing the accent colour: node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { siteConfig as site } from './site-config.mjs';

/**
 * `#rrggbb` → [r, g, b].
 * @param {string} h
 * @returns {number[]}
 */
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
if (!/^#[0-9a-f]{6}$/i.test(site.colors.accent)) {
  throw new Error(
    `site.config.mjs: colors.accent is "${site.colors.accent}"; the icons are drawn only from a six-digit hex colour, like '#0b5cad'. Write it so, or draw the icons yourself.`,
  );
}
const accent = hex(site.colors.accent);
const white = [255, 255, 255];

/**
 * One icon as PNG bytes.
 * @param {number} size width and height, in pixels
 * @param {boolean} maskable
 * @returns {Buffer}
 */
function draw(size, maskable) {
  const png = new PNG({ width: size, height: size });
  const s = maskable ? 0.8 : 1; // drawing scale
  const o = (size * (1 - s)) / 2;
  /**
   * Fills a rectangle given in fractions of the drawing, with corners rounded by `radius`.
   * @param {number} x0
   * @param {number} y0
   * @param {number} x1
   * @param {number} y1
   * @param {number[]} colour [r, g, b]
   * @param {number} [radius]
   */
  const box = (x0, y0, x1, y1, colour, radius = 0) => {
    for (let y = Math.max(0, Math.floor(o + y0 * s * size)); y < Math.min(size, o + y1 * s * size); y++) {
      for (let x = Math.max(0, Math.floor(o + x0 * s * size)); x < Math.min(size, o + x1 * s * size); x++) {
        const rx = radius * size * s;
        const cx = Math.min(Math.max(x, o + x0 * s * size + rx), o + x1 * s * size - rx);
        const cy = Math.min(Math.max(y, o + y0 * s * size + rx), o + y1 * s * size - rx);
        if ((x - cx) ** 2 + (y - cy) ** 2 > rx ** 2) continue;
        const i = (y * size + x) * 4;
        png.data.set([...colour, 255], i);
      }
    }
  };
  if (maskable) box(-1, -1, 2, 2, accent);
  else box(0, 0, 1, 1, accent, 0.18);
  box(0.25, 0.12, 0.75, 0.88, white, 0.06);
  box(0.32, 0.2, 0.68, 0.42, accent, 0.02);
  for (const row of [0.52, 0.64, 0.76])
    for (const col of [0.34, 0.46, 0.58]) box(col, row, col + 0.08, row + 0.07, accent, 0.015);
  return PNG.sync.write(png);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(`public/icons/icon-${size}.png`, draw(size, false));
  writeFileSync(`public/icons/maskable-${size}.png`, draw(size, true));
}
console.log('icons written to public/icons/');
