import type { SiteData } from "../../_config/content/index.ts";
import type { FooterLink } from "../../_config/site/index.ts";
import { archiveIndexPath, authorsIndexPath, correctionsPath, href, homePath, topicsIndexPath } from "../../_config/content/index.ts";

export function Footer({ site, year, pages = [] }: { site: SiteData; year: number; pages?: FooterLink[] }) {
  return (
    <footer class="site-footer">
      <nav class="site-footer__nav" aria-label="Browse">
        <a href={href(site, topicsIndexPath())}>Topics</a> · <a href={href(site, authorsIndexPath())}>Authors</a> · <a href={href(site, archiveIndexPath())}>Archive</a> ·{" "}
        <a href={href(site, correctionsPath())}>Corrections</a>
      </nav>
      {pages.length > 0 && (
        <nav class="site-footer__policies" aria-label="About us">
          {pages.map((p, i) => (
            <>
              {i > 0 && " · "}
              <a href={href(site, p.url)}>{p.title}</a>
            </>
          ))}
        </nav>
      )}
      <p>
        <a href={href(site, homePath())}>{site.name}</a>: {site.description}
      </p>
      <p>
        © {year} {site.newsroom}
      </p>
    </footer>
  );
}
