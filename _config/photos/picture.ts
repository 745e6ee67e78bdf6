/**
 * Responsive-image markup, as pure functions: which widths and formats every photo
 * gets, the `sizes` of each place a photo appears (they mirror src/assets/css/site.css),
 * and the rewrite of a plain `<img src alt>` into `<picture>` with AVIF, WebP and JPEG
 * sources. The image transform (_config/photos/images.ts) feeds it eleventy-img's metadata.
 */
import { escapeHtml } from "../markdown/index.ts";

/** Output widths; a 40rem story column at DPR 2.5 needs 1600. Larger ones are clamped to the source. */
export const WIDTHS = [400, 640, 960, 1280, 1600];
/** Best first: browsers take the first <source> they support. JPEG is the <img> fallback. */
export const FORMATS = ["avif", "webp", "jpeg"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * `sizes` per context, from the CSS: the story column is min(40rem, 100vw - 2 × --space);
 * a front's lead photo fills the width of `main` (72rem, --space padding) on a phone and
 * three fifths of it from 48rem; every other card photo is a thumbnail beside the card's
 * text (6.5rem, 8rem from 48rem).
 */
export const SIZES = {
  lead: "(min-width: 43rem) 40rem, calc(100vw - 2rem)",
  story: "(min-width: 43rem) 40rem, calc(100vw - 2rem)",
  card: "(min-width: 48rem) 8rem, 6.5rem",
  "card-featured": "(min-width: 75rem) 42rem, (min-width: 48rem) calc((100vw - 4rem) * 0.6), calc(100vw - 2rem)",
} as const;
export type PhotoContext = keyof typeof SIZES;

/** One output file, as eleventy-img describes it. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
}
export type Renditions = Record<Format, Rendition[]>;

export interface ImgTag {
  /** the whole tag as written */
  raw: string;
  /** attribute values, entities decoded */
  attrs: Record<string, string>;
  context: PhotoContext;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = tag.replace(/^<[a-z]+/i, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** Where an <img> sits: the lead photo (data-lead), a front's lead card (card__photo--lead), a card's thumbnail, or a story figure. */
export function contextOf(attrs: Record<string, string>, _htmlBefore = ""): PhotoContext {
  if ("data-lead" in attrs) return "lead";
  const classes = (attrs.class ?? "").split(/\s+/);
  if (classes.includes("card__photo--lead")) return "card-featured";
  return classes.includes("card__photo") ? "card" : "story";
}

/** Every <img> of a page with its attributes and context. */
export function findImages(html: string): ImgTag[] {
  return [...html.matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)].map((m) => {
    const attrs = parseAttributes(m[0]);
    return { raw: m[0], attrs, context: contextOf(attrs, html.slice(0, m.index)) };
  });
}

const srcset = (list: Rendition[]) => list.map((r) => `${r.url} ${r.width}w`).join(", ");
const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;
/** attributes the transform sets itself */
const OWN = new Set(["src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority", "data-lead"]);

/**
 * `<picture>` for one photo: AVIF and WebP sources, then a JPEG <img> whose `src` is
 * the smallest rendition at least 640 px wide, with that rendition's width and height
 * (the intrinsic ratio, so nothing shifts). The lead photo loads eagerly with high
 * priority; every other photo loads lazily and decodes off the main thread.
 */
export function pictureHtml(img: Pick<ImgTag, "attrs" | "context">, renditions: Renditions): string {
  const sizes = img.attrs.sizes || SIZES[img.context];
  // eleventy-img makes no JPEG of a photo with transparency: WebP is the fallback then.
  const fallbackFormat = [...FORMATS].reverse().find((f) => renditions[f].length);
  if (!fallbackFormat) throw new Error(`no renditions for ${img.attrs.src}`);
  const jpegs = renditions[fallbackFormat];
  const fallback = jpegs.find((r) => r.width >= 640) ?? jpegs.at(-1)!;
  const sources = FORMATS.filter((f) => f !== fallbackFormat && renditions[f].length)
    .map((f) => `<source type="image/${f}"${attr("srcset", srcset(renditions[f]))}${attr("sizes", sizes)}>`)
    .join("");
  const kept = Object.entries(img.attrs)
    .filter(([k]) => !OWN.has(k))
    .map(([k, v]) => (k === "alt" || v ? attr(k, v) : ` ${k}`))
    .join("");
  const loading = img.context === "lead" || img.context === "card-featured" ? ' fetchpriority="high"' : ' loading="lazy" decoding="async"';
  return (
    `<picture>${sources}<img${attr("src", fallback.url)}${kept}${attr("width", fallback.width)}${attr("height", fallback.height)}` +
    `${attr("srcset", srcset(jpegs))}${attr("sizes", sizes)}${loading}></picture>`
  );
}

/** Replaces each <img> for which `render` returns markup; the rest stay as written. */
export async function rewriteImages(html: string, render: (img: ImgTag) => Promise<string | undefined>): Promise<string> {
  const images = findImages(html);
  const out = await Promise.all(images.map(render));
  // A page with nothing rewritten (most pages: no local photo) is returned as it is,
  // not rebuilt from slices of itself.
  if (out.every((o) => o === undefined)) return html;
  let result = "";
  let from = 0;
  images.forEach((img, i) => {
    const at = html.indexOf(img.raw, from);
    result += html.slice(from, at) + (out[i] ?? img.raw);
    from = at + img.raw.length;
  });
  return result + html.slice(from);
}
