/**
 * Front matter, read the way Eleventy reads it (YAML, core schema: dates stay strings
 * so luxon reads them in the site's zone), plus what editors need from errors: the
 * line of each key.
 */
import yaml from "js-yaml";
import { readFileSync } from "node:fs";

const FENCE = /^---[ \t]*$/;

/** Front matter longer than this is refused before it is parsed (long text belongs in the body). */
export const FRONT_MATTER_MAX_BYTES = 64 * 1024;
/** A `_data` file longer than this is refused before it is parsed. */
export const DATA_FILE_MAX_BYTES = 1024 * 1024;

/**
 * YAML that is refused before anything expensive happens: anchors and aliases (`&a`,
 * `*a`: a 17-line "billion laughs" expands to gigabytes in whatever copies the data),
 * and text over a size limit. Shaped like js-yaml's own errors (`reason`, `mark.line`,
 * 0-based), so every caller reports it with the file's line like a syntax error.
 */
export class YamlRefused extends Error {
  readonly reason: string;
  readonly mark: { line: number };
  constructor(reason: string, line: number) {
    super(reason);
    this.reason = reason;
    this.mark = { line };
  }
}

/** The YAML engine Eleventy uses for front matter and `_data/*.yaml`, with the limits above. */
export function parseYaml(source: string, maxBytes = FRONT_MATTER_MAX_BYTES): unknown {
  const bytes = Buffer.byteLength(source);
  // reported on the first line of YAML (Eleventy's text starts with the fence's newline)
  if (bytes > maxBytes) throw new YamlRefused(`${Math.ceil(bytes / 1024)} KB of YAML; the limit is ${maxBytes / 1024} KB (long text belongs in the body)`, source.startsWith("\n") ? 1 : 0);
  return (
    yaml.load(source, {
      schema: yaml.CORE_SCHEMA,
      // js-yaml calls this as each node closes; a node with an anchor is refused there,
      // before any alias can point at it (an alias needs an anchor defined first).
      listener(event, state) {
        const s = state as unknown as { anchor: string | null; line: number };
        if (event === "close" && s.anchor !== null) {
          throw new YamlRefused(`YAML anchors and aliases (&${s.anchor}, *${s.anchor}) are not allowed; write each value out`, s.line);
        }
      },
    }) ?? {}
  );
}

/** "malformed YAML: …" for a syntax error; a refused construct says what it is. */
export function yamlReason(e: unknown): string {
  if (e instanceof YamlRefused) return e.reason;
  return `malformed YAML: ${(e as { reason?: string }).reason ?? (e as Error).message}`;
}

/**
 * The front-matter engine given to Eleventy: the same YAML, but a syntax error reads
 * as an editor's problem (Eleventy prefixes it with the file's path).
 */
export function parseFrontMatterYaml(source: string): unknown {
  try {
    return parseYaml(source);
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    // Eleventy hands over the text right after the opening "---", so YAML line 0 is file line 1.
    const line = mark?.line !== undefined ? mark.line + 1 : 1;
    // skipOriginalStack: Eleventy prints the editor's problem without a stack trace.
    // Eleventy's wrapper names the file; errorMessages (dev/status.ts) joins the two into
    // the `file:line key: message` line `npm run check` prints.
    throw Object.assign(new YamlProblem(`(front matter): ${yamlReason(e)} (file line ${line})`, line), { skipOriginalStack: true, yamlReason: yamlReason(e) });
  }
}

export interface FrontMatter {
  /** parsed front matter, or null when the file has none */
  data: unknown;
  /** raw front-matter lines (without fences) */
  lines: string[];
  /** number of lines before the body starts (0 without front matter) */
  bodyOffset: number;
  body: string;
}

