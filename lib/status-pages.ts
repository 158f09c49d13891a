import type { IncomingMessage, ServerResponse } from "node:http";

// Pages that stand for an HTTP error and must carry its status, which an app-router page cannot
// set itself: page guards redirect here (lib/authz.ts).
const statusPages: Record<string, number> = { "/forbidden": 403 };

export function applyStatusPageCode(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  const status = statusPages[queryStart === -1 ? url : url.slice(0, queryStart)];
  if (status === undefined || req.headers.rsc !== undefined) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) => writeHead(code === 200 ? status : code, ...rest)) as ServerResponse["writeHead"];
}
