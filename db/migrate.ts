import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzleFor, type SqliteConnection } from "./client";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

// Applies drizzle-kit's committed migrations that this database has not seen yet.
export function migrateDatabase(sqlite: SqliteConnection): void {
  migrate(drizzleFor(sqlite), { migrationsFolder });
}
