/** The browser tests' gate: skip loudly on a developer's machine, fail in CI. */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { browserSkipReason } from "../../helpers/browser.ts";

const KEYS = ["NEWSROOM_CHROMIUM", "CI", "NEWSROOM_REQUIRE_BROWSER"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) saved[k] === undefined ? delete process.env[k] : (process.env[k] = saved[k]);
});

function env(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
}

describe("browser gate", () => {
  it("runs when Chromium is there", () => {
    env({ NEWSROOM_CHROMIUM: process.execPath, CI: "true" });
    assert.equal(browserSkipReason(), undefined);
  });

  it("skips, with a reason, when Chromium is missing on a developer's machine", () => {
    env({ NEWSROOM_CHROMIUM: "/nonexistent/chromium" });
    assert.match(browserSkipReason()!, /Chromium not found at \/nonexistent\/chromium/);
  });

  for (const required of [{ CI: "true" }, { NEWSROOM_REQUIRE_BROWSER: "1" }]) {
    it(`fails when Chromium is missing and ${Object.keys(required)[0]} is set`, () => {
      env({ NEWSROOM_CHROMIUM: "/nonexistent/chromium", ...required });
      assert.throws(() => browserSkipReason(), /required here/);
    });
  }
});
