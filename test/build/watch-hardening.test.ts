/**
 * The dev server under hostile requests and signals (issue 13): bad request targets get
 * 400 or 404 and the server stays up; it listens on localhost only; it writes to
 * .cache/dev-site/, never dist/; SIGTERM stops it and frees its port.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startWatcher, type Watcher } from "../helpers/watch.ts";

/** A raw HTTP/1.1 request (fetch would normalise the path): the status code, or "closed". */
function rawRequest(port: number, target: string, host = "127.0.0.1"): Promise<number | "closed"> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]) || "closed"));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve("closed") : reject(error)));
  });
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

describe("serve: hostile requests and signals", { timeout: 120_000 }, () => {
  let w: Watcher;
  let port: number;
  before(async () => {
    port = 20000 + Math.floor(Math.random() * 20000);
    w = await startWatcher("good", { port });
  });
  after(() => w?.stop());

  it("answers traversal, broken encoding, NUL and a 100 KB URL with 400 or 404, and stays up", async () => {
    const targets = [
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/../../etc/passwd",
      "/%E0%A4%A",
      "/%",
      "/world/%00/",
      "/%5c..%5c..%5cetc%5cpasswd",
      `/${"a".repeat(100 * 1024)}`,
      "/no-such-page/",
    ];
    for (const target of targets) {
      const status = await rawRequest(port, target);
      assert.ok(status === 400 || status === 404, `${target.slice(0, 40)}: ${status}`);
    }
    assert.equal(await rawRequest(port, "/world/plain-story/"), 200, "the server is still up");
    assert.match(w.log(), /Server at http:\/\/localhost:\d+\//);
  });

  it("listens on localhost only, and writes to .cache/dev-site/, never dist/", async () => {
    assert.ok(existsSync(path.join(w.dir, ".cache/dev-site/world/plain-story/index.html")));
    assert.equal(existsSync(path.join(w.dir, "dist")), false, "dist/ only ever holds a production build");
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === "IPv4");
    if (external) await assert.rejects(rawRequest(port, "/", external.address), /ECONNREFUSED/, `reachable on ${external.address}`);
    const loopback = await rawRequest(port, "/").catch(() => rawRequest(port, "/", "::1"));
    assert.equal(loopback, 200);
  });

  it("SIGTERM stops it and frees the port", async () => {
    assert.equal(await portIsFree(port), false);
    w.signal("SIGTERM");
    await w.waitForExit();
    assert.equal(await portIsFree(port), true);
  });
});
