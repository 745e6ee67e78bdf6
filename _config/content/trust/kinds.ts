/**
 * The kind of work a story is (contract key `kind`, or its section's default): what
 * readers see as a label on the story and on every card. News carries no label.
 */
import type { ArticleData, Kind, SectionsData } from "../schema.ts";

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
