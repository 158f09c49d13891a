import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "../logger";

const METRICS_INTERVAL_MS = 60_000;

// What the page cache did with each request, counted per process. Hits are the bulk of the
// traffic and identical, so they are counted, never logged one by one; every other request gets
// one log line when its response ends.
export class RequestLog {
  private hits = 0;
  private notModified = 0;
  private logged = 0;

  hit(status: 200 | 304): void {
    if (status === 304) this.notModified += 1;
    else this.hits += 1;
  }

  // The path only: query strings can carry one-time tokens (/setup, /reset-password).
  uncached(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now();
    const method = req.method;
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    res.once("close", () => {
      this.logged += 1;
      logger.info(
        {
          method,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - startedAt) * 10) / 10,
          cache: res.getHeader("x-page-cache"),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
  }

  // One line per interval with the counts since the last one, nothing when the process was idle.
  startPeriodicReport(intervalMs = METRICS_INTERVAL_MS): NodeJS.Timeout {
    return setInterval(() => this.report(), intervalMs).unref();
  }

  report(): void {
    if (this.hits + this.notModified + this.logged === 0) return;
    logger.info({ hits: this.hits, notModified: this.notModified, uncached: this.logged }, "page cache");
    this.hits = 0;
    this.notModified = 0;
    this.logged = 0;
  }
}
