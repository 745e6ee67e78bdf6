/**
 * The content contract as ONE set of zod schemas (shared/CONTENT-CONTRACT.md).
 * The TypeScript types the layouts use are inferred from these, so the contract,
 * the validation and the types cannot drift apart. Schemas only validate (no
 * transforms), so `z.infer` is exactly the data Eleventy hands to a layout.
 */
import { z } from "zod";
import { isLinkTarget, isReservedPath, RESERVED_PATHS } from "./urls.ts";

/** lowercase ASCII letters, digits and single hyphens */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(SLUG_PATTERN, {
  message: "a slug: lowercase ASCII letters, digits and single hyphens",
});

/** C0 control characters (and DEL) other than tab, newline and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Characters that show nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi marks. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]/g;

const visibleText = (s: string) => s.replace(INVISIBLE, "").trim().length > 0;
const noControls = (s: string) => !CONTROL.test(s);
const CONTROL_MESSAGE = "text without control characters (\\0, \\b, escape codes…); retype the text or paste it as plain text";

/** Any text an editor writes (bios, alt text, captions): no control characters. */
const text = z.string().trim().min(1).refine(noControls, { message: CONTROL_MESSAGE });

/** Plain text for headlines and deks: no HTML tags, no markdown emphasis/links. */
const plainText = z
  .string()
  .trim()
  .min(1, { message: "non-empty plain text" })
  .refine((s) => !/[\r\n]/.test(s), { message: "plain text on one line" })
  .refine(noControls, { message: CONTROL_MESSAGE })
  .refine(visibleText, { message: "visible text (it holds only invisible characters such as zero-width spaces)" });

/** ISO 8601 date-time with offset, or a date alone (read in the site's time zone). */
export const ISO_DATE_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
export const contentDateSchema = z.string().regex(ISO_DATE_PATTERN, {
  message:
    "an ISO 8601 date-time with offset (2022-10-04T09:00:00-04:00) or a date (2022-10-04)",
});

const httpUrl = z.url({ protocol: /^https?$/, message: "an absolute http(s) URL" });

export const imageSchema = z.strictObject({
  src: z.string().min(1, { message: "a photo path" }).refine(noControls, { message: CONTROL_MESSAGE }),
  alt: z.string().trim().min(1, { message: "alt text describing the photo" }).refine(noControls, { message: CONTROL_MESSAGE }),
  caption: text.optional(),
  credit: text.optional(),
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
  bio: text,
  url: httpUrl.optional(),
  photo: z.string().min(1).optional(),
  /** the author's profiles elsewhere (schema.org sameAs) */
  links: z.array(httpUrl).optional(),
});

/** The browser editor (Decap CMS at /admin/, _config/cms/): which git host it saves to. */
export const CMS_BACKENDS = ["github", "gitlab", "git-gateway"] as const;
export const cmsSchema = z
  .strictObject({
    /** github / gitlab: the editor logs in there; git-gateway: Netlify Identity */
    backend: z.enum(CMS_BACKENDS),
    /** owner/name on the git host (git-gateway: the site's own, may be left out) */
    repo: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { message: "a repository as owner/name" }).optional(),
    branch: z.string().regex(/^[\w./-]+$/, { message: "a git branch name" }),
    /** the OAuth server (GitHub: the auth endpoint's origin), or a self-hosted GitLab */
    base_url: httpUrl.optional(),
    /** the OAuth path on base_url (Decap's default: auth) */
    auth_endpoint: z.string().regex(/^[\w./-]+$/, { message: "a path like api/auth" }).optional(),
  })
  .refine((cms) => cms.backend === "git-gateway" || cms.repo !== undefined, { path: ["repo"], message: "a repository as owner/name (required for github and gitlab)" });
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
  /** the logo image: a site path (/assets/logo.svg) or an https URL */
  logo: z.string().min(1).refine(isLinkTarget, { message: "a site path starting with / (like /assets/logo.svg) or an absolute http(s) URL" }),
  pageSize: z.number().int().min(1).max(200),
  promo: z.strictObject({ text: plainText, url: z.string().refine(isLinkTarget, { message: "an absolute http(s) URL or a site path starting with / (not //)" }) }).optional(),
  /** render raw HTML in story bodies (off by default: shown as text) */
  rawHtml: z.boolean().optional(),
  /** every photo needs a credit */
  requireCredits: z.boolean().optional(),
  /** turns on the browser editor at /admin/ in production builds */
  cms: cmsSchema.optional(),
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

/** First path segments the site uses itself: a section named so would collide with them (urls.ts). */
export const RESERVED_SECTION_SLUGS = RESERVED_PATHS;

export const sectionsSchema = z
  .record(slugSchema, sectionSchema)
  .refine((s) => Object.keys(s).length > 0, { message: "at least one section" })
  .superRefine((s, ctx) => {
    for (const slug of Object.keys(s)) {
      if (isReservedPath(slug)) {
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
export type CmsSettings = z.infer<typeof cmsSchema>;
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
