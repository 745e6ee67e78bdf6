/**
 * `/admin/config.yml`, the Decap CMS configuration, generated at build time from the
 * content contract's zod schemas and `_data` (https://decapcms.org/docs/configuration-options/),
 * so the CMS can never offer a field the build rejects or miss one it needs:
 *
 * - stories: a folder collection `src/articles/{{year}}/<slug>.md`, every front-matter
 *   key of `articleSchema` (sections and authors as selects of `_data`), and the body
 *   with the `::: figure` / `::: related` blocks as editor components (admin-script.js);
 * - pages: `src/pages/` (title, description, updated, body);
 * - settings: `_data/site`, `sections`, `authors` and `front` as file collections.
 *
 * Photos are stored beside the story (`media_folder: ""`); only the types the image
 * pipeline reads are offered (PHOTO_TYPES).
 */
import yaml from "js-yaml";
import { z } from "zod";
import { articleSchema, authorSchema, BLOCK_KINDS, frontSchema, languageSchema, pageSchema, sectionSchema, siteSchema, type AuthorsData, type BlockKind, type SectionsData, type SiteData } from "../content/index.ts";
import { fieldOf, fieldsOf, jsonSchemaOf, labelOf, type CmsField, type FieldOverrides } from "./fields.ts";

/** The photo types the image pipeline processes (PHOTO_EXTENSIONS in content/photo-files.ts). */
export const PHOTO_TYPES = ["jpg", "jpeg", "png", "webp", "avif", "gif", "tif", "tiff"] as const;
/** Largest upload the CMS accepts (bytes); the pipeline resizes anything larger than it needs anyway. */
export const MAX_UPLOAD_BYTES = 25_000_000;

/** What the config is generated from. */
export interface CmsContext {
  site: SiteData;
  sections: SectionsData;
  authors: AuthorsData;
  /** the dev server's local backend (decap-server) URL, e.g. http://127.0.0.1:8081/api/v1; absent in production */
  localBackend?: string;
}


const photoWidget = { widget: "image", choose_url: false, media_library: { config: { max_file_size: MAX_UPLOAD_BYTES } } } satisfies Partial<CmsField>;

/** A string schema's regex (from its JSON Schema) with an editor-facing message. */
function patternOf(schema: z.ZodType, message: string): [string, string] | undefined {
  const source = jsonSchemaOf(schema).pattern;
  return source ? [source, message] : undefined;
}

/** The per-key changes to the generic fields of a story. */
export function storyOverrides(ctx: CmsContext): FieldOverrides {
  return {
    title: { hint: "The headline, plain text" },
    description: { label: "Dek", hint: "The subheadline, plain text on one line" },
    date: { label: "Published", default: "{{now}}", hint: "First publication; a time in the future schedules the story" },
    updated: { label: "Updated", hint: "Last substantive update; never before Published" },
    section: { widget: "select", options: Object.entries(ctx.sections).map(([value, s]) => ({ label: s.title, value })), pattern: undefined },
    authors: { label: "Byline", widget: "select", multiple: true, options: Object.entries(ctx.authors).map(([value, a]) => ({ label: a.name, value })), hint: "None: the source's name, else the newsroom" },
    tags: { label: "Topics", allow_add: true, hint: "Each topic gets a page" },
    image: { label: "Lead photo", collapsed: false },
    "image.src": { label: "Photo", ...photoWidget },
    "image.alt": { label: "Alt text", hint: "What the photo shows, for readers who cannot see it" },
    "image.credit": { required: ctx.site.requireCredits === true },
    source: { label: "Syndicated from", hint: "The original publisher of a syndicated story" },
    draft: { hint: "Drafts show in the dev server, never on the published site" },
    kind: { hint: "The type of work, labelled for readers; default news, or the section's kind" },
    dateline: { hint: "Where the reporting was done, e.g. KYIV, Ukraine" },
    language: { pattern: patternOf(languageSchema, "a BCP 47 language tag like uk or en-GB"), hint: "The story's language when it is not the site's: a BCP 47 tag like uk or en-GB" },
    corrections: { hint: "What was wrong and what is right; never before Published, never in the future", summary: "{{fields.date}}: {{fields.text}}" },
  };
}

/** The markdown body, with the contract's blocks as its only editor components. */
export const bodyField: CmsField = {
  name: "body",
  label: "Body",
  widget: "markdown",
  required: false,
  hint: "A published story needs body text",
  modes: ["rich_text", "raw"],
  buttons: ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
  editor_components: Object.keys(BLOCK_KINDS),
  sanitize_preview: true,
};

/** A story's fields: every front-matter key of the schema, then the body. */
export function storyFields(ctx: CmsContext): CmsField[] {
  return [...fieldsOf(jsonSchemaOf(articleSchema), storyOverrides(ctx)), bodyField];
}

/** A page's fields. */
export function pageFields(): CmsField[] {
  return [...fieldsOf(jsonSchemaOf(pageSchema), { description: { hint: "One line, plain text" } }), { ...bodyField, editor_components: [], hint: "The page's text" }];
}

