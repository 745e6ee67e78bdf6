/**
 * The codec of the reuse state's story records (_config/site/reuse.ts): a story's data
 * decoded from the last build's record is the data Eleventy gave it, Dates and luxon
 * DateTimes included, so its cards and feed entries are the same bytes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { decodeData, encodeData } from "../../../_config/site/reuse.ts";

describe("story data codec", () => {
  it("gives back Dates and DateTimes exactly (instant, zone, locale), wherever they sit", () => {
    const published = DateTime.fromISO("2026-03-08T01:30:00", { zone: "America/New_York" }).setLocale("uk-UA");
    const data = {
      title: "A story",
      date: new Date("2026-03-08T06:30:00.000Z"),
      article: { published, shown: { date: "Mar. 8, 2026" }, corrections: [{ date: DateTime.fromMillis(0, { zone: "Europe/Kyiv" }), text: "x" }] },
      tags: ["a", "b"],
      nothing: null,
    };
    const back = decodeData(JSON.parse(JSON.stringify(encodeData(data)))) as typeof data;
    assert.ok(back.date instanceof Date && back.date.getTime() === data.date.getTime());
    assert.ok(DateTime.isDateTime(back.article.published));
    assert.equal(back.article.published.toMillis(), published.toMillis());
    assert.equal(back.article.published.zoneName, "America/New_York");
    assert.equal(back.article.published.locale, "uk-UA");
    assert.equal(back.article.published.toFormat("ff"), published.toFormat("ff"));
    const c = back.article.corrections[0]!;
    assert.ok(DateTime.isDateTime(c.date) && c.date.zoneName === "Europe/Kyiv" && c.date.toMillis() === 0);
    assert.deepEqual({ ...back, date: 0, article: { ...back.article, published: 0, corrections: 0 } }, { ...data, date: 0, article: { ...data.article, published: 0, corrections: 0 } });
  });

  it("leaves an object that only looks like a tagged value as it was written", () => {
    const data = { title: "T", extra: { $date: "2020-01-01T00:00:00.000Z" }, list: [{ $dt: [0, "UTC", "", "", ""] }] };
    assert.deepEqual(decodeData(encodeData(data)), data);
  });
});
