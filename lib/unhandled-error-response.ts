import type { IncomingMessage, ServerResponse } from "node:http";
import { logUnhandledError } from "./error-log";

// The custom server's last resort when serving a request throws: the error goes to the log and
// the visitor gets a bare 500 with no detail (no message, no stack trace).
export function answerUnhandledError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  logUnhandledError("server", error, { method: req.method, url: req.url });
  if (!res.headersSent) {
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Internal Server Error");
  } else {
    res.destroy();
  }
}
