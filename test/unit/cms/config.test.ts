/**
 * The CMS configuration generated from the content schemas (_config/cms/config.ts):
 * every key of the contract gets a field with the right widget and required flag, and
 * a key with no field (or no widget) fails here.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import yaml from "js-yaml";
import { z } from "zod";
import { cmsConfig, cmsConfigYaml, fieldOf, fieldPaths, fieldsOf, jsonSchemaOf, requiredWhenSet, storyFields, type CmsContext, type CmsField } from "../../../_config/cms/index.ts";
import { articleSchema, loadDataFile, type AuthorsData, type SectionsData, type SiteData } from "../../../_config/content/index.ts";
import { FIXTURES, ROOT } from "../../helpers/paths.ts";

const CONTRACT = path.resolve(ROOT, "../shared/CONTENT-CONTRACT.md");
const data = path.join(FIXTURES, "cms/_data");
const ctx: CmsContext = {
  site: loadDataFile(data, "site") as SiteData,
  sections: loadDataFile(data, "sections") as SectionsData,
  authors: loadDataFile(data, "authors") as AuthorsData,
};

interface Collection {
  name: string;
  folder?: string;
  path?: string;
  media_folder?: string;
  public_folder?: string;
  fields?: CmsField[];
  files?: { name: string; file: string; fields: CmsField[] }[];
}
const collections = (c = cmsConfig(ctx)) => c.collections as Collection[];
const stories = () => collections().find((c) => c.name === "articles")!;
const field = (fields: CmsField[], dotted: string): CmsField | undefined => {
  const [head, ...rest] = dotted.split(".");
  const f = fields.find((x) => x.name === head);
  return rest.length ? field(f?.fields ?? [], rest.join(".")) : f;
};

/** The keys of the contract's "Front matter" table (first column, in backticks). */
function contractKeys(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("Front matter"));
  assert.ok(section, "the contract has a Front matter section");
  return [...section.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]!);
}

