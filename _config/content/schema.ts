/**
 * The content contract as ONE set of zod schemas (shared/CONTENT-CONTRACT.md).
 * The TypeScript types the layouts use are inferred from these, so the contract,
 * the validation and the types cannot drift apart. Schemas only validate (no
 * transforms), so `z.infer` is exactly the data Eleventy hands to a layout.
 */
import { z } from "zod";

/** lowercase ASCII letters, digits and single hyphens */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(SLUG_PATTERN, {
  message: "a slug: lowercase ASCII letters, digits and single hyphens",
});

/** Plain text for headlines and deks: no HTML tags, no markdown emphasis/links. */
const plainText = z
  .string()
  .trim()
  .min(1, { message: "non-empty plain text" })
  .refine((s) => !/[\r\n]/.test(s), { message: "plain text on one line" });

/** ISO 8601 date-time with offset, or a date alone (read in the site's time zone). */
export const ISO_DATE_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
export const contentDateSchema = z.string().regex(ISO_DATE_PATTERN, {
  message:
    "an ISO 8601 date-time with offset (2022-10-04T09:00:00-04:00) or a date (2022-10-04)",
});

const httpUrl = z.url({ protocol: /^https?$/, message: "an absolute http(s) URL" });

export const imageSchema = z.strictObject({
  src: z.string().min(1, { message: "a photo path" }),
  alt: z.string().trim().min(1, { message: "alt text describing the photo" }),
  caption: z.string().trim().min(1).optional(),
  credit: z.string().trim().min(1).optional(),
});

export const sourceSchema = z.strictObject({
  name: plainText,
  url: httpUrl,
});

/** The kinds of work the contract names; `news` is the default and carries no label. */
export const KINDS = ["news", "analysis", "opinion", "review", "background", "explainer", "sponsored"] as const;
export const kindSchema = z.enum(KINDS, { message: `one of ${KINDS.join(", ")}` });

/** A BCP 47 language tag: `uk`, `en-GB`, `zh-Hant-TW` */
export const languageSchema = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { message: "a BCP 47 language tag like en-GB or uk" });

export const CORRECTION_TYPES = ["correction", "clarification"] as const;
export const correctionSchema = z.strictObject({
  date: contentDateSchema,
  text: z.string().trim().min(1, { message: "the correction's text: what was wrong and what is right" }),
  type: z.enum(CORRECTION_TYPES, { message: `one of ${CORRECTION_TYPES.join(", ")}` }).optional(),
});

/** Front matter of a story: every key of the contract, and nothing else. */
export const articleSchema = z.strictObject({
  title: plainText,
  description: plainText,
  date: contentDateSchema,
  updated: contentDateSchema.optional(),
  section: slugSchema,
  tags: z.array(plainText).optional(),
  authors: z.array(slugSchema).optional(),
  image: imageSchema.optional(),
  source: sourceSchema.optional(),
  draft: z.boolean().optional(),
  kind: kindSchema.optional(),
  dateline: plainText.optional(),
  language: languageSchema.optional(),
  corrections: z.array(correctionSchema).optional(),
});

/** Front matter of a page that is not a story (src/pages/: about, ethics, contact…). */
export const pageSchema = z.strictObject({
  title: plainText,
  description: plainText,
  updated: contentDateSchema.optional(),
});

export const sectionSchema = z.strictObject({
  title: plainText,
  description: plainText,
  /** the default kind of the section's stories (an opinion desk: opinion) */
  kind: kindSchema.optional(),
});

export const authorSchema = z.strictObject({
  name: plainText,
  role: plainText,
  bio: z.string().trim().min(1),
  url: httpUrl.optional(),
  photo: z.string().min(1).optional(),
  /** the author's profiles elsewhere (schema.org sameAs) */
  links: z.array(httpUrl).optional(),
});

/** The policies a site may name (schema.org NewsMediaOrganization properties in brackets). */
export const POLICY_KEYS = ["ethics", "corrections", "diversity", "ownership", "feedback", "factChecking", "unnamedSources", "masthead"] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];
const sitePath = z.string().regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/, { message: "a site path like /about/ethics/ (slugs, ending in /)" });

