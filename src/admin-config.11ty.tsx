/** `/admin/config.yml`: the CMS configuration, generated from the content schemas and _data (_config/cms/config.ts). */
import type { PageContext } from "../_config/site/index.ts";
import { ADMIN, cmsConfigYaml, cmsMode, localBackendUrl } from "../_config/cms/index.ts";

export const data = {
  permalink: (data: PageContext) => (cmsMode(data.site) === "off" ? false : ADMIN.config),
  eleventyExcludeFromCollections: true,
};

export default function render({ site, sections, staff }: PageContext): string {
  return cmsConfigYaml({ site, sections, authors: staff, localBackend: cmsMode(site) === "local" ? localBackendUrl() : undefined });
}
