import type { SqliteConnection } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { readMigrationStatus } from "../../db/migration-status";
import { pruneAutomaticBackups } from "./backup-retention";
import { createBackup } from "./create-backup";

export type MigrationOutcome = { applied: string[]; backupFolder: string | null };

// Applies pending migrations, backing the database up first when it already holds data: a
// migration that goes wrong (or a release rolled back) can then be undone with `npm run restore`.
// A new database, or one with nothing pending, is not backed up.
export function migrateWithBackup(
  sqlite: SqliteConnection,
  paths: { databasePath: string; uploadsDir: string; backupDir: string },
): MigrationOutcome {
  const status = readMigrationStatus(sqlite);
  let backupFolder: string | null = null;
  if (status.pending.length > 0 && status.appliedCount > 0) {
    backupFolder = createBackup({ ...paths, kind: "pre-migration" }).folder;
    pruneAutomaticBackups(paths.backupDir);
  }
  migrateDatabase(sqlite);
  return { applied: status.pending, backupFolder };
}