export function splitFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return { data: null, lines: [], bodyOffset: 0, body: text };
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) throw new YamlProblem("front matter is never closed; expected a line with ---", 1);
  const fm = lines.slice(1, end);
  let data: unknown;
  try {
    data = parseYaml(fm.join("\n"));
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    throw new YamlProblem(yamlReason(e), mark?.line !== undefined ? mark.line + 2 : 1);
  }
  return { data, lines: fm, bodyOffset: end + 1, body: lines.slice(end + 1).join("\n") };
}

export class YamlProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly key = "(front matter)",
  ) {
    super(message);
  }
}

/** A file's text; bytes that are not UTF-8 are an error naming the line, not a silent U+FFFD. */
export function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    const line = text.slice(0, text.indexOf("\uFFFD")).split("\n").length;
    throw new YamlProblem("the file is not valid UTF-8; save it as UTF-8 (Unicode) text", line, "(encoding)");
  }
}

export function readFrontMatter(file: string): FrontMatter {
  return splitFrontMatter(readUtf8(file));
}

/** 1-based file line of a key path like "image.alt" in the front matter, if found. */
export function lineOfKey(fmLines: string[], key: string): number | undefined {
  const parts = key.split(".").filter((p) => !/^\d+$/.test(p));
  let from = 0;
  let indent = -1;
  let found: number | undefined;
  for (const part of parts) {
    found = undefined;
    for (let i = from; i < fmLines.length; i++) {
      const m = /^(\s*)([^\s:#][^:]*?)\s*:/.exec(fmLines[i]!);
      if (!m) continue;
      if (m[1]!.length <= indent) break;
      if (m[2] === part) {
        found = i;
        indent = m[1]!.length;
        from = i + 1;
        break;
      }
    }
    if (found === undefined) return undefined;
  }
  return found === undefined ? undefined : found + 2;
}

/**
 * Index of a text's first body line, from its fences alone (no YAML parse): after the
 * closing `---`, or 0 without (or with unclosed) front matter. A leading BOM is allowed.
 */
export function bodyStart(lines: string[]): number {
  if (!FENCE.test((lines[0] ?? "").replace(/^\uFEFF/, ""))) return 0;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  return end < 0 ? 0 : end + 1;
}

/** Lines before the body of a file: to turn a body line into a file line. */
export function bodyLineOffset(file: string): number {
  try {
    return readFrontMatter(file).bodyOffset;
  } catch {
    return 0;
  }
}

/** 1-based file line of the `index`-th item of a top-level list key (`corrections:` then `- …`), if found. */
export function lineOfListItem(fmLines: string[], key: string, index: number): number | undefined {
  const start = lineOfKey(fmLines, key);
  if (start === undefined) return undefined;
  let seen = -1;
  for (let i = start - 1; i < fmLines.length; i++) {
    const line = fmLines[i]!;
    if (i > start - 1 && /^\S/.test(line)) break; // the next top-level key
    if (/^\s*-\s/.test(line) || (i === start - 1 && /:\s*\[/.test(line))) seen++;
    if (seen === index && /^\s*-\s/.test(line)) return i + 2;
  }
  return start;
}

/**
 * 1-based file line of a key path that may run through a list (`corrections.2.text`):
 * the key's line inside that item, else the item's line; other paths as `lineOfKey`.
 */
export function lineOfPath(fmLines: string[], key: string): number | undefined {
  const m = /^([^.]+)\.(\d+)(?:\.([^.]+))?$/.exec(key);
  if (!m) return lineOfKey(fmLines, key);
  const item = lineOfListItem(fmLines, m[1]!, Number(m[2]));
  if (item === undefined || !m[3]) return item;
  const start = item - 2; // index into fmLines
  const indent = /^(\s*)/.exec(fmLines[start] ?? "")![1]!.length;
  for (let i = start; i < fmLines.length; i++) {
    const line = fmLines[i]!;
    if (i > start && (/^\S/.test(line) || new RegExp(`^\\s{${indent}}-\\s`).test(line))) break; // the next item or key
    if (new RegExp(`^\\s*(?:-\\s+)?${m[3].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`).test(line)) return i + 2;
  }
  return item;
}