/** The fields of a `:::` block as an editor component (admin-script.js registers them). */
export function blockFields(kind: BlockKind, site: SiteData): CmsField[] {
  const spec = BLOCK_KINDS[kind];
  return spec.keys.map((key) => {
    const required = (spec.required as readonly string[]).includes(key) || (key === "credit" && site.requireCredits === true);
    const base: CmsField = { name: key, label: labelOf(key), widget: "string", required };
    if (kind === "figure" && key === "src") return { ...base, label: "Photo", ...photoWidget };
    if (kind === "related" && key === "url") return { ...base, label: "Link", hint: "Another story's site path (/world/slug/) or an https:// URL", pattern: ["^(https?://|/)\\S*$", "a site path starting with / or an http(s) URL"] };
    return base;
  });
}

/** `_data/front`: the home page's lead stories, and a list per section (a map in the file: one field per section). */
export function frontFields(ctx: CmsContext): CmsField[] {
  const hint = "Story paths like /world/slug/, the lead story first";
  const json = jsonSchemaOf(frontSchema);
  const list = json.properties?.sections?.additionalProperties;
  const perSection = typeof list === "object" ? Object.keys(ctx.sections).map((slug) => ({ ...fieldOf(slug, list, false), label: `${ctx.sections[slug]!.title} front`, hint })) : [];
  return fieldsOf(json, { home: { label: "Home page", hint }, sections: { label: "Section fronts", widget: "object", fields: perSection } });
}

/** Fields for a `_data` map (slug → entry): one object per existing entry. */
function mapFields(entries: Record<string, unknown>, schema: z.ZodType, labelFor: (slug: string) => string): CmsField[] {
  const json = jsonSchemaOf(schema);
  return Object.keys(entries).map((slug) => ({ ...fieldOf(slug, json, true), label: labelFor(slug) }));
}

/**
 * A folder collection of markdown files with front matter, one file per entry named by
 * its slug; photos are stored beside the file that uses them (media paths relative to it).
 */
const MARKDOWN_FOLDER = { slug: "{{slug}}", extension: "md", format: "frontmatter", create: true, media_folder: "", public_folder: "" } as const;

/** The whole Decap configuration object (key order is the output's order). */
export function cmsConfig(ctx: CmsContext): Record<string, unknown> {
  const { site, sections, authors } = ctx;
  const cms = site.cms;
  const backend = ctx.localBackend
    ? { name: "proxy", proxy_url: ctx.localBackend, branch: cms?.branch ?? "main" }
    : { name: cms?.backend, ...(cms?.repo && { repo: cms.repo }), branch: cms?.branch, ...(cms?.base_url && { base_url: cms.base_url }), ...(cms?.auth_endpoint && { auth_endpoint: cms.auth_endpoint }) };
  return {
    backend,
    ...(ctx.localBackend && { local_backend: { url: ctx.localBackend } }),
    publish_mode: "simple",
    site_url: site.url,
    display_url: site.url,
    locale: "en",
    // Uploads from the media tab land in src/media (a path from src/); a story's own photos go beside it.
    media_folder: "src/media",
    public_folder: "/media",
    // The contract's slug: lowercase ASCII letters, digits and single hyphens (check enforces it).
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "articles",
        label: "Stories",
        label_singular: "Story",
        description: "One file per story under src/articles/<year>/",
        folder: "src/articles",
        path: "{{year}}/{{slug}}",
        ...MARKDOWN_FOLDER,
        summary: "{{title}}",
        sortable_fields: ["date", "title", "section"],
        preview_path: "{{section}}/{{filename}}/",
        fields: storyFields(ctx),
      },
      {
        name: "pages",
        label: "Pages",
        label_singular: "Page",
        description: "Pages that are not stories (about, ethics, contact): src/pages/",
        folder: "src/pages",
        ...MARKDOWN_FOLDER,
        fields: pageFields(),
      },
      {
        name: "settings",
        label: "Settings",
        delete: false,
        editor: { preview: false },
        files: [
          { name: "site", label: "Site", file: "_data/site.yaml", fields: fieldsOf(jsonSchemaOf(siteSchema)) },
          { name: "sections", label: "Sections", file: "_data/sections.yaml", fields: mapFields(sections, sectionSchema, (slug) => `${sections[slug]!.title} (/${slug}/)`) },
          { name: "authors", label: "Authors", file: "_data/authors.yaml", fields: mapFields(authors, authorSchema, (slug) => `${authors[slug]!.name} (${slug})`) },
          { name: "front", label: "Front page", file: "_data/front.yaml", fields: frontFields(ctx) },
        ],
      },
    ],
  };
}

/** The configuration as YAML, the way Decap loads it. Stable bytes: no dates, fixed order. */
export function cmsConfigYaml(ctx: CmsContext): string {
  return `# Generated by _config/cms/config.ts from the content schemas and _data: do not edit.\n${yaml.dump(JSON.parse(JSON.stringify(cmsConfig(ctx), (key, value: unknown) => (key === "requiredWith" ? undefined : value))), { lineWidth: -1, noRefs: true })}`;
}
