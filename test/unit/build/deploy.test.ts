/**
 * The deploy recipes say what the README says: the GitHub Actions workflow's build
 * step runs the README's build command, its cache step keeps the folder the README
 * names as the build cache, and it publishes the folder the README deploys; the
 * Netlify configuration likewise.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import yaml from "js-yaml";
import { ROOT } from "../../helpers/paths.ts";

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = yaml.load(readFileSync(path.join(ROOT, ".github/workflows/deploy.yml"), "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const deploy = readme.slice(readme.indexOf("## Deploy"), readme.indexOf("\n## ", readme.indexOf("## Deploy") + 3));
const netlify = readFileSync(path.join(ROOT, "netlify.toml"), "utf8");
/** `key = "value"` of a TOML table (flat tables only: all netlify.toml needs) */
const toml = (table: string, key: string) => new RegExp(`^\\[${table}\\][^[]*?^\\s*${key}\\s*=\\s*"([^"]*)"`, "m").exec(netlify)?.[1];

/** the folder the README says the build keeps between builds ("Keep `.cache/` between builds") */
const cacheFolder = /\*\*Keep `([^`]+)\/` between builds\.\*\*/.exec(deploy)?.[1];
/** the build command of the README's Deploy section (its shell block) */
const buildCommand = /```sh\n(?:\S+=\S+ )*(npm run [a-z]+)\n```/.exec(deploy)?.[1];
/** the folder the README deploys ("`dist/` is the whole site") */
const siteFolder = /^`([^`]+)\/` is the whole site/m.exec(deploy)?.[1];

test("the README's Deploy section names a build command, a cache folder and a site folder", () => {
  assert.equal(buildCommand, "npm run build");
  assert.equal(cacheFolder, ".cache");
  assert.equal(siteFolder, "dist");
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  assert.ok(pkg.scripts[buildCommand.replace("npm run ", "")], "the build command is a package.json script");
});

test("the workflow builds on every push to main and deploys to GitHub Pages", () => {
  assert.deepEqual(workflow.on.push?.branches, ["main"]);
  assert.equal(workflow.permissions.pages, "write");
  assert.equal(workflow.permissions["id-token"], "write");
  const uses = steps.map((s) => s.uses?.replace(/@.*/, "")).filter(Boolean);
  for (const action of ["actions/checkout", "actions/cache", "actions/upload-pages-artifact", "actions/deploy-pages"]) assert.ok(uses.includes(action), action);
  const deployJob = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
  assert.ok(deployJob?.needs, "the deploy job waits for the build job");
});

test("the workflow's build and cache steps name the README's command and folders", () => {
  const runs = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
  assert.ok(runs.includes(buildCommand!), `a step runs ${buildCommand}: ${runs.join(" | ")}`);
  const cache = steps.find((s) => s.uses?.startsWith("actions/cache@"));
  assert.equal(cache?.with?.path, cacheFolder);
  const cacheAt = steps.indexOf(cache!);
  const buildAt = steps.findIndex((s) => s.run === buildCommand);
  assert.ok(cacheAt < buildAt, "the cache is restored before the build (and saved after the job)");
  // a new key per run (an entry is immutable), restoring the newest by prefix
  assert.match(cache!.with!.key!, /\$\{\{ github\.sha \}\}/);
  assert.ok(cache!.with!.key!.startsWith(cache!.with!["restore-keys"]!.trim()));
  const upload = steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
  assert.equal(upload?.with?.path, siteFolder);
  assert.ok(steps.indexOf(upload!) > buildAt);
});

test("netlify.toml builds with the README's command, publishes its folder and keeps its cache folder", () => {
  assert.equal(toml("build", "command"), buildCommand);
  assert.equal(toml("build", "publish"), siteFolder);
  const plugin = /^\[\[plugins\]\]\s*\n\s*package\s*=\s*"([^"]+)"/m.exec(netlify)?.[1];
  assert.ok(plugin, "netlify.toml names the cache plugin");
  const source = readFileSync(path.join(ROOT, plugin, "index.js"), "utf8");
  assert.match(source, new RegExp(`const CACHE = "${cacheFolder!.replace(".", "\\.")}";`));
  assert.match(source, /onPreBuild[\s\S]*utils\.cache\.restore\(CACHE\)/);
  assert.match(source, /onPostBuild[\s\S]*utils\.cache\.save\(CACHE\)/);
});
