import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import type { OutgoingHttpHeaders } from "node:http";
import { policyForStoredPage } from "../content-security-policy";

export type Encoding = "br" | "gzip" | "identity";

// `headers` describe the stored page; `hitHeaders` and `notModifiedHeaders` are the exact header
// lists a hit answers with, built once so that serving a hit allocates nothing. They are flat
// [name, value, name, value, …] lists, which Node writes without walking an object's keys.
type Variant = {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  hitHeaders: string[];
  notModifiedHeaders: string[];
};

export function flatHeaderList(headers: OutgoingHttpHeaders): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) list.push(name, String(one));
  }
  return list;
}

// Browsers (and any shared cache) must revalidate with the ETag before reusing a page. An operator
// with a CDN in front may let it keep pages for `cdnMaxAgeSeconds`, the only staleness allowed.
export function publicCacheControl(cdnMaxAgeSeconds: number): string {
  return cdnMaxAgeSeconds > 0 ? `public, max-age=0, s-maxage=${cdnMaxAgeSeconds}` : "public, no-cache";
}

export type CachedPage = {
  key: string;
  tags: readonly string[];
  etagBase: string;
  variants: Record<Encoding, Variant>;
  bytes: number;
};

// Headers that belong to one response, not to the page: recomputed or dropped when serving.
const perResponseHeaders = new Set([
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "etag",
  "keep-alive",
  "set-cookie",
  "transfer-encoding",
  "vary",
  "x-page-cache",
]);

function mergeVary(nextVary: OutgoingHttpHeaders[string]): string {
  const values = String(nextVary ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  return [...new Set(["Accept-Encoding", ...values])].join(", ");
}

// Compression and hashing happen once, when a page is stored; a hit only picks bytes.
export function buildCachedPage({
  key,
  tags,
  headers,
  body,
  cacheControl = publicCacheControl(0),
}: {
  key: string;
  tags: readonly string[];
  headers: OutgoingHttpHeaders;
  body: Buffer;
  cacheControl?: string;
}): CachedPage {
  // The render's nonce is replaced by the hashes of its inline scripts (lib/content-security-policy.ts).
  ({ headers, body } = policyForStoredPage(headers, body));
  const etagBase = createHash("sha256").update(body).digest("base64url").slice(0, 32);
  const pageHeaders: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !perResponseHeaders.has(name.toLowerCase())) pageHeaders[name.toLowerCase()] = value;
  }
  pageHeaders["cache-control"] = cacheControl;
  pageHeaders.vary = mergeVary(headers.vary);

  const variant = (encoding: Encoding, encoded: Buffer, suffix: string): Variant => {
    const headers: OutgoingHttpHeaders = {
      ...pageHeaders,
      ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
      "content-length": String(encoded.length),
      etag: `"${etagBase}${suffix}"`,
    };
    const { "content-length": _length, "content-encoding": _encoding, ...notModified } = headers;
    return {
      body: encoded,
      headers,
      hitHeaders: flatHeaderList({ ...headers, "x-page-cache": "HIT" }),
      notModifiedHeaders: flatHeaderList({ ...notModified, "x-page-cache": "HIT" }),
    };
  };
  const gzip = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  return {
    key,
    tags: [...tags],
    etagBase,
    variants: {
      identity: variant("identity", body, ""),
      gzip: variant("gzip", gzip, "-gz"),
      br: variant("br", br, "-br"),
    },
    bytes: body.length + gzip.length + br.length + 2048,
  };
}

// An in-memory LRU of rendered pages, bounded in bytes, with an index from tag to pages.
export class PageCacheStore {
  private readonly pages = new Map<string, CachedPage>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private totalBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.pages.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Re-inserting keeps Map order as least- to most-recently used.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(page: CachedPage): void {
    if (page.bytes > this.maxBytes) return;
    this.delete(page.key);
    this.pages.set(page.key, page);
    this.totalBytes += page.bytes;
    for (const tag of page.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(page.key);
    }
    for (const oldestKey of this.pages.keys()) {
      if (this.totalBytes <= this.maxBytes) break;
      this.delete(oldestKey);
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.totalBytes -= page.bytes;
    for (const tag of page.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  invalidateTags(tags: Iterable<string>): number {
    let removed = 0;
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        this.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  clear(): void {
    this.pages.clear();
    this.keysByTag.clear();
    this.totalBytes = 0;
  }
}
