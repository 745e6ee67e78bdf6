import type { ImageData } from "../../_config/content/index.ts";
import type { SiteData } from "../../_config/content/index.ts";
import { href } from "../../_config/content/index.ts";

/**
 * A photo with its caption, then its credit. Layouts write a plain <img>; the
 * image transform makes it responsive.
 */
export function Figure({ image, site, lead }: { image: ImageData & { url: string }; site: SiteData; lead?: boolean }) {
  return (
    <figure class={lead ? "figure figure--lead" : "figure"}>
      <img src={href(site, image.url)} alt={image.alt} data-lead={lead ? "" : undefined} />
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption && <span class="figure__caption">{image.caption}</span>}
          {image.credit && <span class="figure__credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
