/**
 * Eleventy never deletes output. In a long dev session that leaves pages no template
 * writes any more: a deleted story, the old URL of a renamed story or of a story moved
 * to another section, the last page of a list that got shorter. This ledger remembers
 * which template wrote which files and deletes the ones that went stale.
 */
import type { EleventyResult } from "@11ty/eleventy";
import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";

export class StaleOutputs {
  /** input path → output files it wrote last time it was rendered */
  readonly written = new Map<string, Set<string>>();
  /** input path → output files the running pass has begun to write (seen by a transform) */
  private readonly begun = new Map<string, Set<string>>();

  /**
   * A page the running pass is about to write (a transform sees it before the write).
   * A pass that fails part-way has written some pages by then; what it wrote stays known.
   */
  note(input: string, output: string): void {
    if (!this.begun.has(input)) this.begun.set(input, new Set());
    this.begun.get(input)!.add(path.normalize(output));
  }

  /**
   * The running pass failed. The pages it wrote before failing are on disk: they join the
   * ledger, so the next full pass deletes any no template writes any more (a story deleted
   * while a pass read it, say), instead of serving them for the rest of the session.
   */
  abandon(): void {
    for (const [input, files] of this.begun) {
      if (!this.written.has(input)) this.written.set(input, new Set());
      for (const file of files) this.written.get(input)!.add(file);
    }
    this.begun.clear();
  }

  /**
   * Records a build's results and deletes outputs gone stale. In a full build every
   * template is in `results`; in an incremental one only the re-rendered ones.
   * `kept`: outputs a template still writes but this build left as they were
   * (dev-incremental.ts), input path → output paths.
   */
  async update(results: EleventyResult[], fullBuild: boolean, kept = new Map<string, Set<string>>()): Promise<string[]> {
    this.begun.clear(); // the results name every page this pass wrote
    const now = new Map<string, Set<string>>();
    for (const [input, files] of kept) now.set(input, new Set([...files].map((f) => path.normalize(f))));
    for (const r of results) {
      if (!now.has(r.inputPath)) now.set(r.inputPath, new Set());
      if (typeof r.outputPath === "string") now.get(r.inputPath)!.add(path.normalize(r.outputPath));
    }
    const candidates = new Set<string>();
    for (const [input, before] of this.written) {
      if (!now.has(input) && !fullBuild) continue;
      const after = now.get(input) ?? new Set();
      for (const file of before) if (!after.has(file)) candidates.add(file);
    }
    for (const [input, after] of now) this.written.set(input, after);
    if (fullBuild) for (const input of [...this.written.keys()]) if (!now.has(input)) this.written.delete(input);
    const stillWritten = new Set([...this.written.values()].flatMap((s) => [...s]));
    const removed: string[] = [];
    for (const file of candidates) {
      if (stillWritten.has(file)) continue;
      await rm(file, { force: true });
      await removeEmptyDir(path.dirname(file));
      removed.push(file);
    }
    return removed.sort();
  }
}

async function removeEmptyDir(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length === 0) await rmdir(dir);
  } catch {
    // not empty, or already gone
  }
}
