import http from "node:http";
import { expect } from "@playwright/test";

// A server started with WEB_CONCURRENCY=2 runs two processes sharing the port; the primary hands
// each new connection to the next worker in turn. So consecutive requests, each on a connection of
// its own, reach every process: what they all show, every process shows.

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function getOnNewConnection(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, connection: "close" }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const REQUESTS_PER_CHECK = 6;

// Until several requests in a row are cache hits: then every process holds the page, and a stale
// copy would be served if an invalidation failed to reach one of them.
export async function primeEveryProcess(url: string): Promise<string> {
  let hitsInARow = 0;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const response = await getOnNewConnection(url);
    expect(response.status, `GET ${url}`).toBe(200);
    hitsInARow = response.headers["x-page-cache"] === "HIT" ? hitsInARow + 1 : 0;
    if (hitsInARow >= REQUESTS_PER_CHECK) return response.body;
  }
  throw new Error(`${url} was never served from the cache of every process`);
}

// The very next requests, whichever process answers each, all pass `check`.
export async function expectEveryProcess(url: string, check: (response: RawResponse) => void): Promise<void> {
  for (let i = 0; i < REQUESTS_PER_CHECK; i += 1) check(await getOnNewConnection(url));
}
