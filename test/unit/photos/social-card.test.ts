/**
 * The social card is drawn in parts (the card without its headline once, then only the
 * headline's rows): every part must give exactly the pixels of the whole card's SVG.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { Worker } from "node:worker_threads";
import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH, cardPixels, cardSvg, renderCard, type CardText } from "../../../_config/photos/social-card.ts";
import { encodeInThread, encoderIdle } from "../../../_config/photos/share-encoder.ts";
import { keepWorkers } from "../../../_config/util/index.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join("");
/** Every character drawn in a band: ASCII, Latin-1, Latin Extended-A, typographic punctuation. */
const BANDED = (range(0x21, 0x7e) + range(0xa1, 0x17f) + range(0x2010, 0x2027) + range(0x2030, 0x203a) + "€™").replace(/\s/gu, "");

const whole = (text: CardText) => sharp(Buffer.from(cardSvg(text))).removeAlpha().raw().toBuffer();

const CASES: [string, CardText][] = [
  ["a short headline (largest size)", { headline: "Ågjpq Éclair", section: "Ünïcödé & Ågjpq", siteName: "Ågjpq <News>" }],
  ["a two-line headline", { headline: "Mayor signs the harbour budget after a long night of talks", section: "Politics", siteName: "News" }],
  ["a long headline (smallest size, cut with an ellipsis)", { headline: "word ".repeat(60), section: "World", siteName: "News" }],
  ["the site's own card (no section)", { headline: "Local news from the valley, every day", section: "", siteName: "Valley Daily" }],
  ["every banded character", { headline: BANDED.slice(0, 120), section: "Science", siteName: "N" }],
  ["every banded character, continued", { headline: `${BANDED.slice(120, 240)} ${BANDED.slice(240)}`, section: "Science", siteName: "N" }],
  ["words too long for a line", { headline: "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ gggggggggggggggggggggggggggggggggggggggggggggg", section: "World", siteName: "N" }],
  ["escaped markup", { headline: 'A <script> & "quotes" \'too\'', section: "U.S. & <World>", siteName: "News & <Co>" }],
  ["stacked combining marks (drawn on the whole canvas)", { headline: "Z\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u0316\u0317\u0318\u0319 zalgo", section: "World", siteName: "N" }],
  ["characters outside the band's font range", { headline: "日本語の見出し and ‣ ₿ ∑ symbols", section: "World", siteName: "N" }],
];

describe("social card pixels", () => {
  for (const [name, text] of CASES) {
    it(`match the whole card's SVG: ${name}`, async () => {
      const [parts, expected] = await Promise.all([cardPixels(text), whole(text)]);
      assert.equal(parts.length, CARD_WIDTH * CARD_HEIGHT * 3);
      assert.ok(parts.equals(expected), "same RGB bytes");
    });
  }

  it("encode to a 1200×630 JPEG of exactly those pixels, card after card (buffers are reused)", async () => {
    const texts = [CASES[1]![1], CASES[0]![1], { ...CASES[1]![1], headline: "Short" }, CASES[2]![1], CASES[8]![1]];
    for (const text of texts) {
      const jpeg = await renderCard(text);
      const { width, height, format } = await sharp(jpeg).metadata();
      assert.deepEqual([format, width, height], ["jpeg", CARD_WIDTH, CARD_HEIGHT]);
      const expected = await sharp(await whole(text), { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } }).jpeg({ quality: 82, optimiseCoding: false }).toBuffer();
      assert.ok(jpeg.equals(expected), `the JPEG of the whole card: ${text.headline.slice(0, 20)}`);
    }
  });
});

/** The id the next thread gets (ids are handed out in order). */
async function nextThreadId(): Promise<number> {
  const worker = new Worker("", { eval: true });
  const id = worker.threadId;
  await worker.terminate();
  return id;
}

describe("the share-image encoder thread between builds", () => {
  it("a one-off build ends it; a process that keeps its workers (keepWorkers) encodes the next build's cards in the same thread", async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), "newsroom-encoder-"));
    try {
      const encode = async (name: string, text: CardText) => {
        const file = await encodeInThread(name, { kind: "card", text }, cache);
        assert.ok(readFileSync(file).equals(await renderCard(text)), `${name}: the card's bytes`);
        await encoderIdle();
      };
      /** how many threads a build's encodings start */
      const threadsFor = async (name: string, text: CardText) => {
        const before = await nextThreadId();
        await encode(name, text);
        return (await nextThreadId()) - before - 1;
      };
      assert.ok((await threadsFor("a.jpg", CASES[0]![1])) > 0);
      assert.ok((await threadsFor("b.jpg", CASES[1]![1])) > 0, "not keeping: the last build's thread ended, a new one for this build");
      keepWorkers();
      try {
        await encode("c.jpg", CASES[2]![1]);
        assert.equal(await threadsFor("d.jpg", CASES[3]![1]), 0, "kept: the last build's thread");
      } finally {
        keepWorkers(false);
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
