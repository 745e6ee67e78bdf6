/**
 * The local backend process (started by local-backend.ts): decap-server's file-system
 * middleware on an express app (both from the decap-server package), listening on
 * BIND_HOST:PORT, with Newsroom's guard in front of it. Environment: PORT, BIND_HOST,
 * GIT_REPO_DIRECTORY (the site folder), LOG_LEVEL.
 */
import { createRequire } from "node:module";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { listMedia, localBackendRefusal } from "./local-backend.ts";

interface Request {
  body?: unknown;
}
interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}
type Handler = (req: Request, res: Response, next: () => void) => void;
interface App {
  use(handler: Handler): void;
  post(path: string, handler: Handler): void;
  listen(port: number, host: string, ready: () => void): { on(event: "error", listener: (e: Error) => void): void };
}

// express and decap-server's middleware ship untyped JavaScript: typed here, at the one boundary.
const decap = createRequire(import.meta.url).resolve("decap-server/package.json");
const fromDecap = createRequire(decap);
const express = fromDecap("express") as () => App;
const { registerLocalFs } = fromDecap("./dist/middlewares.js") as { registerLocalFs(app: App, options: { logLevel?: string }): Promise<void> };

const port = Number(process.env.PORT);
const host = process.env.BIND_HOST ?? "127.0.0.1";
const app = express();
const root = path.resolve(process.env.GIT_REPO_DIRECTORY ?? process.cwd());
const guard: Handler = (req, res, next) => {
  const body = (req.body ?? {}) as Parameters<typeof localBackendRefusal>[0];
  if (body.action === "getMedia") {
    listMedia(root, body.params?.mediaFolder).then(
      (media) => res.json(media),
      (e: Error) => res.status(500).json({ error: e.message }),
    );
    return;
  }
  const refusal = localBackendRefusal(body);
  if (refusal) {
    console.error(`[newsroom] cms: ${refusal}`);
    res.status(422).json({ error: refusal });
    return;
  }
  const assets = body.action === "persistEntry" && Array.isArray(body.params?.assets) ? (body.params.assets as { path: string; content: string; encoding: BufferEncoding }[]) : [];
  if (!assets.length) return next();
  // A new story and its photos arrive in one request. The photos are written first and
  // the story a moment later, so the dev server's watcher sees them as two changes:
  // Eleventy 3.1.8's incremental build fails when a new template arrives in the same
  // batch as another file (docs/cms.md). The guard checked every path above.
  Promise.all(
    assets.map(async (a) => {
      const file = path.join(root, path.posix.normalize(a.path));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, Buffer.from(a.content, a.encoding));
    }),
  ).then(
    async () => {
      body.params!.assets = [];
      await sleep(1500);
      next();
    },
    (e: Error) => res.status(500).json({ error: e.message }),
  );
};
// decap-server adds its CORS and JSON middlewares, then its /api/v1 handlers: the guard
// goes right before the first of those, so refusals still carry CORS headers.
let guarded = false;
const guardedApp = {
  use: (handler: Handler) => app.use(handler),
  post: (route: string, handler: Handler) => {
    if (!guarded) app.post(route, guard);
    guarded = true;
    app.post(route, handler);
  },
} as App;
await registerLocalFs(guardedApp, { logLevel: process.env.LOG_LEVEL ?? "warn" });
app
  .listen(port, host, () => console.log(`newsroom-cms-backend listening on ${host}:${port}`))
  .on("error", (e) => {
    console.error(String(e));
    process.exit(1);
  });
