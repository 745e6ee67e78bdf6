/**
 * Corrections (contract key `corrections`): the rules a schema can't see (a date never
 * before the story's, never after the build's now) and the view a story, the
 * corrections page and the feeds read.
 */
import type { DateTime } from "luxon";
import { formatMoment, parseContentDate, toDateTime, type DateStyle } from "../dates.ts";
import type { CorrectionData, Problem } from "../schema.ts";
import { ISO_DATE_PATTERN } from "../schema.ts";

export interface CorrectionView {
  date: DateTime;
  text: string;
  type: "correction" | "clarification";
  /** "Correction" or "Clarification", in so many words */
  label: string;
  /** the id of its note at the foot of the story: "correction-1" */
  id: string;
  /** its date as readers see it, in the site's date style: "Aug. 15, 2026" */
  shown: string;
}

/** The story's corrections, oldest first (the order they happened). */
export function correctionsView(corrections: CorrectionData[] | undefined, zone: string, style?: DateStyle): CorrectionView[] {
  return (corrections ?? [])
    .map((c) => {
      const date = toDateTime(c.date, zone);
      const type = c.type ?? "correction";
      return { date, text: c.text, type, label: type === "clarification" ? "Clarification" : "Correction", shown: formatMoment(date, zone, style, false) };
    })
    .sort((a, b) => a.date.toMillis() - b.date.toMillis())
    .map((c, i) => ({ ...c, id: `correction-${i + 1}` }));
}

/** "This story was corrected on October 5, 2022." (clarified, when every note is a clarification) */
export function correctionNotice(corrections: CorrectionView[]): string | undefined {
  const last = corrections.at(-1);
  if (!last) return undefined;
  const verb = corrections.some((c) => c.type === "correction") ? "corrected" : "clarified";
  return `This story was ${verb} on ${last.shown}.`;
}

/** The latest of publication, `updated` and every correction: schema.org dateModified, a feed entry's updated. */
export function lastModified(published: DateTime, updated: DateTime | undefined, corrections: CorrectionView[]): DateTime {
  let latest = updated && updated > published ? updated : published;
  for (const c of corrections) if (c.date > latest) latest = c.date;
  return latest;
}

/** Each correction's date: a real date, never before the story's `date`, never after `now`. */
export function correctionProblems(
  file: string,
  corrections: unknown,
  ctx: { date?: DateTime; now?: string; zone: string; lineOf: (index: number) => number | undefined },
): Problem[] {
  if (!Array.isArray(corrections)) return [];
  const problems: Problem[] = [];
  const now = ctx.now ? toDateTime(ctx.now, ctx.zone) : undefined;
  corrections.forEach((c: unknown, i) => {
    const value = c && typeof c === "object" ? (c as { date?: unknown }).date : undefined;
    if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) return; // the schema reports these
    const key = `corrections.${i}.date`;
    const line = ctx.lineOf(i);
    const dt = parseContentDate(value, ctx.zone);
    if (!dt) problems.push({ file, line, key, message: `"${value}" is not a real calendar date` });
    else if (ctx.date && dt < ctx.date) problems.push({ file, line, key, message: `${iso(dt)} is before the story's date ${iso(ctx.date)}; a correction comes after publication` });
    else if (now && dt > now) problems.push({ file, line, key, message: `${iso(dt)} is in the future (the build's now is ${iso(now)}); date a correction when it is made` });
  });
  return problems;
}

const iso = (dt: DateTime) => dt.toISO({ suppressMilliseconds: true });
