/**
 * Every date the site shows or writes goes through here: luxon, the site's time
 * zone, and named formats (like Lume's date plugin) instead of raw tokens in layouts.
 */
import { DateTime } from "luxon";
import { loadSite } from "./data.ts";
import type { EleventyConfig } from "../eleventy/index.ts";
import { ContentError, ISO_DATE_PATTERN } from "./schema.ts";

export const DATE_FORMATS = {
  /** "October 4, 2022" */
  human: "LLLL d, yyyy",
  /** "October 4, 2022, 9:00 AM EDT" */
  humanTime: "LLLL d, yyyy, h:mm a ZZZZ",
  /** "October 2022" (archive headings) */
  month: "LLLL yyyy",
} as const satisfies Record<string, string>;

export type DateFormat = keyof typeof DATE_FORMATS;

/**
 * How the site writes a story's moments (`_data/site` `dateStyle`), one named style per
 * newsroom convention: a date, and a time with the zone's abbreviation.
 * - `ap` (the default, Associated Press style): "Sept. 2, 2026", "9:14 a.m. EDT", "9 a.m. EDT", "noon EDT"
 * - `long`: "September 2, 2026", "9:14 AM EDT"
 */
export const DATE_STYLES = {
  ap: {
    date: (dt: DateTime) => `${AP_MONTHS[dt.month - 1]} ${dt.day}, ${dt.year}`,
    time: (dt: DateTime) => `${apClock(dt)} ${zoneAbbreviation(dt)}`,
  },
  long: {
    date: (dt: DateTime) => dt.setLocale("en-US").toFormat("LLLL d, yyyy"),
    time: (dt: DateTime) => dt.setLocale("en-US").toFormat("h:mm a ZZZZ"),
  },
} as const satisfies Record<string, { date: (dt: DateTime) => string; time: (dt: DateTime) => string }>;

export type DateStyle = keyof typeof DATE_STYLES;
export const DEFAULT_DATE_STYLE: DateStyle = "ap";

/** AP abbreviates the months longer than five letters (AP Stylebook, "months"). */
const AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** "9:14 a.m.", "9 a.m." (no ":00"), "noon", "midnight" (AP Stylebook, "times"). */
function apClock(dt: DateTime): string {
  if (dt.minute === 0 && dt.hour === 12) return "noon";
  if (dt.minute === 0 && dt.hour === 0) return "midnight";
  const hour = dt.hour % 12 || 12;
  return `${hour}${dt.minute ? `:${String(dt.minute).padStart(2, "0")}` : ""} ${dt.hour < 12 ? "a.m." : "p.m."}`;
}

/**
 * "EDT", "EST", "CET"; luxon's short offset name in English (a zone without one reads "GMT+2").
 * Asked once per zone, offset and year: luxon asks Intl each time, 15 % of a pass that reads
 * 20,000 stories' data in a CPU profile (docs/performance.md §25).
 */
