/** Pure parts of photo handling: markup, contexts, sizes, crops, cards, the photo library. */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { photoFileOf, publishReferencedOriginals } from "../../../_config/photos/images.ts";
import { photoInfo, photoProblem, scanPhotos } from "../../../_config/content/photo-files.ts";
import { contextOf, findImages, parseAttributes, pictureHtml, rewriteImages, SIZES, type Renditions } from "../../../_config/photos/picture.ts";
import { cropSize, publishShareImages, resetShareImages, shareImage, socialCard, structuredImages } from "../../../_config/photos/share-images.ts";
import { cardSvg, wrapLines } from "../../../_config/photos/social-card.ts";
import type { SiteData } from "../../../_config/content/schema.ts";

const rendition = (format: string, widths: number[], ratio = 2 / 3) => widths.map((w) => ({ url: `/img/a-${w}.${format}`, width: w, height: Math.round(w * ratio) }));
const RENDITIONS: Renditions = { avif: rendition("avif", [400, 640, 960]), webp: rendition("webp", [400, 640, 960]), jpeg: rendition("jpeg", [400, 640, 960]) };

describe("parseAttributes and findImages", () => {
  it("decodes entities and keeps a '>' inside a quoted value in the tag", () => {
    const html = '<p>x</p><img src="/a.jpg" alt="A &quot;q&quot; &amp; &lt;b> c" class="card__photo" data-lead><p>';
    const [img] = findImages(html);
    assert.equal(img!.raw, '<img src="/a.jpg" alt="A &quot;q&quot; &amp; &lt;b> c" class="card__photo" data-lead>');
    assert.deepEqual(img!.attrs, { src: "/a.jpg", alt: 'A "q" & <b> c', class: "card__photo", "data-lead": "" });
  });

  it("reads self-closed tags and single quotes", () => {
    assert.deepEqual(parseAttributes("<img src='/x.png' alt=\"\"/>"), { src: "/x.png", alt: "" });
  });
});

describe("contextOf", () => {
  const grid = '<div class="cards"><article class="card">';
  const CASES: [string, Record<string, string>, string, string][] = [
    ["a lead photo", { "data-lead": "" }, "", "lead"],
    ["a body figure", { src: "/a.jpg" }, "", "story"],
    ["a front's lead card", { class: "card__photo card__photo--lead" }, "", "card-featured"],
    ["the first card of a grid is a thumbnail like the rest", { class: "card__photo" }, grid, "card"],
    ["a later card", { class: "card__photo" }, `${grid}</article><article class="card">`, "card"],
  ];
  for (const [name, attrs, before, expected] of CASES) it(name, () => assert.equal(contextOf(attrs, before), expected));
});

describe("pictureHtml", () => {
  it("lists AVIF then WebP sources and a JPEG <img> with width, height, srcset and sizes", () => {
    const html = pictureHtml({ attrs: { src: "/a.jpg", alt: 'Say "hi" & <go>', class: "card__photo" }, context: "card" }, RENDITIONS);
    assert.equal(
      html,
      '<picture><source type="image/avif" srcset="/img/a-400.avif 400w, /img/a-640.avif 640w, /img/a-960.avif 960w"' +
        ` sizes="${SIZES.card}">` +
        `<source type="image/webp" srcset="/img/a-400.webp 400w, /img/a-640.webp 640w, /img/a-960.webp 960w" sizes="${SIZES.card}">` +
        '<img src="/img/a-640.jpeg" alt="Say &quot;hi&quot; &amp; &lt;go&gt;" class="card__photo" width="640" height="427"' +
        ` srcset="/img/a-400.jpeg 400w, /img/a-640.jpeg 640w, /img/a-960.jpeg 960w" sizes="${SIZES.card}" loading="lazy" decoding="async"></picture>`,
    );
  });

  it("loads the lead photo eagerly at high priority and drops data-lead", () => {
    const html = pictureHtml({ attrs: { src: "/a.jpg", alt: "A", "data-lead": "" }, context: "lead" }, RENDITIONS);
    assert.match(html, /fetchpriority="high"><\/picture>$/);
    assert.doesNotMatch(html, /loading=|decoding=|data-lead/);
  });

  it("keeps an explicit sizes and falls back to the largest JPEG when none reaches 640 px", () => {
    const small: Renditions = { avif: [], webp: [], jpeg: rendition("jpeg", [300, 500]) };
    const html = pictureHtml({ attrs: { src: "/a.jpg", alt: "", sizes: "10rem" }, context: "story" }, small);
    assert.doesNotMatch(html, /<source/);
    assert.match(html, /<img src="\/img\/a-500\.jpeg" alt="" width="500" height="333" srcset="[^"]+" sizes="10rem"/);
  });
});

