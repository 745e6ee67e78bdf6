/**
 * `npm run screenshots`: PNGs of the demo site where readers look: the home page, a
 * story, a section front and the search page with results, at phone (390 px) and
 * desktop (1280 px) width, in light and dark, into docs/screenshots/ (the first screen
 * of each; `-- --full` for whole pages). It builds the site into a temporary folder
 * with a fixed "now" (stable pictures), serves it on 127.0.0.1 with its own _headers
 * (so the CSP applies), and drives /usr/bin/chromium through playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../_config/build/index.ts";
import { launchBrowser, serveStatic } from "../test/helpers/browser.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs/screenshots");
const full = process.argv.includes("--full");

export const SHOTS = [
  { name: "home", url: "/" },
  { name: "story", url: "/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official/" },
  { name: "section", url: "/world/" },
  { name: "search", url: "/search/?q=river", waitFor: ".pagefind-ui__result" },
] as const;
export const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
export const SCHEMES = ["light", "dark"] as const;

process.env.NEWSROOM_ENV = "production";
process.env.NEWSROOM_NOW ??= "2026-11-26T12:00:00Z";
const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-screenshots-"));
try {
  await buildSite({ root: ROOT, input: path.join(ROOT, "src"), output: path.join(dir, "site"), quiet: true });
  const server = await serveStatic(path.join(dir, "site"));
  const browser = await launchBrowser();
  mkdirSync(OUT, { recursive: true });
  try {
    for (const shot of SHOTS) {
      for (const size of SIZES) {
        for (const scheme of SCHEMES) {
          const context = await browser.newContext({ viewport: size, colorScheme: scheme, deviceScaleFactor: 1, reducedMotion: "reduce" });
          try {
            const page = await context.newPage();
            await page.goto(server.origin + shot.url, { waitUntil: "networkidle" });
            if ("waitFor" in shot) await page.locator(shot.waitFor).first().waitFor({ timeout: 15_000 });
            await page.evaluate(() => document.fonts.ready);
            const file = path.join(OUT, `${shot.name}-${size.width}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: full, animations: "disabled", caret: "hide" });
            console.log(path.relative(ROOT, file));
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
