import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

// HTTP-level helpers for the page cache in front of Next (lib/page-cache).

export function cacheStatusOf(response: APIResponse): string | undefined {
  return response.headers()["x-page-cache"];
}

// Requests a page until the server answers it from its cache, proving it is stored. The second
// request is a HIT unless another worker's write invalidated the page in between, hence the retries.
export async function primeCache(request: APIRequestContext, url: string, attempts = 5): Promise<APIResponse> {
  const seen: (string | undefined)[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const response = await request.get(url);
    expect(response.status(), `GET ${url}`).toBe(200);
    const status = cacheStatusOf(response);
    if (status === "HIT") return response;
    seen.push(status);
  }
  throw new Error(`GET ${url} was never answered from the page cache (x-page-cache: ${seen.join(", ")})`);
}

// The count shown next to an article in a listing ("3 comments"), or null when it is not listed.
export function listedCommentCount(html: string, articleSlug: string): number | null {
  const match = new RegExp(`href="/articles/${articleSlug}#comments"[^>]*>(\\d+) comments?<`).exec(html);
  return match ? Number(match[1]) : null;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
