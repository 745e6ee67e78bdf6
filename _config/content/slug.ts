/**
 * `slug(text)`: exactly `@sindresorhus/slugify(text, { decamelize: false })`, fast.
 *
 * slugify transliterates first, and transliterate compiles one RegExp per entry of
 * its ~1,900-entry replacement table on every call (≈1.5 ms each): with a heading id
 * per heading and a topic slug per tag per card, that was half of a 1,000-story build
 * (docs/performance.md). Two changes, neither altering any result:
 *  - ASCII text (nearly every headline, heading and tag) skips transliteration: no
 *    key of its table matches pure ASCII (the keycap emoji keys all hold U+FE0F), so
 *    transliterating ASCII only does slugify's `&` → " and " and drops the two ASCII
 *    diacritics `^` and `` ` ``; the rest is slugify's own steps, copied in order.
 *  - every result is memoized (tags repeat on every card and page).
 * test/unit/slug.test.ts checks it against slugify on a table and on random strings.
 */
import slugify from "@sindresorhus/slugify";
import translitModule from "cyrillic-to-translit-js";

// A CommonJS package whose types describe an ES default export: the import is
// module.exports, which is that function itself (the one untyped boundary here).
const cyrillicToTranslit = translitModule as unknown as typeof translitModule.default;

const memo = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

function asciiSlug(text: string): string {
  return text
    .replace(/&/g, " and ")
    .replace(/[\^`]/g, "")
    .toLowerCase()
    .replace(/([a-zA-Z\d]+)'([ts])(\s|$)/g, "$1$2$3")
    .replace(/[^a-z\d]+/g, "-")
    .replace(/\\/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
}

export function slug(text: string): string {
  let result = memo.get(text);
  if (result === undefined) {
    result = ASCII.test(text) ? asciiSlug(text) : slugify(text, { decamelize: false });
    memo.set(text, result);
  }
  return result;
}

/**
 * Romanizations by language, where a maintained library follows the language's own
 * national standard. Ukrainian: the national system of 2010 (Cabinet of Ministers
 * resolution 55, 27 January 2010; `cyrillic-to-translit-js`'s "uk" preset, which gives
 * the resolution's examples: Згорани → Zghorany, Знам'янка → Znamianka, Їжакевич →
 * Yizhakevych). Every other language and script goes through slugify's transliteration.
 */
const ROMANIZERS: Record<string, (text: string) => string> = {
  uk: (text) => ukrainian.transform(text),
};
const ukrainian = cyrillicToTranslit({ preset: "uk" });

/** The slug of a headline in a language (a BCP 47 tag; its primary subtag picks the romanization). */
export function slugForLanguage(text: string, language?: string): string {
  const romanize = ROMANIZERS[(language ?? "").toLowerCase().split("-")[0]!];
  return slug(romanize ? romanize(text) : text);
}

/** The languages with a national romanization (the rest use slugify's). */
export const ROMANIZED_LANGUAGES = Object.keys(ROMANIZERS);
