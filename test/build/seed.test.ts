/**
 * The seed story, built from the real site content and compared with the scraped
 * seed (../shared/seed/surrender-hotline.txt): every body paragraph in order, three
 * figures with caption and credit once each, two related-story callouts, no promo
 * paragraph in the body, the source as byline and canonical.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildFixture, plain, ROOT, type BuiltSite } from "../helpers/site.ts";

const SEED = path.resolve(ROOT, "../shared/seed/surrender-hotline.txt");
const URL_PATH = "/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official/";
const SOURCE = "https://www.foxnews.com/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official";

/** The seed's paragraphs, sorted into what the page must show. */
function readSeed() {
  assert.ok(existsSync(SEED), `the seed article must be at ${SEED} (shared/ beside the project)`);
  const paras = readFileSync(SEED, "utf8").split(/\n\s*\n/).map((p) => plain(p)).filter(Boolean);
  const [title, dek, ...rest] = paras;
  const isCaps = (p: string) => /[A-Z]/.test(p) && p === p.toUpperCase();
  const isCaption = (p: string) => /Putin has ordered a partial mobilization of reservists/.test(p);
  return {
    title: title!,
    dek: dek!,
    body: rest.filter((p) => !isCaps(p) && !isCaption(p)),
    caps: rest.filter(isCaps),
    captions: [...new Set(rest.filter(isCaption).map((p) => p.replace(/(\s*\([^)]*\))+$/, "")))],
  };
}

let site: BuiltSite;
before(async () => {
  site = await buildFixture("site");
});
after(() => site.cleanup());

describe("the seed story", () => {
  const seed = readSeed();

  it("has the seed's headline and dek", () => {
    const doc = site.page(URL_PATH);
    assert.equal(plain(doc.querySelector("h1")!.textContent), seed.title);
    assert.equal(plain(doc.querySelector(".story__dek")!.textContent), seed.dek);
  });

  it("shows every body paragraph of the seed, in order", () => {
    const shown = [...site.page(URL_PATH).querySelectorAll(".story__body > p")].map((p) => plain(p.textContent));
    assert.equal(seed.body.length, 10);
    assert.deepEqual(shown, seed.body);
  });

  it("has three figures, each caption once and each credit once", () => {
    const doc = site.page(URL_PATH);
    const figures = [...doc.querySelectorAll(".story__body figure")];
    assert.equal(figures.length, 3);
    assert.deepEqual(figures.map((f) => plain(f.querySelector(".figure__caption")!.textContent)), seed.captions);
    assert.deepEqual(figures.map((f) => plain(f.querySelector(".figure__credit")!.textContent)), [
      "Russian Defense Ministry Press Service via AP",
      "AP Photo",
      "AP Photo",
    ]);
    const text = plain(doc.querySelector(".story__body")!.textContent);
    for (const caption of seed.captions) assert.equal(text.split(caption).length - 1, 1, "each caption appears once");
    assert.equal(text.split("Russian Defense Ministry Press Service via AP").length - 1, 1);
    for (const f of figures) assert.ok(f.querySelector("img")!.getAttribute("alt"));
  });

  it("turns the ALL-CAPS related lines into two callouts and drops the app promo", () => {
    const doc = site.page(URL_PATH);
    const related = [...doc.querySelectorAll(".story__body .related a")].map((a) => plain(a.textContent).toUpperCase());
    assert.deepEqual(related, seed.caps.filter((c) => !/CLICK HERE/.test(c)));
    assert.ok(!/CLICK HERE|GET THE FOX NEWS APP/i.test(doc.querySelector("article")!.textContent ?? ""));
    assert.ok(doc.querySelector(".promo"), "the site promo comes from _data/site");
  });

  it("credits Fox News: byline, 'Originally published by', canonical", () => {
    const doc = site.page(URL_PATH);
    assert.equal(plain(doc.querySelector(".byline__names")!.textContent), "By Fox News");
    assert.equal(plain(doc.querySelector(".story__source")!.textContent), "Originally published by Fox News");
    assert.equal(doc.querySelector(".story__source a")!.getAttribute("href"), SOURCE);
    assert.equal(doc.querySelector('link[rel="canonical"]')!.getAttribute("href"), SOURCE);
    assert.equal(doc.querySelector(".byline time")!.getAttribute("datetime"), "2022-10-04T00:00:00-04:00");
    assert.equal(doc.querySelector(".byline time")!.textContent, "Oct. 4, 2022", "a date without a time is shown without one");
  });

  it("is on the home page", () => {
    const links = [...site.page("/").querySelectorAll(".card__title a")].map((a) => a.getAttribute("href"));
    assert.ok(links.includes(URL_PATH));
  });

  it("ships its photos as named placeholders, served as responsive images", () => {
    const story = readFileSync(path.join(ROOT, "src/articles/2022", `${URL_PATH.split("/")[2]}.md`), "utf8");
    const sources = [...story.matchAll(/^src: (.+)$/gm)].map((m) => m[1]!);
    assert.equal(sources.length, 3);
    for (const src of sources) {
      assert.match(src, /\.placeholder\.jpg$/);
      assert.ok(existsSync(path.join(ROOT, "src/articles/2022", src)), src);
    }
    const pictures = site.page(URL_PATH).querySelectorAll(".story__body figure picture");
    assert.equal(pictures.length, 3);
  });
});