describe("the generated CMS config", () => {
  it("a contract key with no field fails: every key of articleSchema and of the contract's table has a story field", () => {
    assert.ok(existsSync(CONTRACT), `the content contract must be at ${CONTRACT} (shared/ beside the project)`);
    const table = contractKeys(readFileSync(CONTRACT, "utf8"));
    assert.ok(table.length >= 10, `only ${table.length} keys read from the contract's table`);
    const generated = new Set(stories().fields!.map((f) => f.name));
    const schemaKeys = Object.keys(articleSchema.shape);
    assert.deepEqual(schemaKeys.filter((k) => !generated.has(k)), [], "schema keys without a field");
    assert.deepEqual(table.filter((k) => !generated.has(k)), [], "contract keys without a field");
    // and nothing the build would reject: every field but the body is a schema key
    assert.deepEqual([...generated].filter((k) => k !== "body" && !schemaKeys.includes(k)), []);
  });

  it("reads the contract's front-matter table, and every field of a story is a key of it", () => {
    assert.ok(existsSync(CONTRACT), `the content contract must be at ${CONTRACT} (shared/ beside the project)`);
    const table = contractKeys(readFileSync(CONTRACT, "utf8"));
    assert.ok(table.length >= 10 && table.includes("title") && table.includes("draft"), `read from the contract's table: ${table.join(", ")}`);
    const fields = stories().fields!.map((f) => f.name).filter((k) => k !== "body");
    assert.deepEqual(fields.filter((k) => !table.includes(k)), [], "fields the contract does not name");
  });

  it("would catch a key with no field, and names a key no widget fits", () => {
    const extended = articleSchema.extend({ mood: z.enum(["calm", "tense"]).optional() });
    assert.equal(fieldsOf(jsonSchemaOf(extended)).find((f) => f.name === "mood")?.widget, "select", "a key added to the schema gets a field by itself");
    assert.throws(() => fieldOf("when", jsonSchemaOf(z.union([z.string(), z.number()])), true), /no Decap widget for "when"/);
  });

  it("gives the contract's kind, dateline, language and corrections the right widgets as soon as the schema has them", () => {
    const date = articleSchema.shape.date;
    const extended = articleSchema.extend({
      kind: z.enum(["news", "analysis", "opinion", "review", "background", "explainer", "sponsored"]).optional(),
      dateline: z.string().min(1).optional(),
      language: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/).optional(),
      corrections: z.array(z.strictObject({ date, text: z.string().min(1), type: z.enum(["correction", "clarification"]).optional() })).optional(),
    });
    const fields = fieldsOf(jsonSchemaOf(extended));
    const f = (k: string) => field(fields, k)!;
    assert.deepEqual([f("kind").widget, f("kind").required, f("kind").options?.length], ["select", false, 7]);
    assert.deepEqual([f("dateline").widget, f("dateline").required], ["string", false]);
    assert.deepEqual([f("language").widget, f("language").pattern?.[0]], ["string", "^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$"]);
    assert.equal(f("corrections").widget, "list");
    assert.deepEqual(f("corrections").fields!.map((c) => [c.name, c.widget, c.required]), [["date", "datetime", true], ["text", "string", true], ["type", "select", false]]);
  });

  it("gives each front-matter key its widget and required flag", () => {
    const fields = stories().fields!;
    const w = (k: string) => [field(fields, k)?.widget, field(fields, k)?.required];
    assert.deepEqual(w("title"), ["string", true]);
    assert.deepEqual(w("description"), ["string", true]);
    assert.deepEqual(w("date"), ["datetime", true]);
    assert.deepEqual(w("updated"), ["datetime", false]);
    assert.deepEqual(w("section"), ["select", true]);
    assert.deepEqual(w("tags"), ["list", false]);
    assert.deepEqual(w("authors"), ["select", false]);
    assert.equal(field(fields, "authors")?.multiple, true);
    assert.deepEqual(w("image"), ["object", false]);
    assert.deepEqual(w("image.src"), ["image", false]);
    assert.deepEqual(w("source"), ["object", false]);
    assert.deepEqual(w("draft"), ["boolean", false]);
    assert.deepEqual(w("body"), ["markdown", false]);
    // sections and authors come from _data, labelled by their names
    assert.deepEqual(field(fields, "section")?.options, Object.entries(ctx.sections).map(([value, s]) => ({ label: s.title, value })));
    assert.deepEqual(field(fields, "authors")?.options, Object.entries(ctx.authors).map(([value, a]) => ({ label: a.name, value })));
    assert.deepEqual(field(fields, "body")?.editor_components, ["figure", "related"]);
  });

  it("requires a lead photo's src, alt and credit once there is a lead photo (Decap can't: the admin script checks them)", () => {
    const rules = requiredWhenSet(storyFields(ctx));
    assert.deepEqual(rules.image?.fields.map((f) => f.name), ["src", "alt", "credit"]);
    assert.deepEqual(rules.source?.fields.map((f) => f.name), ["name", "url"]);
    const site = { ...ctx.site, requireCredits: false };
    assert.deepEqual(requiredWhenSet(storyFields({ ...ctx, site })).image?.fields.map((f) => f.name), ["src", "alt"]);
  });

  it("stores stories in src/articles/{{year}}/ with their photos beside them, and the other collections", () => {
    const s = stories();
    assert.deepEqual([s.folder, s.path, s.media_folder, s.public_folder], ["src/articles", "{{year}}/{{slug}}", "", ""]);
    const config = cmsConfig(ctx);
    assert.deepEqual(config.slug, { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
    const pages = collections().find((c) => c.name === "pages")!;
    assert.equal(pages.folder, "src/pages");
    assert.deepEqual(pages.fields!.map((f) => [f.name, f.required]), [["title", true], ["description", true], ["updated", false], ["body", false]]);
    const files = collections().find((c) => c.name === "settings")!.files!;
    assert.deepEqual(files.map((f) => f.file), ["_data/site.yaml", "_data/sections.yaml", "_data/authors.yaml", "_data/front.yaml"]);
    // one object per section / author, with the schema's fields
    const sections = files.find((f) => f.name === "sections")!;
    assert.deepEqual(sections.fields.map((f) => f.name), Object.keys(ctx.sections));
    assert.deepEqual(sections.fields[0]!.fields!.map((f) => f.name).slice(0, 2), ["title", "description"]);
    assert.ok(fieldPaths(files.find((f) => f.name === "site")!.fields).includes("promo.url"));
    // the front page: the home list, and one list per section (a map in the file)
    const front = files.find((f) => f.name === "front")!;
    assert.deepEqual(fieldPaths(front.fields), ["home", "sections", ...Object.keys(ctx.sections).map((s) => `sections.${s}`)]);
  });

  it("uses the local backend in the dev server, and the site's git host in production", () => {
    const local = cmsConfig({ ...ctx, localBackend: "http://127.0.0.1:8123/api/v1" });
    assert.deepEqual(local.backend, { name: "proxy", proxy_url: "http://127.0.0.1:8123/api/v1", branch: "main" });
    assert.deepEqual(local.local_backend, { url: "http://127.0.0.1:8123/api/v1" });
    const site: SiteData = { ...ctx.site, cms: { backend: "github", repo: "example/newsroom", branch: "main", base_url: "https://auth.example.org" } };
    const prod = cmsConfig({ ...ctx, site });
    assert.deepEqual(prod.backend, { name: "github", repo: "example/newsroom", branch: "main", base_url: "https://auth.example.org" });
    assert.equal(prod.local_backend, undefined);
  });

  it("writes YAML that reads back as the same config, the same bytes every time, without internal keys", () => {
    const text = cmsConfigYaml(ctx);
    assert.equal(text, cmsConfigYaml(ctx));
    assert.doesNotMatch(text, /requiredWith/);
    const parsed = yaml.load(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), Object.keys(JSON.parse(JSON.stringify(cmsConfig(ctx)))));
  });
});
