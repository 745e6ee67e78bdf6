/**
 * Where the project and its fixtures are, and the tests' fixed "now": plain constants, so
 * a test that needs only these does not load the build (and Eleventy) through site.ts.
 */
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(ROOT, "test/fixtures");
/** a fixed "now" for every date-dependent test */
export const NOW = "2026-11-26T12:00:00Z";