function zoneAbbreviation(dt: DateTime): string {
  const key = `${dt.zoneName}\u0000${dt.offset}\u0000${dt.year}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    name = dt.setLocale("en-US").toFormat("ZZZZ");
    abbreviations.set(key, name);
  }
  return name;
}
const abbreviations = new Map<string, string>();

/**
 * A story's moment as readers see it, in the site's zone and style: the date, and the
 * time with the zone when the story gave one ("Sept. 2, 2026, 9:14 a.m. EDT").
 */
export function formatMoment(value: DateInput, zone: string, style: DateStyle = DEFAULT_DATE_STYLE, withTime = true): string {
  return remember(`M\u0000${zone}\u0000${style}\u0000${withTime}\u0000${keyOf(value)}`, () => {
    const dt = toDateTime(value, zone);
    const s = DATE_STYLES[style];
    return withTime ? `${s.date(dt)}, ${s.time(dt)}` : s.date(dt);
  });
}

/** The time alone, with the zone ("2:30 p.m. EDT"): an update on the day of publication. */
export function formatClock(value: DateInput, zone: string, style: DateStyle = DEFAULT_DATE_STYLE): string {
  return remember(`C\u0000${zone}\u0000${style}\u0000${keyOf(value)}`, () => DATE_STYLES[style].time(toDateTime(value, zone)));
}

/** Whether two moments fall on the same calendar day in the zone. */
export function sameDay(a: DateInput, b: DateInput, zone: string): boolean {
  return toDateTime(a, zone).toISODate() === toDateTime(b, zone).toISODate();
}
export type DateInput = Date | DateTime | string;

/**
 * Parses a front-matter date: a date-time with offset keeps its instant; a date
 * alone is midnight in the site's zone. Returns null when it is not a real date.
 */
export function parseContentDate(value: string, zone: string): DateTime | null {
  return remember(`p\u0000${zone}\u0000${value}`, () => {
    if (!ISO_DATE_PATTERN.test(value)) return null;
    const dateOnly = value.length === 10;
    const dt = dateOnly
      ? DateTime.fromISO(value, { zone })
      : DateTime.fromISO(value, { setZone: true });
    return dt.isValid ? dt : null;
  });
}

export function toDateTime(value: DateInput, zone: string): DateTime {
  if (value instanceof Date) return remember(`d\u0000${zone}\u0000${value.getTime()}`, () => checked(DateTime.fromJSDate(value), value, zone));
  if (typeof value === "string") return remember(`s\u0000${zone}\u0000${value}`, () => checked(parseContentDate(value, zone), value, zone));
  return checked(value, value, zone);
}

function checked(dt: DateTime | null, value: DateInput, zone: string): DateTime {
  if (!dt || !dt.isValid) throw new Error(`not a date: ${String(value)}`);
  return dt.setZone(zone);
}

// Every page shows or writes the same few thousand dates (its story's, the cards' and
// the footer's year), and luxon's zone conversion and formatting cost ~0.2 ms a call:
// results are remembered. DateTimes are immutable, so sharing one is safe; the memo is
// emptied when it grows past a bound (a long watch session sees ever new dates).
const memo = new Map<string, unknown>();
const MEMO_LIMIT = 100_000;
function remember<T>(key: string, make: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}
const keyOf = (value: DateInput) => (value instanceof Date ? `d${value.getTime()}` : typeof value === "string" ? `s${value}` : `t${value.toMillis()}`);

/** Human form in the site's zone and language, e.g. "October 4, 2022". */
export function formatDate(value: DateInput, zone: string, format: DateFormat = "human", locale = "en-US"): string {
  return remember(`f\u0000${zone}\u0000${format}\u0000${locale}\u0000${keyOf(value)}`, () => toDateTime(value, zone).setLocale(locale).toFormat(DATE_FORMATS[format]));
}

/** ISO 8601 / RFC 3339 with the site zone's offset: `2022-10-04T00:00:00-04:00`. */
export function isoDate(value: DateInput, zone: string): string {
  return remember(`i\u0000${zone}\u0000${keyOf(value)}`, () => toDateTime(value, zone).toISO({ suppressMilliseconds: true }) ?? "");
}

/** RFC 822, as RSS and HTTP want it. */
export function rfc822Date(value: DateInput, zone: string): string {
  return toDateTime(value, zone).toRFC2822() ?? "";
}

/** The year in the site's zone (the footer's copyright line). */
export function yearOf(value: DateInput, zone: string): number {
  return remember(`y\u0000${zone}\u0000${keyOf(value)}`, () => toDateTime(value, zone).year);
}

/** `yyyy/MM` for monthly archive URLs. */
export function monthKey(value: DateInput, zone: string): string {
  if (value instanceof Date) return monthOfInstant(value.getTime(), zone);
  return remember(`m\u0000${zone}\u0000${keyOf(value)}`, () => toDateTime(value, zone).toFormat("yyyy/MM"));
}

/**
 * The local month of an instant, from the instants the zone's months begin (a few
 * hundred luxon calls for a whole archive instead of one per story: the archive groups
 * every story by month on every build). Local time only runs backwards at a clock
 * change, and luxon's start of a month can miss by one when a change is near it
 * (Kyiv, July 1990): within a few hours of a month's start, luxon reads the instant itself.
 */
function monthOfInstant(ms: number, zone: string): string {
  const utc = new Date(ms);
  const y = utc.getUTCFullYear();
  const m = utc.getUTCMonth() + 1; // the local month is this one, the one before or the one after (offsets ≤ 14 h)
  const next = m === 12 ? [y + 1, 1] as const : [y, m + 1] as const;
  const prev = m === 1 ? [y - 1, 12] as const : [y, m - 1] as const;
  const [start, nextStart] = [monthStart(y, m, zone), monthStart(next[0], next[1], zone)];
  const near = (t: number) => Math.abs(ms - t) < TRANSITION_WINDOW;
  if (near(start) || near(nextStart)) return toDateTime(utc, zone).toFormat("yyyy/MM");
  const [year, month] = ms >= nextStart ? next : ms >= start ? [y, m] : prev;
  return `${year}/${String(month).padStart(2, "0")}`;
}

/** Longer than any clock change (Troll's is 2 h). */
const TRANSITION_WINDOW = 4 * 3600_000;
const monthStarts = new Map<string, number>();
function monthStart(year: number, month: number, zone: string): number {
  const key = `${zone}\u0000${year}\u0000${month}`;
  let t = monthStarts.get(key);
  if (t === undefined) {
    t = DateTime.fromObject({ year, month, day: 1 }, { zone }).toMillis();
    if (monthStarts.size >= MEMO_LIMIT) monthStarts.clear();
    monthStarts.set(key, t);
  }
  return t;
}

/**
 * Eleventy plugin: front-matter dates are read by `parseContentDate` in the site's
 * zone (Eleventy alone would read a bare date as UTC midnight); an impossible date
 * fails the build naming the file and the key.
 */
export default function datesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDateParsing(function (value) {
    if (value === undefined || value === null || value instanceof Date) return undefined;
    const file = this.page.inputPath.replace(/^\.\//, "");
    const zone = loadSite(eleventyConfig.directories.data).timezone;
    const dt = typeof value === "string" ? parseContentDate(value, zone) : null;
    if (!dt) {
      // A story's data schema (articles.11tydata.ts) runs after this and reports every
      // problem of the file, this one included, exactly as `npm run check` does: let it.
      if (/(^|\/)articles\//.test(file) && file.endsWith(".md")) return new Date(0);
      const message =
        typeof value === "string" && ISO_DATE_PATTERN.test(value)
          ? `${JSON.stringify(value)} is not a real calendar date`
          : `expected an ISO 8601 date-time with offset (2022-10-04T09:00:00-04:00) or a date (2022-10-04), got ${JSON.stringify(value)}`;
      throw new ContentError([{ file, key: "date", message }]);
    }
    return dt.toJSDate();
  });
}
