import { viewOf, type ArticleItem, type PageContext } from "../../_config/site/index.ts";
import { ArticleCard } from "./ArticleCard.tsx";

/** Stories as cards (headlines at the given level), or a line saying there are none. */
export function ArticleList({ items, ctx, empty, headingLevel = 2, showSection = true }: { items: ArticleItem[]; ctx: PageContext; empty: string; headingLevel?: 2 | 3; showSection?: boolean }) {
  if (!items.length) return <p class="empty-list">{empty}</p>;
  return (
    <div class="cards">
      {items.map((item) => (
        <ArticleCard article={viewOf(item, ctx)} site={ctx.site} headingLevel={headingLevel} showSection={showSection} />
      ))}
    </div>
  );
}
