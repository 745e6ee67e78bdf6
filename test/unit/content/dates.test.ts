/** Dates: parsed in the site's zone, formatted by name. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDate, isoDate, monthKey, parseContentDate, rfc822Date } from "../../../_config/content/dates.ts";
import { DateTime } from "luxon";

const NY = "America/New_York";

describe("dates", () => {
  it("reads a date alone as midnight in the site's zone", () => {
    assert.equal(parseContentDate("2022-10-04", NY)!.toISO(), "2022-10-04T00:00:00.000-04:00");
    assert.equal(isoDate(parseContentDate("2022-10-04", NY)!, NY), "2022-10-04T00:00:00-04:00");
  });

  it("keeps the instant of a date-time with offset", () => {
    assert.equal(parseContentDate("2022-10-04T09:00:00Z", NY)!.toMillis(), Date.UTC(2022, 9, 4, 9));
    assert.equal(isoDate("2022-10-04T09:00:00Z", NY), "2022-10-04T05:00:00-04:00");
  });

  it("rejects impossible, relative and offset-less date-times", () => {
    for (const bad of ["2022-02-30", "2022-13-01", "yesterday", "Oct 4, 2022", "2022-10-04T09:00:00", ""]) {
      assert.equal(parseContentDate(bad, NY), null, bad);
    }
  });

  it("formats in human form in the site's zone", () => {
    assert.equal(formatDate("2022-10-04", NY), "October 4, 2022");
    // 02:30 UTC on the 5th is still the 4th in New York
    assert.equal(formatDate(new Date(Date.UTC(2022, 9, 5, 2, 30)), NY), "October 4, 2022");
    assert.equal(formatDate("2022-10-04T09:05:00-04:00", NY, "humanTime"), "October 4, 2022, 9:05 AM EDT");
    assert.equal(formatDate("2022-10-04", NY, "month"), "October 2022");
  });

  it("writes RFC 822 and archive keys", () => {
    assert.equal(rfc822Date("2022-10-04T09:00:00-04:00", NY), "Tue, 04 Oct 2022 09:00:00 -0400");
    assert.equal(monthKey("2022-10-01T01:00:00Z", NY), "2022/09");
  });

  it("follows daylight saving time", () => {
    assert.equal(isoDate("2022-01-04", NY), "2022-01-04T00:00:00-05:00");
  });
});

describe("date styles (_data/site dateStyle)", async () => {
  const { formatMoment, formatClock, sameDay } = await import("../../../_config/content/dates.ts");
  it("ap: abbreviated months, a.m./p.m., no :00, noon and midnight, the zone's abbreviation", () => {
    assert.equal(formatMoment("2026-09-02T09:14:00-04:00", NY, "ap"), "Sept. 2, 2026, 9:14 a.m. EDT");
    assert.equal(formatMoment("2026-03-02T15:00:00-05:00", NY, "ap"), "March 2, 2026, 3 p.m. EST");
    assert.equal(formatMoment("2026-06-30T12:00:00-04:00", NY, "ap"), "June 30, 2026, noon EDT");
    assert.equal(formatMoment("2026-01-05T00:00:00-05:00", NY, "ap"), "Jan. 5, 2026, midnight EST");
    assert.equal(formatMoment("2026-09-02T09:14:00-04:00", NY, "ap", false), "Sept. 2, 2026");
    assert.equal(formatClock("2026-09-02T14:30:00-04:00", NY, "ap"), "2:30 p.m. EDT");
    // an instant given with another offset is shown in the site's zone
    assert.equal(formatMoment("2026-08-14T12:00:00+02:00", NY, "ap"), "Aug. 14, 2026, 6 a.m. EDT");
  });
  it("each zone and offset keeps its own abbreviation (they are remembered per zone, offset and year)", () => {
    const cases: [string, string, string][] = [
      ["2026-01-05T12:00:00Z", NY, "EST"],
      ["2026-07-05T12:00:00Z", NY, "EDT"],
      ["2026-01-05T12:00:00Z", "Europe/Berlin", "GMT+1"],
      ["2026-07-05T12:00:00Z", "Europe/Berlin", "GMT+2"],
      ["2026-07-05T12:00:00Z", "America/Chicago", "CDT"],
      ["2026-07-05T12:00:00Z", "Asia/Kolkata", "GMT+5:30"],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [moment, zone, name] of cases) assert.ok(formatMoment(moment, zone, "ap").endsWith(` ${name}`), `${moment} in ${zone}: ${formatMoment(moment, zone, "ap")}`);
    }
  });

  it("long: months spelled out, AM/PM", () => {
    assert.equal(formatMoment("2026-09-02T09:14:00-04:00", NY, "long"), "September 2, 2026, 9:14 AM EDT");
    assert.equal(formatClock("2026-09-02T14:30:00-04:00", NY, "long"), "2:30 PM EDT");
  });
  it("sameDay is the calendar day in the site's zone", () => {
    assert.equal(sameDay("2026-09-02T23:30:00-04:00", "2026-09-02T01:00:00-04:00", NY), true);
    assert.equal(sameDay("2026-09-03T01:00:00Z", "2026-09-03T05:00:00Z", NY), false);
  });
});

describe("monthKey of an instant", () => {
  // zones with clock changes at midnight, half-hour and two-hour changes, +14 h, a skipped day
  const ZONES = ["America/New_York", "Europe/Kyiv", "Australia/Lord_Howe", "Antarctica/Troll", "America/Sao_Paulo", "Asia/Tehran", "America/Havana", "Pacific/Kiritimati", "Pacific/Apia", "Asia/Kathmandu", "UTC"];
  it("is the month luxon gives, for random instants and around every month's start (1990–2035)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(2035, 0, 1);
    for (const zone of ZONES) {
      const instants: number[] = Array.from({ length: 400 }, () => from + Math.floor(random() * (to - from)));
      for (let y = 1990; y < 2035; y++) {
        for (let m = 1; m <= 12; m++) {
          const start = DateTime.fromObject({ year: y, month: m, day: 1 }, { zone }).toMillis();
          for (const d of [-3_600_001, -1, 0, 1, 1_800_000, 3_600_000, 5 * 3_600_000]) instants.push(start + d);
        }
      }
      for (const ms of instants) {
        const expected = DateTime.fromMillis(ms, { zone }).toFormat("yyyy/MM");
        assert.equal(monthKey(new Date(ms), zone), expected, `${zone} ${new Date(ms).toISOString()}`);
      }
    }
  });
});
