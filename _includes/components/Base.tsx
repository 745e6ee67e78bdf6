import type { ComponentChildren } from "preact";
import type { PageContext } from "../../_config/collections.ts";
import { toDateTime } from "../../_config/dates.ts";
import { Footer } from "./Footer.tsx";
import { Head, type HeadProps } from "./Head.tsx";
import { Masthead } from "./Masthead.tsx";

export interface BaseProps extends Omit<HeadProps, "site" | "children"> {
  /** the page's data; `layout` ("article.11ty.tsx") names the page type */
  ctx: PageContext & { layout?: unknown };
  /** the section this page belongs to, marked in the masthead */
  section?: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** The shell every page fills (Hugo's baseof): head, skip link, masthead, main, footer. */
export function Base({ ctx, section, head, children, ...meta }: BaseProps) {
  const { site } = ctx;
  return (
    <html lang={site.language}>
      <Head site={site} {...meta}>
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
        <Footer site={site} year={toDateTime(ctx.build.now, site.timezone).year} />
      </body>
    </html>
  );
}

/** "article.11ty.tsx" → "article": marks each page type (the browser tests audit one of each). */
export function pageType(layout: unknown): string | undefined {
  return typeof layout === "string" ? layout.replace(/^.*\//, "").replace(/\.11ty\.tsx$/, "") : undefined;
}
