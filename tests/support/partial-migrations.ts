import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzleFor, type SqliteConnection } from "@/db/client";

// Migrates a database with every bundled migration but the last, as a database left by the
// previous release would be: a copy of the migrations folder whose journal lacks the last entry.
export function migrateAllButLast(sqlite: SqliteConnection): string {
  const source = path.resolve("db/migrations");
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-migrations-"));
  try {
    fs.cpSync(source, copy, { recursive: true });
    const journalFile = path.join(copy, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    const last = journal.entries.pop();
    if (!last) throw new Error("No migrations to leave out");
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    migrate(drizzleFor(sqlite), { migrationsFolder: copy });
    return last.tag;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
