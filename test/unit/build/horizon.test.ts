/** The clock's horizon (clockHorizon in _config/build/reuse.ts): the first instant a page could read the clock differently. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clockHorizon } from "../../../_config/build/reuse.ts";

const NOW = "2026-11-26T12:00:00.000Z";
const at = (iso: string) => Date.parse(iso);
const build = { production: true, now: NOW };
const HOUR = 3_600_000;
const old = { public: true, draft: false, date: at("2024-02-05T15:00:00Z") };

describe("clockHorizon", () => {
  it("is the new year in the site's zone when nothing else reads the clock", () => {
    assert.equal(clockHorizon([old], build, "UTC"), at("2027-01-01T00:00:00Z"));
    assert.equal(clockHorizon([old], build, "America/New_York"), at("2027-01-01T05:00:00Z"));
    assert.equal(clockHorizon([old], { production: true, now: "2026-12-31T23:30:00Z" }, "Asia/Tokyo"), at("2027-12-31T15:00:00Z"), "already 2027 in Tokyo");
  });

  it("is a scheduled story's date (it goes public), not a draft's", () => {
    const scheduled = { public: false, draft: false, date: at("2026-12-03T09:00:00Z") };
    const draft = { public: false, draft: true, date: at("2026-11-30T09:00:00Z") };
    assert.equal(clockHorizon([old, scheduled, draft], build, "UTC"), scheduled.date);
  });

  it("is an hour before a recent story leaves the news sitemap's two days", () => {
    const recent = { public: true, draft: false, date: at("2026-11-25T18:00:00Z") };
    assert.equal(clockHorizon([old, recent], build, "UTC"), recent.date + 48 * HOUR - HOUR);
  });

  it("is now (never settled) for a site with no public story, and for a build that is not a production one", () => {
    assert.equal(clockHorizon([], build, "UTC"), at(NOW));
    assert.equal(clockHorizon([{ ...old, draft: true, public: false }], build, "UTC"), at(NOW));
    assert.equal(clockHorizon([old], { production: false, now: NOW }, "UTC"), at(NOW));
  });
});
