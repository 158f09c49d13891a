import fs from "node:fs";
import Database from "better-sqlite3";
import { readMigrationStatus } from "./migration-status";

// A consistent copy of a live database, taken with `VACUUM INTO`: one read transaction, so the copy
// is exactly the database as of one moment. In WAL mode a reader never blocks writers, so the
// server keeps accepting writes while this runs (the WAL only grows until the copy is done).
export function snapshotDatabase(sourceFile: string, destinationFile: string): void {
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("vacuum into ?").run(destinationFile);
  } finally {
    source.close();
  }
  // VACUUM INTO does not sync the file it writes.
  const fd = fs.openSync(destinationFile, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type DatabaseFileCheck = { ok: true; appliedMigrations: number } | { ok: false; problem: string };

// Whether a file is a sound database of this application: SQLite's full integrity check passes and
// it records at least one applied migration.
export function checkDatabaseFile(file: string): DatabaseFileCheck {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} does not exist` };
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    const verdict = rows.map((row) => row.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== "ok") {
      return { ok: false, problem: `integrity check failed: ${verdict.slice(0, 5).join("; ")}` };
    }
    const { appliedCount } = readMigrationStatus(sqlite);
    if (appliedCount === 0) return { ok: false, problem: "it has no applied migrations (not a database of this site)" };
    return { ok: true, appliedMigrations: appliedCount };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    sqlite?.close();
  }
}
