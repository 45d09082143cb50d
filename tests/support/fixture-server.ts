// A local HTTP server for recorded API answers, so tests (and a newcomer's first ingest) never
// touch the internet. Routes decide what to answer; files are streamed, not read whole.
import { createReadStream } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

export type FixtureReply = {
  status?: number;
  /** Defaults from the file's extension, else XML. */
  type?: string;
  headers?: Record<string, string>;
  body?: string;
  /** A file to stream, relative to tests/fixtures or absolute. */
  file?: string;
  /** Drop the connection after this many bytes of body, as a failing network does. */
  hangUpAfter?: number;
};

export type FixtureRoute = (url: URL) => FixtureReply | undefined | Promise<FixtureReply | undefined>;

export type FixtureServer = { url: string; requests: URL[]; close: () => Promise<void> };

const TYPES: Record<string, string> = {
  ".xml": "application/atom+xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

export async function startFixtureServer(route: FixtureRoute, port = 0): Promise<FixtureServer> {
  const requests: URL[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(url);
    let reply: FixtureReply | undefined;
    try {
      reply = await route(url);
    } catch (error) {
      reply = { status: 500, type: "text/plain", body: String(error) };
    }
    reply ??= { status: 404, type: "application/json", body: JSON.stringify({ error: `No fixture for ${url.pathname}${url.search}` }) };
    const file = reply.file && (path.isAbsolute(reply.file) ? reply.file : path.join(fixturesDir, reply.file));
    response.writeHead(reply.status ?? 200, {
      "content-type": reply.type ?? TYPES[path.extname(file ?? "")] ?? TYPES[".xml"]!,
      ...reply.headers,
    });
    if (reply.hangUpAfter !== undefined) {
      response.flushHeaders();
      response.write((reply.body ?? "").slice(0, reply.hangUpAfter), () => response.socket?.destroy());
    } else if (file) {
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    } else {
      response.end(reply.body ?? "");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
