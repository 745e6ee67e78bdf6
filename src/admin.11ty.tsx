/** `/admin/`: the browser editor (Decap CMS), written only when the CMS is on (_config/cms/admin.ts). */
import type { PageContext } from "../_config/site/index.ts";
import { ADMIN, adminPageData, adminPageHtml, cmsMode, MAX_UPLOAD_BYTES } from "../_config/cms/index.ts";
import { assetUrl } from "../_config/pages/index.ts";

export const data = {
  permalink: (data: PageContext) => (cmsMode(data.site) === "off" ? false : ADMIN.page),
  eleventyExcludeFromCollections: true,
};

export default function render({ site, sections, staff }: PageContext): string {
  return adminPageHtml(site, adminPageData({ site, sections, authors: staff }, assetUrl("/assets/css/site.css"), MAX_UPLOAD_BYTES));
}
