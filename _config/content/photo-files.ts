/**
 * The photo library of one build: every raster image under `src/`, with its content
 * hash, dimensions and whether it decodes. Scanned (async, with sharp) before each
 * build, so that validation and layouts, which run synchronously, can ask about a
 * photo: `photoInfo(file)` for dimensions and hash, `photoProblem(file)` for errors.
 *
 * A full decode is the only reliable "is this image readable" test (a truncated JPEG
 * has a valid header), so its result is kept in `<cache>/photos.json` by content hash:
 * an unchanged photo is hashed, never decoded again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const PHOTO_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

export interface PhotoInfo {
  /** absolute path */
  file: string;
  /** first 12 hex digits of the SHA-256 of the bytes: names every processed copy */
  hash: string;
  width: number;
  height: number;
  format: string;
}

type Scanned = { ok: true; info: PhotoInfo } | { ok: false; error: string };
interface Decoded {
  width: number;
  height: number;
  format: string;
  error?: string;
}

const library = new Map<string, Scanned>();
const roots = new Set<string>();
const byStat = new Map<string, { key: string; scanned: Scanned }>();

export const hashBytes = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);

/** Decodes an image fully; returns its size, or why it can't be read. */
export async function decodePhoto(bytes: Buffer): Promise<Decoded> {
  try {
    const img = sharp(bytes, { failOn: "error" });
    const meta = await img.metadata();
    await img.stats(); // forces a full decode
    const rotated = (meta.orientation ?? 1) >= 5;
    return { width: rotated ? meta.height! : meta.width!, height: rotated ? meta.width! : meta.height!, format: meta.format ?? "unknown" };
  } catch (e) {
    return { width: 0, height: 0, format: "unknown", error: (e as Error).message.replace(/\s+/g, " ").trim() };
  }
}

async function listPhotos(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && PHOTO_EXTENSIONS.test(e.name) && !e.parentPath.includes(`${path.sep}node_modules`))
    .map((e) => path.resolve(e.parentPath, e.name));
}

/** Scans every photo under `inputDir`; decode results are cached in `<cacheDir>/photos.json`. */
export async function scanPhotos(inputDir: string, cacheDir: string): Promise<{ photos: number; decoded: number }> {
  const manifestFile = path.join(cacheDir, "photos.json");
  const manifest: Record<string, Decoded> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};
  let decoded = 0;
  roots.add(path.resolve(inputDir) + path.sep);
  const files = await listPhotos(inputDir);
  await Promise.all(
    files.map(async (file) => {
      const s = await stat(file);
      const key = `${s.size}:${s.mtimeMs}`;
      const seen = byStat.get(file);
      if (seen?.key === key) return void library.set(file, seen.scanned);
      const bytes = await readFile(file);
      const hash = hashBytes(bytes);
      let d = manifest[hash];
      if (!d) {
        d = manifest[hash] = await decodePhoto(bytes);
        decoded++;
      }
      const scanned: Scanned = d.error ? { ok: false, error: d.error } : { ok: true, info: { file, hash, width: d.width, height: d.height, format: d.format } };
      byStat.set(file, { key, scanned });
      library.set(file, scanned);
    }),
  );
  for (const file of library.keys()) if (file.startsWith(path.resolve(inputDir) + path.sep) && !files.includes(file)) library.delete(file);
  if (decoded) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(manifestFile, JSON.stringify(manifest));
  }
  return { photos: files.length, decoded };
}

/** Why a photo can't be used: unreadable, or outside every scanned folder (undefined when fine or nothing was scanned). */
export function photoProblem(file: string): string | undefined {
  const abs = path.resolve(file);
  if (roots.size && ![...roots].some((root) => abs.startsWith(root))) return `photo ${file} is outside the content folder; put it under src/`;
  const scanned = library.get(abs);
  return scanned && !scanned.ok ? `unreadable image ${file}: ${scanned.error}` : undefined;
}

/** Why a photo file can't be used: missing, unreadable or outside src/ (undefined when fine). */
export function unusablePhoto(file: string): string | undefined {
  return existsSync(file) ? photoProblem(file) : `photo file not found: ${file}`;
}

/** A scanned photo's hash and dimensions; throws if it was not scanned or is unreadable. */
export function photoInfo(file: string): PhotoInfo {
  const scanned = library.get(path.resolve(file));
  if (!scanned) throw new Error(`photo not found in the photo library (missing, or outside src/): ${file}`);
  if (!scanned.ok) throw new Error(`unreadable image ${file}: ${scanned.error}`);
  return scanned.info;
}
