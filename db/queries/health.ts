import type { SqliteConnection } from "../client";
import { bundledMigrations, readMigrationStatus, type MigrationEntry } from "../migration-status";

export type HealthReport =
  | { status: "ok"; database: "ok"; migrations: "current" }
  | { status: "error"; database: "ok"; migrations: "pending"; pending: string[] }
  | { status: "error"; database: "unavailable"; migrations: "unknown" };

// What /healthz answers: the database answers a query, and every migration this build carries
// has been applied to it. `connect` opens (or returns) the connection, so that failing to open
// the database counts as "unavailable" too.
export function checkHealth(
  connect: () => SqliteConnection,
  migrations: readonly MigrationEntry[] = bundledMigrations,
): { report: HealthReport; error?: unknown } {
  let pending: string[];
  try {
    const sqlite = connect();
    sqlite.prepare("select 1").get();
    pending = readMigrationStatus(sqlite, migrations).pending;
  } catch (error) {
    return { report: { status: "error", database: "unavailable", migrations: "unknown" }, error };
  }
  if (pending.length > 0) return { report: { status: "error", database: "ok", migrations: "pending", pending } };
  return { report: { status: "ok", database: "ok", migrations: "current" } };
}
