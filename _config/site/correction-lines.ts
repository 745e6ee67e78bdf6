/**
 * What the corrections column's layout lays out: each correction with the story it
 * corrects, from the story's view (kept apart from corrections.ts, which the indexes
 * use before any view exists: collections → indexes → corrections, never back).
 */
import type { CorrectionView } from "../content/index.ts";
import { viewOf } from "./collections.ts";
import type { CorrectionsPage, PageContext } from "./types.ts";

/** What a line of the corrections column shows: the note, and the story it corrects. */
export interface CorrectionLine {
  label: string;
  date: CorrectionView["date"];
  /** the date as readers see it (the site's date style) */
  shown: string;
  text: string;
  /** the story's headline and its kind's label ("Opinion"), if any */
  story: { title: string; kindLabel?: string; language?: string };
  /** site path of the note at the foot of the story: /world/x/#correction-1 */
  url: string;
}

export function correctionLines(page: CorrectionsPage, ctx: PageContext): CorrectionLine[] {
  return page.items.map(({ item, correction }) => {
    const view = viewOf(item, ctx);
    return {
      label: correction.label,
      date: correction.date,
      shown: correction.shown,
      text: correction.text,
      story: { title: view.title, kindLabel: view.kindLabel, language: view.language },
      url: `${view.url}#${correction.id}`,
    };
  });
}