describe("pictureHtml with a transparent photo (no JPEG)", () => {
  it("uses WebP for the <img> and keeps AVIF as the only source", () => {
    const html = pictureHtml({ attrs: { src: "/a.png", alt: "A" }, context: "story" }, { ...RENDITIONS, jpeg: [] });
    assert.equal((html.match(/<source/g) ?? []).length, 1);
    assert.match(html, /<source type="image\/avif"/);
    assert.match(html, /<img src="\/img\/a-640\.webp"/);
  });
});

describe("rewriteImages", () => {
  it("replaces only the images the renderer handles and keeps the rest of the page", async () => {
    const html = '<p>a</p><img src="/logo.svg" alt="L"><img src="/p.jpg" alt="P"><img src="/p.jpg" alt="P"><p>b</p>';
    const out = await rewriteImages(html, async (img) => (img.attrs.src === "/p.jpg" ? "<picture></picture>" : undefined));
    assert.equal(out, '<p>a</p><img src="/logo.svg" alt="L"><picture></picture><picture></picture><p>b</p>');
  });
});

describe("photoFileOf", () => {
  const s = { inputDir: "/site/src", prefix: "/news/" };
  const CASES: [string, string | undefined][] = [
    ["/news/articles/2024/a.jpg", "/site/src/articles/2024/a.jpg"],
    ["/news/photos/a%20b.webp?v=1", "/site/src/photos/a b.webp"],
    ["/news/assets/logo.svg", undefined],
    ["/articles/a.jpg", undefined],
    ["https://example.org/news/a.jpg", undefined],
    ["//cdn.example.org/a.jpg", undefined],
  ];
  for (const [src, expected] of CASES) it(`${src} → ${expected}`, () => assert.equal(photoFileOf(src, s), expected));
});

describe("cropSize", () => {
  const CASES: [number, number, [number, number], { width: number; height: number }][] = [
    [2400, 1600, [16, 9], { width: 1200, height: 675 }],
    [2400, 1600, [4, 3], { width: 1200, height: 900 }],
    [2400, 1600, [1, 1], { width: 1200, height: 1200 }],
    [800, 600, [16, 9], { width: 800, height: 450 }],
    [800, 600, [1, 1], { width: 600, height: 600 }],
    [900, 1600, [4, 3], { width: 900, height: 675 }],
  ];
  for (const [w, h, ratio, expected] of CASES) it(`${w}×${h} at ${ratio.join(":")}`, () => assert.deepEqual(cropSize(w, h, ratio), expected));
});

describe("social card text", () => {
  it("wraps at word boundaries and cuts with an ellipsis", () => {
    assert.deepEqual(wrapLines("one two three four five", 9, 5), ["one two", "three", "four five"]);
    assert.deepEqual(wrapLines("one two three four five", 9, 2), ["one two", "three…"]);
    assert.deepEqual(wrapLines("abcdefghijkl", 5, 5), ["abcde", "fghij", "kl"]);
  });

  it("escapes every text in the SVG", () => {
    const svg = cardSvg({ headline: 'A <script> & "b"', section: "U.S. & <World>", siteName: "News & <Co>" });
    assert.doesNotMatch(svg, /<script>|<World>|<Co>/);
    assert.match(svg, /A &lt;script&gt; &amp; &quot;b&quot;/);
    assert.match(svg, /U\.S\. &amp; &lt;WORLD&gt;/);
    assert.match(svg, /News &amp; &lt;Co&gt;/);
  });
});

