import fs from "node:fs";

// The time every visibility, schedule, ban and edit-window check uses. In production it is the
// system clock. End-to-end tests move it instead of sleeping: a server started with
// CLOCK_OFFSET_FILE adds the number of milliseconds written in that file (re-read on each call,
// so a test can move time while the server runs). Never set it in production.
const offsetFile = process.env.CLOCK_OFFSET_FILE;

function readOffset(file: string): number {
  try {
    const offset = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

export function currentTime(): Date {
  return offsetFile ? new Date(Date.now() + readOffset(offsetFile)) : new Date();
}
