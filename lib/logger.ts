import pino, { type DestinationStream, type Logger } from "pino";

// One structured JSON logger for the server, the pages and the CLI. The destination is
// asynchronous so that logging never blocks a request; it is flushed on exit.
// Passwords, session tokens and cookies must never reach a log line: the redaction list is the
// safety net, not the plan — call sites log ids, never credentials.
const redactedPaths = [
  "password",
  "*.password",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "headers.authorization",
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
];

// Exported for tests, which pass a stream that keeps the lines.
export function createLogger(destination: DestinationStream, level: string): Logger {
  return pino({ level, base: { pid: process.pid }, redact: { paths: redactedPaths, censor: "[redacted]" } }, destination);
}

export const logger = createLogger(
  pino.destination({ sync: false }),
  process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
);
