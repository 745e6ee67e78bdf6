import type { SiteData } from "../../_config/content/index.ts";
import { archiveIndexPath, authorsIndexPath, href, homePath, topicsIndexPath } from "../../_config/content/index.ts";

export function Footer({ site, year }: { site: SiteData; year: number }) {
  return (
    <footer class="site-footer">
      <nav class="site-footer__nav" aria-label="Browse">
        <a href={href(site, topicsIndexPath())}>Topics</a> · <a href={href(site, authorsIndexPath())}>Authors</a> · <a href={href(site, archiveIndexPath())}>Archive</a>
      </nav>
      <p>
        <a href={href(site, homePath())}>{site.name}</a>: {site.description}
      </p>
      <p>
        © {year} {site.newsroom}
      </p>
    </footer>
  );
}
