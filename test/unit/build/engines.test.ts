/**
 * The Node versions package.json promises (`engines`) are ones every installed
 * dependency accepts: `npm install` on the oldest promised Node of each line prints no
 * EBADENGINE warning (issue 13, case 16).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import semver from "semver";
import { ROOT } from "../../helpers/paths.ts";

interface LockPackage {
  engines?: { node?: string } | string[];
  optional?: boolean;
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> };

/** The oldest version of each line a range allows: "^20.19.0 || >=22.12.0" → 20.19.0, 22.12.0. */
const oldest = (range: string) => new semver.Range(range).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(" ")))!.version);

it("every dependency accepts the oldest Node of each line that engines promises, and so does this Node", () => {
  const promised = oldest(pkg.engines.node);
  assert.deepEqual(promised, ["20.19.0", "22.12.0"]);
  assert.ok(semver.satisfies(process.version, pkg.engines.node), `${process.version} is not in engines (${pkg.engines.node})`);
  const refused: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    // optional packages are platform builds (sharp's win32-ia32 …) that npm skips elsewhere
    if (!where || !range || entry.optional) continue;
    for (const version of promised) if (!semver.satisfies(version, range)) refused.push(`${where} needs node ${range}; engines promises ${version}`);
  }
  assert.deepEqual(refused, []);
});

it("would catch a dependency that needs a newer Node", () => {
  assert.equal(semver.satisfies("20.19.0", ">=22"), false); // eleventy-img 7's engines, the case this guards
  assert.deepEqual(oldest(">=18 <19 || ^20.0.0"), ["18.0.0", "20.0.0"]);
});