export const siteSchema = z.strictObject({
  name: plainText,
  /** the newsroom's own byline when a story has neither authors nor a source */
  newsroom: plainText,
  /** absolute base URL; its path is the path prefix (https://example.org/news/ → /news/) */
  url: httpUrl,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { message: "a BCP 47 language tag like en-US" }),
  timezone: z.string().refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", {
    message: "an IANA time zone like America/New_York",
  }),
  description: plainText,
  logo: z.string().min(1),
  pageSize: z.number().int().min(1).max(200),
  promo: z.strictObject({ text: plainText, url: z.string().regex(/^(https?:\/\/|\/)\S*$/, { message: "an absolute http(s) URL or a site path starting with /" }) }).optional(),
  /** render raw HTML in story bodies (off by default: shown as text) */
  rawHtml: z.boolean().optional(),
  /** every photo needs a credit */
  requireCredits: z.boolean().optional(),
  /** the newsroom's policies: each a site path to one of its pages (src/pages/) */
  policies: z
    .strictObject({
      ethics: sitePath.optional(),
      corrections: sitePath.optional(),
      diversity: sitePath.optional(),
      ownership: sitePath.optional(),
      feedback: sitePath.optional(),
      factChecking: sitePath.optional(),
      unnamedSources: sitePath.optional(),
      masthead: sitePath.optional(),
    } satisfies Record<PolicyKey, unknown>)
    .optional(),
  /** syndicated stories (with `source`): `canonical` points rel=canonical at the source; `noindex` keeps them out of search engines */
  syndication: z.enum(["canonical", "noindex"], { message: "one of canonical, noindex" }).optional(),
  /** how stories' dates and times are written (_config/content/dates.ts DATE_STYLES); default ap */
  dateStyle: z.enum(["ap", "long"]).optional(),
});

/** First path segments the site uses itself: a section named so would collide with them. */
export const RESERVED_SECTION_SLUGS = ["archive", "assets", "authors", "corrections", "follow", "img", "page", "search", "topics"] as const;

export const sectionsSchema = z
  .record(slugSchema, sectionSchema)
  .refine((s) => Object.keys(s).length > 0, { message: "at least one section" })
  .superRefine((s, ctx) => {
    for (const slug of Object.keys(s)) {
      if ((RESERVED_SECTION_SLUGS as readonly string[]).includes(slug)) {
        ctx.addIssue({ code: "custom", path: [slug], message: `expected a section slug other than ${RESERVED_SECTION_SLUGS.join(", ")} (those URLs are the site's own)` });
      }
    }
  });
export const authorsSchema = z.record(slugSchema, authorSchema);

export type ArticleData = z.infer<typeof articleSchema>;
export type ImageData = z.infer<typeof imageSchema>;
export type Kind = z.infer<typeof kindSchema>;
export type CorrectionData = z.infer<typeof correctionSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
export type SectionData = z.infer<typeof sectionSchema>;
export type AuthorData = z.infer<typeof authorSchema>;
export type SiteData = z.infer<typeof siteSchema>;
export type SectionsData = z.infer<typeof sectionsSchema>;
export type AuthorsData = z.infer<typeof authorsSchema>;

/** One problem in one file: what `check` prints and what the build throws. */
export interface Problem {
  file: string;
  line?: number;
  key: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""} ${p.key}: ${p.message}`;
}

/** Turns zod issues into Problems naming the key path and what was expected. */
export function zodProblems(file: string, error: z.ZodError, lineOf?: (key: string) => number | undefined): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => {
        const key = [...issue.path, k].join(".");
        return { file, line: lineOf?.(key), key, message: "unknown key (not in the content contract; a typo?)" };
      });
    }
    const key = issue.path.map(String).join(".") || "(front matter)";
    return [{ file, line: lineOf?.(key), key, message: describeIssue(issue) }];
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const got = (issue as { input?: unknown }).input;
    if (got === undefined) return `required: expected ${issue.expected}`;
    return `expected ${issue.expected}, got ${describeValue(got)}`;
  }
  if (issue.code === "too_small" && issue.origin === "string") return `expected ${issue.message.replace(/^expected /, "")}`;
  return `expected ${issue.message.replace(/^(Invalid input: )?expected /i, "")}`;
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

/** A content mistake: carries every problem found, and prints them one a line. */
export class ContentError extends Error {
  readonly problems: Problem[];
  /** Eleventy's error log prints the message only, not a stack trace (the problem is in content, not code) */
  readonly skipOriginalStack = true;
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}
