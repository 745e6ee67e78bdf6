/**
 * html-validate over every page of a build, with the project's `.htmlvalidate.json`
 * (html-validate:recommended; every rule changed there is justified in docs/proof.md).
 * https://html-validate.org/dev/using-api.html
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { isHtml, type Finding } from "./files.ts";

const CONFIG_FILE = path.resolve(import.meta.dirname, "../../.htmlvalidate.json");

let validator: HtmlValidate | undefined;

function htmlValidate(): HtmlValidate {
  validator ??= new HtmlValidate(JSON.parse(readFileSync(CONFIG_FILE, "utf8")) as ConfigData);
  return validator;
}

/** Validates one HTML document; `file` names it in the findings. */
export async function validateHtml(html: string, file: string): Promise<Finding[]> {
  const report = await htmlValidate().validateString(html, file);
  return report.results.flatMap((r) =>
    r.messages.filter((m) => m.severity >= 2).map((m) => ({ check: `html-validate ${m.ruleId}`, file, line: m.line, message: m.message })),
  );
}

/** Validates every HTML page among `files` (site paths) under `dir`. */
export async function validatePages(dir: string, files: string[]): Promise<{ findings: Finding[]; pages: number }> {
  const pages = files.filter(isHtml);
  const findings: Finding[] = [];
  for (const page of pages) findings.push(...(await validateHtml(readFileSync(path.join(dir, page), "utf8"), page)));
  return { findings, pages: pages.length };
}
