/**
 * Encoding one share image or social card into the image cache (files named by
 * content, written atomically). Runs in the encoder thread (share-encoder.ts).
 */
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { renderCard, type CardText } from "./social-card.ts";

/** What to encode: plain data, posted to the encoder thread. */
export type Job = { kind: "photo"; file: string; width: number; height: number; crop: boolean } | { kind: "card"; text: CardText };

async function encode(job: Job): Promise<Buffer> {
  if (job.kind === "card") return renderCard(job.text);
  const resize = job.crop ? { width: job.width, height: job.height, fit: "cover" as const, position: sharp.strategy.attention } : { width: job.width };
  return sharp(job.file).rotate().resize(resize).flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true, progressive: true }).toBuffer();
}

/** Encodes into the cache unless already there; returns the cached file. */
export async function cached(name: string, job: Job, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, name);
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, await encode(job));
  await rename(tmp, file);
  return file;
}
