import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { finished } from "node:stream/promises";
import { collectCacheTags } from "../cache-tags";
import { pageCacheKeyFor } from "./cacheable-pages";
import type { CacheInvalidationWatcher } from "./invalidation-watcher";
import { preferredEncoding } from "./accept-encoding";
import { buildCachedPage, type CachedPage, type PageCacheStore } from "./page-cache-store";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type PageCacheHandler = {
  // Answers an anonymous GET or HEAD of a stored page from memory, synchronously, and says whether
  // it did. A stored page carries every response header it needs (security headers included), so
  // the server calls this before doing any other per-request work.
  serveStoredPage(req: IncomingMessage, res: ServerResponse): boolean;
  // Everything else: a miss is rendered by Next (once per key) and stored; the rest passes through.
  handle: RequestHandler;
};

type InFlightRender = { startedAt: number; page: Promise<CachedPage | null> };

// Told what happened to each request: hits are counted, everything else is timed and logged.
export type PageCacheObserver = {
  hit(status: 200 | 304): void;
  uncached(req: IncomingMessage, res: ServerResponse): void;
};

// Node writes a flat header list as it is, repeated names included, unless headers were already
// set on the response (a hit answered after the server's own headers, in handle()): then it sets
// each pair in turn and a repeated name keeps only its last value, so the list is grouped first.
function headersFor(res: ServerResponse, list: string[]): OutgoingHttpHeaders | string[] {
  if (res.getHeaderNames().length === 0) return list;
  const fields: Record<string, string | string[]> = {};
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i] as string;
    const value = list[i + 1] as string;
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return fields;
}

function sendCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage): 200 | 304 {
  const variant = page.variants[preferredEncoding(req.headers["accept-encoding"])];
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && ifNoneMatch.includes(page.etagBase)) {
    res.writeHead(304, headersFor(res, variant.notModifiedHeaders));
    res.end();
    return 304;
  }
  res.writeHead(200, headersFor(res, variant.hitHeaders));
  res.end(req.method === "HEAD" ? undefined : variant.body);
  return 200;
}

// Copies every byte Next writes to the client, so a miss is streamed to its visitor and stored.
function teeResponseBody(res: ServerResponse): Buffer[] {
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: unknown, encoding: unknown): Buffer | null => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
    if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return null;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const buffer = toBuffer(chunk, encoding);
    if (buffer) chunks.push(Buffer.from(buffer));
    return write(chunk, encoding, callback);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const buffer = toBuffer(chunk, encoding);
    if (buffer) chunks.push(Buffer.from(buffer));
    return end(chunk, encoding, callback);
  }) as ServerResponse["end"];
  return chunks;
}

function isStorable(res: ServerResponse, headers: OutgoingHttpHeaders, tags: Set<string>): boolean {
  if (res.statusCode !== 200 || tags.size === 0) return false;
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return false;
  return true;
}

// The page cache in front of Next: anonymous GETs of cacheable pages are answered from memory;
// a miss is rendered once by Next (concurrent requests for the same page wait for that render)
// and stored with the tags of everything the render read.
export function createPageCacheHandler({
  store,
  watcher,
  render,
  cacheControl,
  observer = { hit: () => undefined, uncached: () => undefined },
}: {
  store: PageCacheStore;
  watcher: CacheInvalidationWatcher;
  render: RequestHandler;
  cacheControl?: string;
  observer?: PageCacheObserver;
}): PageCacheHandler {
  const inFlight = new Map<string, InFlightRender>();

  async function renderAndStore(key: string, req: IncomingMessage, res: ServerResponse): Promise<CachedPage | null> {
    const startedAt = watcher.currentSequence;
    const tags = new Set<string>();
    const chunks = teeResponseBody(res);
    // Next renders the normalised URL, so the stored page matches its key exactly.
    req.url = key;
    res.setHeader("x-page-cache", "MISS");
    await collectCacheTags(tags, () => render(req, res));
    if (!res.writableFinished) await finished(res).catch(() => undefined);

    const headers = res.getHeaders();
    if (!isStorable(res, headers, tags) || !res.writableFinished) return null;
    watcher.sync();
    if (watcher.invalidatedSince(startedAt, tags)) return null;
    const page = buildCachedPage({ key, tags: [...tags], headers, body: Buffer.concat(chunks), cacheControl });
    store.set(page);
    return page;
  }

  function storedPageFor(key: string | null): CachedPage | undefined {
    if (key === null) return undefined;
    // Cheap when nothing changed (one PRAGMA), and makes a commit visible on the very next request.
    watcher.sync();
    return store.get(key);
  }

  function serveStoredPage(req: IncomingMessage, res: ServerResponse): boolean {
    const cached = storedPageFor(pageCacheKeyFor(req));
    if (!cached) return false;
    observer.hit(sendCachedPage(req, res, cached));
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = pageCacheKeyFor(req);
    if (key === null) {
      res.setHeader("x-page-cache", "BYPASS");
      observer.uncached(req, res);
      return render(req, res);
    }
    const cached = storedPageFor(key);
    if (cached) {
      observer.hit(sendCachedPage(req, res, cached));
      return;
    }
    if (req.method === "HEAD") {
      observer.uncached(req, res);
      return render(req, res);
    }

    const running = inFlight.get(key);
    // Joining is safe only if nothing was invalidated since that render began.
    if (running && running.startedAt === watcher.currentSequence) {
      const page = await running.page.catch(() => null);
      if (page) {
        observer.hit(sendCachedPage(req, res, page));
        return;
      }
      observer.uncached(req, res);
      return render(req, res);
    }
    observer.uncached(req, res);

    const started: InFlightRender = { startedAt: watcher.currentSequence, page: renderAndStore(key, req, res) };
    inFlight.set(key, started);
    try {
      await started.page;
    } finally {
      if (inFlight.get(key) === started) inFlight.delete(key);
    }
  }

  return { serveStoredPage, handle };
}
