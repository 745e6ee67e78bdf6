import type { ArticleView, SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";

/** The foot of an opinion or analysis piece: who wrote it, their role and short bio. */
export function AuthorNotes({ article, site }: { article: ArticleView; site: SiteData }) {
  if (!article.showsAuthorBio || !article.authors.length) return null;
  return (
    <aside class="story__authors" aria-label="About the author" data-pagefind-ignore="all">
      {article.authors.map((a) => (
        <p class="author-note">
          <a href={href(site, a.url)} rel="author">
            {a.name}
          </a>
          , <span class="author-note__role">{a.role}</span>. <span class="author-note__bio">{a.bio}</span>
        </p>
      ))}
    </aside>
  );
}
