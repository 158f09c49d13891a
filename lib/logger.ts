import pino from "pino";

// One structured JSON logger for the server, the pages and the CLI. The destination is
// asynchronous so that logging never blocks a request; it is flushed on exit.
// Passwords, session tokens and cookies must never reach a log line: the redaction list is the
// safety net, not the plan — call sites log ids, never credentials.
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { pid: process.pid },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "req.headers.cookie",
        "req.headers.authorization",
        'res.headers["set-cookie"]',
      ],
      censor: "[redacted]",
    },
  },
  pino.destination({ sync: false }),
);
