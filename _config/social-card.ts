/**
 * The social card of a story without a photo: headline, section and site name drawn
 * as SVG (every text escaped) and rendered by sharp to a 1200×630 JPEG at build time.
 * No browser, no screenshot; the SVG is the cache key, so a card is drawn once.
 */
import sharp from "sharp";
import { escapeHtml } from "./escape.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardText {
  headline: string;
  /** the section's name, or empty for the site's own card */
  section: string;
  siteName: string;
}

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const MARGIN = 80;

/**
 * Greedy word wrap at an estimated `maxChars` per line; at most `maxLines`, the last
 * one ending in "…" if the text was cut. Words longer than a line are split.
 */
export function wrapLines(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).flatMap((w) => (w.length > maxChars ? w.match(new RegExp(`.{1,${maxChars}}`, "gu"))! : [w]));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1).trimEnd() : last}…`;
  return kept;
}

/** Headline size steps down as it gets longer, so short ones read big and long ones fit. */
function headlineLayout(headline: string): { size: number; lines: string[] } {
  for (const size of [72, 62, 54, 46]) {
    const maxChars = Math.floor((CARD_WIDTH - 2 * MARGIN) / (size * 0.62));
    const lines = wrapLines(headline, maxChars, 5);
    const fits = lines.length * size * 1.18 <= 360 && !lines.at(-1)!.endsWith("…");
    if (fits || size === 46) return { size, lines: wrapLines(headline, maxChars, Math.floor(360 / (size * 1.18))) };
  }
  throw new Error("unreachable");
}

export function cardSvg({ headline, section, siteName }: CardText): string {
  const { size, lines } = headlineLayout(headline);
  const top = 200;
  const text = lines
    .map((l, i) => `<tspan x="${MARGIN}" y="${top + i * Math.round(size * 1.18)}">${escapeHtml(l)}</tspan>`)
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#1d3557"/>`,
    `<rect x="0" y="${CARD_HEIGHT - 12}" width="100%" height="12" fill="#c2410c"/>`,
    section
      ? `<text x="${MARGIN}" y="110" font-family="${FONT}" font-size="32" font-weight="bold" letter-spacing="3" fill="#9cc3ff">${escapeHtml(section.toUpperCase())}</text>`
      : "",
    `<text font-family="${FONT}" font-size="${size}" font-weight="bold" fill="#ffffff">${text}</text>`,
    `<text x="${MARGIN}" y="${CARD_HEIGHT - 70}" font-family="${FONT}" font-size="34" fill="#e7e9ec">${escapeHtml(siteName)}</text>`,
    `</svg>`,
  ].join("");
}

/**
 * The card as a 1200×630 JPEG. Plain libjpeg-turbo, not mozjpeg: a card is flat colour
 * and text, mozjpeg made it ~20 % smaller (47 vs 59 KB) at 4× the encoding time, and
 * every story without a photo has one (docs/performance.md).
 */
export async function renderCard(svg: string): Promise<Buffer> {
  // The SVG is drawn at exactly 1200×630 on an opaque background: no resize, and
  // dropping the alpha channel is all "flatten" did (same pixels, a quarter less time).
  return sharp(Buffer.from(svg)).removeAlpha().jpeg({ quality: 82 }).toBuffer();
}
