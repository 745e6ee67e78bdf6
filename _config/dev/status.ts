/**
 * The dev server's build status: whether the last rebuild worked and, if not, what
 * the editor must fix. Content mistakes are explained by `check` (every problem, as
 * `file:line key: message`); anything else (a layout or code error) by the error's
 * own messages. Shown in the terminal and, through dev-overlay.ts, in the browser.
 */
import { checkSite, type CheckOptions } from "./check.ts";
import { ContentError, formatProblem } from "../content/index.ts";

export interface BuildState {
  ok: boolean;
  /** one line per problem */
  problems: string[];
  /** ISO time of the last build */
  at: string;
  /** increases with every build, so clients notice a new result */
  build: number;
}

/** An error and its causes, outermost first (Eleventy wraps errors as `originalError`). */
export function* errorChain(error: unknown): Generator<unknown> {
  for (let e: unknown = error; e; e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause) {
    yield e;
    if (!(e instanceof Error)) return;
  }
}

/** Eleventy's wrapper around a front-matter engine's error names the template. */
const FRONT_MATTER_WRAPPER = /^Having trouble reading front matter from template (\S+)$/;

/** Messages of an error and its causes, line by line, without repeats. */
export function errorMessages(error: unknown): string[] {
  const lines: string[] = [];
  let template: string | undefined;
  for (const e of errorChain(error)) {
    let message = e instanceof Error ? e.message : String(e);
    // A YAML problem in front matter (frontmatter.ts) and the file Eleventy names around it
    // make the same `file:line key: message` line `npm run check` prints.
    const reason = (e as { yamlReason?: unknown }).yamlReason;
    if (template && typeof reason === "string") {
      message = formatProblem({ file: template.replace(/^\.\//, ""), line: (e as { line?: number }).line, key: "(front matter)", message: reason });
    }
    template = FRONT_MATTER_WRAPPER.exec(message)?.[1];
    for (const line of message.split("\n")) if (line.trim() && !lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** A failure caused by content (a story's front matter or blocks, a _data file), which `check` explains. */
export function isContentFailure(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (e instanceof ContentError || (e as Error).name === "YAMLException" || /front matter/i.test((e as Error).message ?? "")) return true;
  }
  return false;
}

/** Why a build failed, in the editor's terms: every content problem, else the error itself. */
export function explainFailure(error: unknown, folders: CheckOptions): string[] {
  let problems: string[] = [];
  try {
    problems = checkSite(folders).problems.map(formatProblem);
  } catch {
    // check itself could not run (a missing folder): the error says enough
  }
  if (problems.length && isContentFailure(error)) return problems;
  return [...errorMessages(error), ...(problems.length ? ["", "Content problems (npm run check):", ...problems] : [])];
}

export class BuildStatus {
  state: BuildState = { ok: true, problems: [], at: new Date().toISOString(), build: 0 };

  succeed(): void {
    this.state = { ok: true, problems: [], at: new Date().toISOString(), build: this.state.build + 1 };
  }

  fail(problems: string[]): void {
    this.state = { ok: false, problems, at: new Date().toISOString(), build: this.state.build + 1 };
  }
}
