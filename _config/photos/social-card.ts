/**
 * The social card of a story without a photo: headline, section and site name drawn
 * as SVG (every text escaped) and rendered by sharp to a 1200×630 JPEG at build time.
 * No browser, no screenshot; the SVG is the cache key, so a card is drawn once.
 */
import sharp from "sharp";
import { escapeHtml } from "../markdown/index.ts";

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

/** One element of the card's SVG and the rows [top, bottom) its pixels are in (undefined: not known). */
interface Element {
  svg: string;
  rows?: [number, number];
}

/**
 * Characters whose glyphs (DejaVu Sans, regular and bold) stay within ABOVE em over and
 * BELOW em under the baseline (measured: 0.95 and 0.25): ASCII, Latin-1, Latin
 * Extended-A and the typographer's punctuation. A text with any other character
 * (combining marks stack without limit) has unknown rows. test/unit/social-card.test.ts
 * checks the pixels.
 */
const BANDED = /^[\u0020-\u007e\u00a0-\u017f\u2010-\u2027\u2030-\u203a\u20ac\u2122]*$/u;
const ABOVE = 1.05;
const BELOW = 0.35;

/** A text element: its lines at `baseline`, `baseline + step`…, in `size` px. */
function textElement(attributes: string, size: number, lines: string[], baseline: number, step = 0): Element {
  const svg = lines.length === 1 && !step
    ? `<text x="${MARGIN}" y="${baseline}" ${attributes}>${escapeHtml(lines[0]!)}</text>`
    : `<text ${attributes}>${lines.map((l, i) => `<tspan x="${MARGIN}" y="${baseline + i * step}">${escapeHtml(l)}</tspan>`).join("")}</text>`;
  const last = baseline + (lines.length - 1) * step;
  const rows = lines.every((l) => BANDED.test(l)) ? ([baseline - Math.ceil(size * ABOVE), last + Math.ceil(size * BELOW)] as [number, number]) : undefined;
  return { svg, rows };
}

/** The card's elements in drawing order; the headline's is returned on its own too. */
function cardElements({ headline, section, siteName }: CardText): { elements: Element[]; headline: Element } {
  const { size, lines } = headlineLayout(headline);
  const title = textElement(`font-family="${FONT}" font-size="${size}" font-weight="bold" fill="#ffffff"`, size, lines, 200, Math.round(size * 1.18));
  const elements: Element[] = [
    { svg: `<rect width="100%" height="100%" fill="#1d3557"/>`, rows: [0, CARD_HEIGHT] },
    { svg: `<rect x="0" y="${CARD_HEIGHT - 12}" width="100%" height="12" fill="#c2410c"/>`, rows: [CARD_HEIGHT - 12, CARD_HEIGHT] },
    ...(section ? [textElement(`font-family="${FONT}" font-size="32" font-weight="bold" letter-spacing="3" fill="#9cc3ff"`, 32, [section.toUpperCase()], 110)] : []),
    title,
    textElement(`font-family="${FONT}" font-size="34" fill="#e7e9ec"`, 34, [siteName], CARD_HEIGHT - 70),
  ];
  return { elements, headline: title };
}

const body = (elements: Element[]) => elements.map((e) => e.svg).join("");

/** The card's SVG document. */
function svgDocument(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">${body}</svg>`;
}

/**
 * An SVG document of the card's rows [top, top + height): the whole card, nested (so
 * percentages still mean the card's size), seen through a viewBox cropped to those rows.
 */
function bandDocument(body: string, top: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 ${top} ${CARD_WIDTH} ${height}">${svgDocument(body)}</svg>`;
}

/** The whole card as one SVG: its cache key (and what every other drawing must match). */
export function cardSvg(text: CardText): string {
  return svgDocument(body(cardElements(text).elements));
}

/** SVG → opaque RGB pixels, `CARD_WIDTH` × (its height) × 3 bytes. */
function rasterise(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
}

/**
 * The card without its headline, per section and site name (a handful per site): drawn
 * once per process and kept as raw pixels (2.2 MB each; bounded, oldest dropped first).
 */
const bases = new Map<string, Promise<Buffer>>();
const MAX_BASES = 32;

function basePixels(svg: string): Promise<Buffer> {
  let base = bases.get(svg);
  if (!base) {
    if (bases.size >= MAX_BASES) bases.delete(bases.keys().next().value!);
    base = rasterise(svg);
    base.catch(() => bases.delete(svg));
    bases.set(svg, base);
  }
  return base;
}

/** The card's pixels and, when drawn over a base, what `reuse` needs to take the buffer back. */
interface Drawn {
  pixels: Buffer;
  base?: Buffer;
  rows?: [number, number];
}

/**
 * Pixel buffers of encoded cards, for the next card over the same base: only the band's
 * rows are put back (a fresh 2.2 MB buffer costs its page faults and a full copy).
 */
const spares: Required<Drawn>[] = [];
const MAX_SPARES = 4;

function canvasOver(base: Buffer): Buffer {
  const i = spares.findIndex((s) => s.base === base);
  if (i < 0) return Buffer.from(base);
  const [{ pixels, rows }] = spares.splice(i, 1) as [Required<Drawn>];
  base.copy(pixels, rows[0] * CARD_WIDTH * 3, rows[0] * CARD_WIDTH * 3, rows[1] * CARD_WIDTH * 3);
  return pixels;
}

function reuse(drawn: Drawn): void {
  if (drawn.base && drawn.rows && spares.length < MAX_SPARES) spares.push(drawn as Required<Drawn>);
}

/**
 * The card's pixels (RGB, 1200×630), the same as rasterising `cardSvg`: the headline's
 * rows are drawn (with every element that reaches them, the viewBox cropped to them) and
 * copied over the card drawn without the headline. Rasterising costs per pixel and per
 * glyph: the band is a third to a half of the canvas, and has only the headline's text.
 */
async function draw(text: CardText): Promise<Drawn> {
  const { elements, headline } = cardElements(text);
  if (!headline.rows) return { pixels: await rasterise(svgDocument(body(elements))) };
  const rows: [number, number] = [Math.max(0, headline.rows[0]), Math.min(CARD_HEIGHT, headline.rows[1])];
  const [top, bottom] = rows;
  const inBand = elements.filter((e) => !e.rows || (e.rows[0] < bottom && e.rows[1] > top));
  const [base, band] = await Promise.all([
    basePixels(svgDocument(body(elements.filter((e) => e !== headline)))),
    rasterise(bandDocument(body(inBand), top, bottom - top)),
  ]);
  const pixels = canvasOver(base);
  band.copy(pixels, top * CARD_WIDTH * 3);
  return { pixels, base, rows };
}

/** The card's pixels: RGB, 1200×630, exactly those of `cardSvg` rasterised. */
export async function cardPixels(text: CardText): Promise<Buffer> {
  return (await draw(text)).pixels;
}

/**
 * The card as a 1200×630 JPEG. Plain libjpeg-turbo, not mozjpeg: a card is flat colour
 * and text, mozjpeg made it ~20 % smaller at 4× the encoding time, and every story
 * without a photo has one. No Huffman optimisation pass either: it only changes the
 * entropy coding (the same decoded pixels), saves 40 % of the encoding and makes a card
 * ~14 % larger (54 vs 47 KB). See docs/performance.md.
 */
export async function renderCard(text: CardText): Promise<Buffer> {
  const drawn = await draw(text);
  const jpeg = await sharp(drawn.pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } }).jpeg({ quality: 82, optimiseCoding: false }).toBuffer();
  reuse(drawn);
  return jpeg;
}
