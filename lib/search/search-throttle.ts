import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "../client-ip";
import { recordAttempt } from "../rate-limits";

// Set by the custom server, after removing any copy a client sent: the seconds this client must
// wait before searching again. The search page then shows that instead of searching.
export const SEARCH_WAIT_HEADER = "x-crosscurrents-search-wait";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function searchedText(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  // A prefetch of a search link runs no search.
  if (req.headers["next-router-prefetch"] !== undefined) return null;
  // Plain string handling: a request line such as "//" is no URL `new URL` accepts.
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  if ((queryStart === -1 ? url : url.slice(0, queryStart)) !== "/search" || queryStart === -1) return null;
  return new URLSearchParams(url.slice(queryStart + 1)).get("q")?.trim() || null;
}

// Each search (a request for /search with something to search for) counts against the client
// address's searchIp limit. Over the limit, the page is still rendered, with the message, as a 429.
export function throttleSearches(render: RequestHandler): RequestHandler {
  return async (req, res) => {
    delete req.headers[SEARCH_WAIT_HEADER];
    if (searchedText(req) !== null) {
      const wait = await recordAttempt("searchIp", String(req.headers[CLIENT_IP_HEADER] ?? "unknown"));
      if (wait > 0) {
        req.headers[SEARCH_WAIT_HEADER] = String(wait);
        res.setHeader("Retry-After", String(wait));
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
        res.writeHead = ((code: number, ...rest: unknown[]) => writeHead(code === 200 ? 429 : code, ...rest)) as ServerResponse["writeHead"];
      }
    }
    return render(req, res);
  };
}

export function searchWaitFrom(headers: { get(name: string): string | null }): number {
  const wait = Number(headers.get(SEARCH_WAIT_HEADER) ?? "0");
  return Number.isInteger(wait) && wait > 0 ? wait : 0;
}
