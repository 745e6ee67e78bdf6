/**
 * Makes the neutral placeholder photos the seed story ships with (the real photos
 * are not in the seed). Each is a 2400×1600 JPEG named `*.placeholder.jpg`; an
 * editor drops the real file in and points the figure's `src` at it.
 *   tsx scripts/make-placeholders.ts
 */
import sharp from "sharp";
import { escapeHtml } from "../_config/markdown/index.ts";

const DIR = "src/articles/2022";
const PHOTOS = [
  ["recruiters-patriot-park.placeholder.jpg", "Recruiters at Patriot Park"],
  ["recruit-son-prudboi.placeholder.jpg", "A recruit and his son, Prudboi"],
  ["recruit-wife-volzhskiy.placeholder.jpg", "A recruit and his wife, Volzhskiy"],
] as const;

for (const [name, label] of PHOTOS) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
  <rect width="2400" height="1600" fill="#9aa3ab"/>
  <rect x="60" y="60" width="2280" height="1480" fill="none" stroke="#e8ecef" stroke-width="12"/>
  <text x="1200" y="760" font-family="sans-serif" font-size="120" fill="#f5f7f8" text-anchor="middle">Placeholder photo</text>
  <text x="1200" y="920" font-family="sans-serif" font-size="72" fill="#f5f7f8" text-anchor="middle">${escapeHtml(label)}</text>
</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 70, mozjpeg: true }).toFile(`${DIR}/${name}`);
  console.log(`${DIR}/${name}`);
}
