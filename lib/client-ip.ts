import type { IncomingMessage } from "node:http";

// The custom server resolves the client's address once (from the socket, or from X-Forwarded-For
// when TRUST_PROXY says so) and passes it to the app in this header, after removing any copy a
// client sent. App code reads the address only from here.
export const CLIENT_IP_HEADER = "x-crosscurrents-client-ip";

export function resolveClientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req, trustProxy);
}

export function clientIpFrom(headers: { get(name: string): string | null }): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
