/**
 * The CMS's local backend for `npm start`: decap-server's file-system middleware
 * (https://decapcms.org/docs/working-with-a-local-git-repository/), which writes what
 * the browser saves straight into the site folder, so a save goes through the same
 * watcher and rebuild as a save in a text editor.
 *
 * It runs as a child process (local-backend-server.ts) on 127.0.0.1 only, behind a
 * guard: the CMS may write stories and pages (`.md` under src/articles, src/pages),
 * the `_data` files, and photos of the types the image pipeline reads beside them;
 * any other path or file type is refused (422) before decap-server sees it, so
 * nothing uploaded can be code the build would run or a file it would publish raw.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PHOTO_TYPES } from "./config.ts";
import { localBackendPort, localBackendUrl } from "./admin.ts";

const PHOTO = new RegExp(`\\.(?:${PHOTO_TYPES.join("|")})$`, "i");
const ENTRY = /^(?:src\/(?:articles|pages)\/(?:[^/]+\/)*[^/]+\.md|_data\/(?:site|sections|authors|front)\.yaml)$/;
const MEDIA_DIR = /^src\/(?:articles|pages|media)(?:\/[^/]+)*$/;

/** A repository path the CMS may write: normalised, relative, no `..`, no dot-files. */
function clean(p: unknown): string | undefined {
  if (typeof p !== "string" || p.includes("\0") || p.includes("\\")) return undefined;
  const norm = path.posix.normalize(p).replace(/^\.\//, "").replace(/\/$/, "");
  if (norm.startsWith("/") || norm.split("/").some((seg) => seg === ".." || seg.startsWith("."))) return undefined;
  return norm;
}

export const isEntryPath = (p: unknown) => ENTRY.test(clean(p) ?? "");
export const isPhotoPath = (p: unknown) => {
  const c = clean(p);
  return !!c && PHOTO.test(c) && MEDIA_DIR.test(path.posix.dirname(c));
};

interface Body {
  action?: unknown;
  params?: Record<string, unknown>;
}

/** Why the guard refuses a decap-server request (undefined: let it through). */
export function localBackendRefusal(body: Body): string | undefined {
  const params = body.params ?? {};
  const entries: unknown[] = [];
  const photos: unknown[] = [];
  switch (body.action) {
    case "persistEntry": {
      const files = (Array.isArray(params.dataFiles) ? params.dataFiles : [params.entry]) as { path?: unknown; newPath?: unknown }[];
      for (const f of files) {
        entries.push(f?.path);
        if (f?.newPath !== undefined) entries.push(f.newPath);
      }
      for (const a of (Array.isArray(params.assets) ? params.assets : []) as { path?: unknown }[]) photos.push(a?.path);
      break;
    }
    case "persistMedia":
      photos.push((params.asset as { path?: unknown } | undefined)?.path);
      break;
    case "deleteFile":
      (isPhotoPath(params.path) ? photos : entries).push(params.path);
      break;
    case "deleteFiles":
      for (const p of Array.isArray(params.paths) ? params.paths : [undefined]) (isPhotoPath(p) ? photos : entries).push(p);
      break;
    default:
      return undefined; // reads: decap-server keeps them inside the site folder
  }
  for (const p of entries) if (!isEntryPath(p)) return `refused: ${String(p)} is not a story, page or _data file the CMS may write`;
  for (const p of photos) if (!isPhotoPath(p)) return `refused: ${String(p)} is not a photo (${PHOTO_TYPES.join(", ")}) beside a story or page`;
  return undefined;
}

/**
 * decap-server's `getMedia` answer for a folder, photos only: the media library shows
 * the photos beside a story, never the story files, data files or links next to them.
 */
export async function listMedia(root: string, folder: unknown): Promise<{ id: string; content: string; encoding: "base64"; path: string; name: string }[]> {
  const dir = clean(folder);
  if (dir === undefined || !MEDIA_DIR.test(dir)) return [];
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const photos = entries.filter((e) => e.isFile() && PHOTO.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    photos.map(async (name) => {
      const bytes = await readFile(path.join(root, dir, name));
      return { id: createHash("sha256").update(bytes).digest("hex"), content: bytes.toString("base64"), encoding: "base64" as const, path: `${dir}/${name}`, name };
    }),
  );
}

export interface LocalBackend {
  url: string;
  port: number;
  stop(): void;
}

const require = createRequire(import.meta.url);

/**
 * Starts the local backend for the site folder `root` and resolves once it listens.
 * The port is NEWSROOM_CMS_PORT or 8081 (`options.port` wins).
 */
export async function startLocalBackend(root: string, options: { port?: number; log?: (line: string) => void } = {}): Promise<LocalBackend> {
  const port = options.port ?? localBackendPort();
  const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "loader.mjs");
  const child: ChildProcess = spawn(process.execPath, ["--import", tsx, path.join(import.meta.dirname, "local-backend-server.ts")], {
    env: { ...process.env, PORT: String(port), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: path.resolve(root), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.once("exit", stop);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CMS local backend did not start on 127.0.0.1:${port} within 20 s\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("newsroom-cms-backend listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the CMS local backend exited (${code}) on 127.0.0.1:${port}${/EADDRINUSE/.test(output) ? ": the port is taken; set NEWSROOM_CMS_PORT" : ""}\n${output}`));
    });
  });
  child.stdout!.on("data", (chunk: Buffer) => options.log?.(String(chunk).trim()));
  child.stderr!.on("data", (chunk: Buffer) => options.log?.(String(chunk).trim()));
  return { url: localBackendUrl(port), port, stop };
}