describe("the photo library and share images", () => {
  let dir: string;
  const site = { url: "https://example.org/news/", name: "News" } as SiteData;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "newsroom-unit-images-"));
    const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#456" } }).jpeg().toBuffer();
    await writeFile(path.join(dir, "ok.jpg"), jpeg);
    await writeFile(path.join(dir, "broken.jpg"), "not an image at all");
    await writeFile(path.join(dir, "half.jpg"), jpeg.subarray(0, jpeg.length >> 1));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("knows each photo's size and hash, and which photos cannot be read", async () => {
    const first = await scanPhotos(dir, path.join(dir, ".cache"));
    assert.deepEqual(first, { photos: 3, decoded: 3 });
    const info = photoInfo(path.join(dir, "ok.jpg"));
    assert.deepEqual([info.width, info.height, info.format], [1600, 1000, "jpeg"]);
    assert.match(info.hash, /^[0-9a-f]{12}$/);
    assert.equal(photoProblem(path.join(dir, "ok.jpg")), undefined);
    assert.match(photoProblem(path.join(dir, "broken.jpg"))!, /^unreadable image .*broken\.jpg: /);
    assert.match(photoProblem(path.join(dir, "half.jpg"))!, /^unreadable image .*half\.jpg: /);
    assert.throws(() => photoInfo(path.join(dir, "broken.jpg")), /unreadable image/);
  });

  it("decodes nothing again once a photo's result is in the cache", async () => {
    assert.deepEqual(await scanPhotos(dir, path.join(dir, ".cache")), { photos: 3, decoded: 0 });
  });

  it("names share images synchronously and encodes them when published", async () => {
    resetShareImages();
    const file = path.join(dir, "ok.jpg");
    const og = shareImage(file, { site, alt: "Alt" });
    assert.equal(og.width, 1200);
    assert.equal(og.height, 750);
    assert.match(og.url, /^https:\/\/example\.org\/news\/img\/[0-9a-f]{12}-s1-share-1200\.jpg$/);
    const crops = structuredImages(file, { site });
    assert.equal(crops.length, 3);
    const card = socialCard({ headline: "H", section: "S", siteName: "N" }, { site });
    assert.deepEqual([card.width, card.height, card.alt], [1200, 630, "S: H"]);
    const out = path.join(dir, "out");
    const names = await publishShareImages({ cacheDir: path.join(dir, ".cache"), outputDir: out });
    assert.equal(names.length, 5);
    const sizes = await Promise.all([og.url, ...crops, card.url].map(async (u) => {
      const m = await sharp(path.join(out, "img", path.basename(u))).metadata();
      return `${m.format} ${m.width}x${m.height}`;
    }));
    assert.deepEqual(sizes, ["jpeg 1200x750", "jpeg 1200x675", "jpeg 1200x900", "jpeg 1000x1000", "jpeg 1200x630"]);
  });

  it("publishes an original only when an output still refers to it (same host or a site path)", async () => {
    const s = { host: "example.org", inputDir: dir, outputDir: path.join(dir, "orig-out"), cacheDir: "", prefix: "/news/" };
    const feed = '<link>https://example.org/news/ok.jpg</link> <a href="https://other.org/news/half.jpg"> /news/img/x-640.jpeg /news/missing.jpg';
    assert.deepEqual(await publishReferencedOriginals([feed, "<p>no photos</p>"], s), ["/ok.jpg"]);
    const escaped = "&lt;img src=&quot;/news/half.jpg&quot; alt=&quot;x&quot;&gt;";
    assert.deepEqual(await publishReferencedOriginals([escaped], s), ["/half.jpg"], "HTML escaped inside XML");
  });
});
