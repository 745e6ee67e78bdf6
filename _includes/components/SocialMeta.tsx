import { ogLocale, type PageMeta } from "../../_config/pages/index.ts";
import type { SiteData } from "../../_config/content/index.ts";

/** Open Graph, article:* and Twitter card tags, from the page's metadata. */
export function SocialMeta({ meta, site }: { meta: PageMeta; site: SiteData }) {
  const { image, article } = meta;
  return (
    <>
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content={ogLocale(site.language)} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.canonical} />
      <meta property="og:image" content={image.url} />
      <meta property="og:image:type" content="image/jpeg" />
      <meta property="og:image:alt" content={image.alt} />
      {image.width && <meta property="og:image:width" content={String(image.width)} />}
      {image.height && <meta property="og:image:height" content={String(image.height)} />}
      {article && (
        <>
          <meta property="article:published_time" content={article.published} />
          <meta property="article:modified_time" content={article.modified} />
          <meta property="article:section" content={article.section} />
          {article.authors.map((url) => (
            <meta property="article:author" content={url} />
          ))}
          {article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
        </>
      )}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      <meta name="twitter:image" content={image.url} />
      <meta name="twitter:image:alt" content={image.alt} />
    </>
  );
}
