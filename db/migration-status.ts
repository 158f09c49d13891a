import journal from "./migrations/meta/_journal.json";
import type { SqliteConnection } from "./client";

export type MigrationEntry = { tag: string; when: number };

// The migrations this build carries, from drizzle-kit's journal. Imported as JSON so that Next's
// bundle (the health check) carries the same list as the server and the CLI.
export const bundledMigrations: readonly MigrationEntry[] = journal.entries.map(({ tag, when }) => ({ tag, when }));

export type MigrationStatus = {
  // How many migrations the database records as applied (0 for a new or empty database).
  appliedCount: number;
  // Tags of bundled migrations the database has not applied yet, oldest first.
  pending: string[];
};

// Drizzle's migrator applies every bundled migration newer than the last one recorded in
// __drizzle_migrations (by its journal timestamp); this answers the same question without writing.
export function readMigrationStatus(
  sqlite: SqliteConnection,
  migrations: readonly MigrationEntry[] = bundledMigrations,
): MigrationStatus {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return { appliedCount: 0, pending: migrations.map((migration) => migration.tag) };
  const row = sqlite
    .prepare("select count(*) as count, max(cast(created_at as integer)) as last from __drizzle_migrations")
    .get() as { count: number; last: number | null };
  const last = row.last ?? -1;
  return {
    appliedCount: row.count,
    pending: migrations.filter((migration) => migration.when > last).map((migration) => migration.tag),
  };
}
