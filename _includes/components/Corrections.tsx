import type { ArticleView, SiteData } from "../../_config/content/index.ts";
import { Time } from "./Time.tsx";

/** Near the top of a corrected story: "This story was corrected on …", linking to the notes. */
export function CorrectionNotice({ article }: { article: ArticleView }) {
  if (!article.correctionNotice) return null;
  return (
    <p class="story__corrected" data-pagefind-ignore="all">
      <a href="#corrections">{article.correctionNotice}</a>
    </p>
  );
}

/** At the end of a corrected story: each note with its date, labelled Correction or Clarification. */
export function CorrectionNotes({ article, site }: { article: ArticleView; site: SiteData }) {
  if (!article.corrections.length) return null;
  return (
    <section id="corrections" class="story__corrections" aria-labelledby="corrections-heading" data-pagefind-ignore="all">
      <h2 id="corrections-heading">Corrections</h2>
      <ol>
        {article.corrections.map((c) => (
          <li id={c.id}>
            <strong>{c.label}</strong>, <Time value={c.date} zone={site.timezone} text={c.shown} />: {c.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
