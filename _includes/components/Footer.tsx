import type { SiteData } from "../../_config/schema.ts";
import { href, homePath } from "../../_config/urls.ts";

export function Footer({ site, year }: { site: SiteData; year: number }) {
  return (
    <footer class="site-footer">
      <p>
        <a href={href(site, homePath())}>{site.name}</a>: {site.description}
      </p>
      <p>
        © {year} {site.newsroom}
      </p>
    </footer>
  );
}
