import type { ComponentChildren } from "preact";
import { footerLinks, type PageContext } from "../../_config/site/index.ts";
import { yearOf } from "../../_config/content/index.ts";
import { pageMeta, type Crumb, type FeedLink, type JsonLdDocument, type PageMeta, type ShareImage } from "../../_config/pages/index.ts";
import { Footer } from "./Footer.tsx";
import { Head } from "./Head.tsx";
import { Masthead } from "./Masthead.tsx";

export interface BaseProps {
  /** the page's data; `layout` ("article.11ty.tsx") names the page type */
  ctx: PageContext & { layout?: unknown };
  /** the page's own title; the site name is added by the pattern (none on the home page) */
  title?: string;
  description: string;
  /** absolute canonical URL (default: this page's absolute URL) */
  canonical?: string;
  /** for pages that must not be indexed (404, search, drafts in the dev server) */
  noindex?: boolean;
  /** the section this page belongs to: marked in the masthead, its feed advertised, a breadcrumb */
  section?: string;
  /** the BreadcrumbList trail (Home first); default Home › Section › this page */
  breadcrumbs?: Crumb[];
  /** og:image / twitter:image of a page that is not a story (default: the site default image) */
  image?: ShareImage;
  /** more feeds to advertise, more JSON-LD (the corrections feed; an author's Person) */
  feeds?: FeedLink[];
  jsonLd?: JsonLdDocument[];
  /** full head metadata (story pages: articleMeta); default built by pageMeta */
  meta?: PageMeta;
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** The shell every page fills (Hugo's baseof): head, skip link, masthead, main, footer. */
export function Base({ ctx, section, head, children, title, description, canonical, noindex, breadcrumbs, image, meta, feeds, jsonLd }: BaseProps) {
  const { site } = ctx;
  const path = typeof ctx.page.url === "string" ? ctx.page.url : "/";
  const headMeta = meta ?? pageMeta(ctx, { title, description, path, canonical, section, breadcrumbs, noindex, image, feeds, jsonLd });
  return (
    <html lang={site.language}>
      <Head site={site} title={title} meta={headMeta}>
        {head}
      </Head>
      <body data-page-type={pageType(ctx.layout)}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Masthead site={site} sections={ctx.sections} current={section} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer site={site} year={yearOf(ctx.build.now, site.timezone)} pages={footerLinks(ctx.collections?.pages)} />
      </body>
    </html>
  );
}

/** "article.11ty.tsx" → "article": marks each page type (the browser tests audit one of each). */
export function pageType(layout: unknown): string | undefined {
  return typeof layout === "string" ? layout.replace(/^.*\//, "").replace(/\.11ty\.tsx$/, "") : undefined;
}
