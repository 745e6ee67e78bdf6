/**
 * What a story tells readers about itself beyond the news: the kind of work it is
 * (contract key `kind`, or its section's default), labelled on the story and on every
 * card (news carries no label); and its corrections (contract key `corrections`): the
 * rules a schema can't see (a date never before the story's, never after the build's
 * now) and the view a story, the corrections page and the feeds read.
 */
import type { DateTime } from "luxon";
import { formatDate, parseContentDate, toDateTime } from "./dates.ts";
import type { ArticleData, CorrectionData, Kind, Problem, SectionsData } from "./schema.ts";
import { ISO_DATE_PATTERN } from "./schema.ts";

export const KIND_LABELS: Record<Kind, string | undefined> = {
  news: undefined,
  analysis: "Analysis",
  opinion: "Opinion",
  review: "Review",
  background: "Background",
  explainer: "Explainer",
  sponsored: "Sponsored content",
};

/** The story's kind: its own `kind`, else its section's, else news. */
export function kindOf(data: Pick<ArticleData, "kind" | "section">, sections: SectionsData): Kind {
  return data.kind ?? sections[data.section]?.kind ?? "news";
}

/** "Opinion", "Sponsored content"…; undefined for news. */
export function kindLabel(kind: Kind): string | undefined {
  return KIND_LABELS[kind];
}

/** Kinds whose author's role and short bio close the piece (the reader should know who argues). */
export function showsAuthorBio(kind: Kind): boolean {
  return kind === "opinion" || kind === "analysis";
}

export interface CorrectionView {
  date: DateTime;
  text: string;
  type: "correction" | "clarification";
  /** "Correction" or "Clarification", in so many words */
  label: string;
  /** the id of its note at the foot of the story: "correction-1" */
  id: string;
}

/** The story's corrections, oldest first (the order they happened). */
export function correctionsView(corrections: CorrectionData[] | undefined, zone: string): CorrectionView[] {
  return (corrections ?? [])
    .map((c) => ({ date: toDateTime(c.date, zone), text: c.text, type: c.type ?? "correction", label: c.type === "clarification" ? "Clarification" : "Correction" }))
    .sort((a, b) => a.date.toMillis() - b.date.toMillis())
    .map((c, i) => ({ ...c, id: `correction-${i + 1}` }));
}

/** "This story was corrected on October 5, 2022." (clarified, when every note is a clarification) */
export function correctionNotice(corrections: CorrectionView[], zone: string): string | undefined {
  const last = corrections.at(-1);
  if (!last) return undefined;
  const verb = corrections.some((c) => c.type === "correction") ? "corrected" : "clarified";
  return `This story was ${verb} on ${formatDate(last.date, zone)}.`;
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
