/**
 * Makes the site's default share image (og:image / twitter:image / JSON-LD image
 * when a story has no photo): a 1200×630 JPEG, the size social cards expect.
 *   tsx scripts/make-share-image.ts
 */
import sharp from "sharp";

const OUT = "src/assets/share-default.jpg";
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <rect width="1200" height="630" fill="#1d2733"/>
  <rect x="40" y="40" width="1120" height="550" fill="none" stroke="#c9d2da" stroke-width="6"/>
  <text x="600" y="330" font-family="serif" font-size="120" font-weight="bold" fill="#f5f7f8" text-anchor="middle">Newsroom</text>
  <text x="600" y="430" font-family="sans-serif" font-size="40" fill="#c9d2da" text-anchor="middle">Independent world news</text>
</svg>`;
await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(OUT);
console.log(OUT);
