/** Photos in the built site: responsive markup, the image cache, share images, errors. */
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { SIZES } from "../../_config/photos/picture.ts";
import { buildError, buildFixture, buildPrepared, prepareFixture, type BuiltSite } from "../helpers/site.ts";

const solid = (width: number, height: number, r: number) => sharp({ create: { width, height, channels: 3, background: { r, g: 120, b: 160 } } });
let PHOTOS: Record<string, Buffer>;
const LEAD_STORY = "/world/with-photos/";
const WIDE_WIDTHS = ["400w", "640w", "960w", "1280w", "1600w"];

let site: BuiltSite;
before(async () => {
  PHOTOS = {
    "src/articles/2024/wide.jpg": await solid(2000, 1200, 40).jpeg().toBuffer(),
    "src/articles/2024/tall.png": await solid(600, 900, 90).png().toBuffer(),
    "src/photos/square.webp": await solid(1000, 1000, 140).webp().toBuffer(),
  };
  site = await buildFixture("photos", { files: PHOTOS });
});
after(() => site.cleanup());

const srcset = (el: Element) => (el.getAttribute("srcset") ?? "").split(", ").map((s) => s.split(" ") as [string, string]);
const outPath = (s: BuiltSite, url: string) => path.join(s.out, new URL(url, "https://x.test/").pathname.replace(/^\/news\//, "/"));

describe("responsive images", () => {
  it("turns the lead photo into <picture> with AVIF, WebP and JPEG at every width, eager and high priority", () => {
    const picture = site.page(LEAD_STORY).querySelector(".figure--lead picture")!;
    const types = [...picture.querySelectorAll("source")].map((s) => s.getAttribute("type"));
    assert.deepEqual(types, ["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), 'A wide photo & its "alt" text');
    assert.deepEqual(srcset(img).map(([, w]) => w), WIDE_WIDTHS);
    assert.ok(srcset(img).every(([url]) => /^\/img\/[\w-]+\.jpeg$/.test(url)));
    assert.equal(img.getAttribute("src"), srcset(img)[1]![0]);
    assert.equal(img.getAttribute("width"), "640");
    assert.equal(img.getAttribute("height"), "384");
    assert.equal(img.getAttribute("fetchpriority"), "high");
    assert.equal(img.getAttribute("loading"), null);
    assert.equal(img.hasAttribute("data-lead"), false);
    for (const el of [img, ...picture.querySelectorAll("source")]) assert.equal(el.getAttribute("sizes"), SIZES.lead);
  });

  it("makes body figures lazy, never wider than their source, with the story column's sizes", () => {
    const figure = site.page(LEAD_STORY).querySelector(".story__body figure")!;
    const img = figure.querySelector("picture img")!;
    assert.deepEqual(srcset(img).map(([, w]) => w), ["400w", "600w"], "600 px source: no upscaled widths");
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
    assert.equal(img.getAttribute("fetchpriority"), null);
    assert.equal(img.getAttribute("sizes"), SIZES.story);
    assert.equal(img.getAttribute("width"), "600");
    assert.equal(img.getAttribute("height"), "900");
    assert.equal(figure.querySelector("figcaption .figure__credit")!.textContent, "Figure Photographer");
  });

  it("writes every file a srcset names, at the width and in the format it claims", async () => {
    const doc = site.page(LEAD_STORY);
    const entries = [...doc.querySelectorAll("picture source, picture img")].flatMap((el) => srcset(el).map(([url, w]) => ({ url, w, type: el.getAttribute("type") })));
    assert.equal(entries.length, 3 * 5 + 3 * 2);
    for (const { url, w, type } of entries) {
      const meta = await sharp(outPath(site, url)).metadata();
      assert.equal(`${meta.width}w`, w, url);
      assert.equal(meta.format, type === "image/avif" ? "heif" : (type?.slice(6) ?? "jpeg"), url);
    }
  });

  it("gives the front's lead card its wide sizes (loaded at once), thumbnails theirs, and the first figure when there is no lead", () => {
    const cards = [...site.page("/").querySelectorAll(".card")];
    const imgs = cards.map((c) => c.querySelector("picture img.card__photo"));
    assert.equal(imgs[0]!.getAttribute("sizes"), SIZES["card-featured"]);
    assert.equal(imgs[0]!.getAttribute("loading"), null, "the lead card's photo is not lazy (it is the largest paint)");
    assert.equal(imgs[0]!.getAttribute("fetchpriority"), "high");
    assert.equal(imgs[1]!.getAttribute("sizes"), SIZES.card);
    assert.equal(imgs[1]!.getAttribute("alt"), "A square photo from the shared photo folder");
    assert.equal(imgs[2], null, "the story without a photo has no card photo");
    assert.equal(imgs[1]!.getAttribute("loading"), "lazy");
  });

  it("publishes processed copies under /img/, and an original only where a link still points to it", async () => {
    const files = await site.files();
    assert.deepEqual(files.filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f) && !f.startsWith("/img/")), ["/articles/2024/wide.jpg"]);
    assert.ok(site.page(LEAD_STORY).querySelector('a[href="/articles/2024/wide.jpg"]'));
    assert.ok(files.some((f) => f.endsWith(".avif")));
  });
});

describe("share images", () => {
  it("gives a story with a photo a 1200-px-wide JPEG og:image with its size and alt", async () => {
    const meta = (p: string) => site.page(LEAD_STORY).querySelector(`meta[property="${p}"]`)?.getAttribute("content");
    assert.match(meta("og:image")!, /^https:\/\/newsroom\.example\.org\/img\/[\w-]+\.jpg$/);
    assert.equal(meta("og:image:width"), "1200");
    assert.equal(meta("og:image:height"), "720");
    assert.equal(meta("og:image:alt"), 'A wide photo & its "alt" text');
    const file = await sharp(outPath(site, meta("og:image")!)).metadata();
    assert.deepEqual([file.format, file.width, file.height], ["jpeg", 1200, 720]);
  });

  it("uses the first figure when there is no lead photo", () => {
    const doc = site.page("/us/figure-only/");
    assert.equal(doc.querySelector('meta[property="og:image:alt"]')!.getAttribute("content"), "A square photo from the shared photo folder");
    assert.equal(doc.querySelector('meta[property="og:image:height"]')!.getAttribute("content"), "1000", "a 1000-px source is not upscaled");
  });

  it("draws a 1200×630 JPEG social card for a story without any photo", async () => {
    const doc = site.page("/politics/no-photo/");
    const url = doc.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    assert.match(url, /\/img\/card-[0-9a-f]+\.jpg$/);
    assert.equal(doc.querySelector('meta[property="og:image:alt"]')!.getAttribute("content"), "Politics: A story with no photo at all & a <headline> to escape");
    const file = await sharp(outPath(site, url)).metadata();
    assert.deepEqual([file.format, file.width, file.height], ["jpeg", 1200, 630]);
  });
});

describe("a site under a path prefix", () => {
  it("serves processed photos and share images under the prefix", async () => {
    const prefixed = await buildFixture("photos", { files: PHOTOS, env: { SITE_URL: "https://example.org/news/" } });
    try {
      const doc = prefixed.page(LEAD_STORY);
      const img = doc.querySelector(".figure--lead img")!;
      assert.ok(srcset(img).every(([url]) => url.startsWith("/news/img/")));
      assert.ok(img.getAttribute("src")!.startsWith("/news/img/"));
      assert.ok(prefixed.exists(img.getAttribute("src")!.replace(/^\/news/, "")));
      const figure = doc.querySelector(".story__body figure img")!;
      assert.ok(srcset(figure).every(([url]) => url.startsWith("/news/img/")), "body figures too");
      assert.match(doc.querySelector('meta[property="og:image"]')!.getAttribute("content")!, /^https:\/\/example\.org\/news\/img\//);
    } finally {
      await prefixed.cleanup();
    }
  });
});

describe("the image cache", () => {
  const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));

  it("re-encodes nothing on a second build, and only the changed photo after an edit", async () => {
    const dir = await prepareFixture("photos", PHOTOS);
    const cache = path.join(dir, ".cache/images");
    try {
      const env = { NEWSROOM_IMAGE_CACHE: "" }; // the default: .cache/images beside src/
      const first = await buildPrepared(dir, { env });
      const cold = snapshot(cache);
      const published = await first.files();
      assert.ok(Object.keys(cold).length > 30);

      const second = await buildPrepared(dir, { env });
      assert.deepEqual(snapshot(cache), cold, "no cache file was added or rewritten");
      assert.deepEqual(await second.files(), published, "the output has the same images");

      const { writeFileSync } = await import("node:fs");
      writeFileSync(path.join(dir, "src/articles/2024/tall.png"), await solid(600, 900, 200).png().toBuffer());
      await buildPrepared(dir, { env });
      const edited = snapshot(cache);
      const added = Object.keys(edited).filter((f) => !(f in cold));
      assert.equal(added.filter((f) => /\.(avif|webp|jpeg)$/.test(f)).length, 3 * 2, "tall.png's new version: 2 widths × 3 formats");
      for (const [f, mtime] of Object.entries(cold)) if (f !== "photos.json") assert.equal(edited[f], mtime, `${f} untouched`);
    } finally {
      const { rm } = await import("node:fs/promises");
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("photo errors fail the build naming the story and the key", () => {
  const STORY = "src/articles/2024/bad.md";
  const story = (image: string, figure: string) =>
    `---\ntitle: Bad\ndescription: Bad photo.\ndate: 2024-01-01\nsection: world\n${image}---\nText.\n\n${figure}`;
  const lead = (lines: string) => `image:\n${lines.replace(/^/gm, "  ")}\n`;
  const figure = (lines: string) => `::: figure\n${lines}\n:::\n`;
  const CASES: [string, string, RegExp][] = [
    ["a missing lead photo", story(lead("src: nope.jpg\nalt: A\ncredit: C"), ""), /bad\.md:\d+ image\.src: photo file not found/],
    ["a missing figure photo", story("", figure("src: nope.jpg\nalt: A\ncaption: C\ncredit: C")), /bad\.md:\d+ figure\.src: photo file not found/],
    ["an unreadable lead photo", story(lead("src: corrupt.jpg\nalt: A\ncredit: C"), ""), /bad\.md:\d+ image\.src: unreadable image .*corrupt\.jpg/],
    ["an unreadable figure photo", story("", figure("src: truncated.jpg\nalt: A\ncaption: C\ncredit: C")), /bad\.md:\d+ figure\.src: unreadable image .*truncated\.jpg/],
    ["a lead photo outside src/", story(lead("src: ../../../outside.jpg\nalt: A\ncredit: C"), ""), /bad\.md:\d+ image\.src: photo .*outside\.jpg is outside the content folder/],
    ["a lead photo without alt", story(lead("src: wide.jpg\ncredit: C"), ""), /bad\.md:\d+ image\.alt: required/],
    ["a figure without alt", story("", figure("src: wide.jpg\ncaption: C\ncredit: C")), /bad\.md:\d+ figure\.alt: required/],
    ["a lead photo without credit", story(lead("src: wide.jpg\nalt: A"), ""), /bad\.md:\d+ image\.credit: required \(the site requires a credit/],
    ["a figure without credit", story("", figure("src: wide.jpg\nalt: A\ncaption: C")), /bad\.md:\d+ figure\.credit: required \(the site requires a credit/],
  ];
  for (const [name, text, expected] of CASES) {
    it(name, async () => {
      const wide = PHOTOS["src/articles/2024/wide.jpg"]!;
      const files = { ...PHOTOS, [STORY]: text, "src/articles/2024/corrupt.jpg": "this is not an image", "src/articles/2024/truncated.jpg": wide.subarray(0, wide.length / 2), "outside.jpg": wide };
      const message = await buildError("photos", { files });
      assert.match(message, expected);
      assert.ok(message.includes(STORY), message);
    });
  }
});
