import { pruneCacheInvalidations } from "../../db/cache-invalidation";
import { drizzleFor, openSqlite, type Db, type SqliteConnection } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { purgeOldTrash } from "../../db/queries/comment-moderation";
import { seedDemoContent } from "../../db/seed";
import type { AppConfig } from "../config";

const INVALIDATION_LOG_RETENTION_MS = 60 * 60 * 1000;
const INVALIDATION_PRUNE_INTERVAL_MS = 10 * 60 * 1000;
const TRASH_PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type MaintainedDatabase = { sqlite: SqliteConnection; db: Db; stop(): void };

// Work done once per start, by one process, before any request is served: migrations, demo
// content, the trash purge; then the periodic jobs (old invalidation-log rows, daily trash purge).
// With several server processes only the primary does this, so they never race on it.
export async function prepareDatabase(config: AppConfig): Promise<MaintainedDatabase> {
  const sqlite = openSqlite(config.databasePath);
  const db = drizzleFor(sqlite);
  migrateDatabase(sqlite);
  if (config.demoContent && seedDemoContent(db)) console.log("Created demo content in an empty database.");
  // Trashed comments are kept 30 days. A failed purge is retried the next day; it must not stop
  // the server.
  const purgeTrash = () =>
    purgeOldTrash({ db })
      .then((purged) => {
        if (purged > 0) console.log(`Purged ${purged} comment${purged === 1 ? "" : "s"} from the trash.`);
      })
      .catch((error: unknown) => console.error("Could not purge old trash", error));
  await purgeTrash();

  const pruneTimer = setInterval(
    () => pruneCacheInvalidations(db, new Date(Date.now() - INVALIDATION_LOG_RETENTION_MS)),
    INVALIDATION_PRUNE_INTERVAL_MS,
  ).unref();
  const trashTimer = setInterval(() => void purgeTrash(), TRASH_PURGE_INTERVAL_MS).unref();
  return {
    sqlite,
    db,
    stop() {
      clearInterval(pruneTimer);
      clearInterval(trashTimer);
      sqlite.close();
    },
  };
}
