import { pruneCacheInvalidations } from "../../db/cache-invalidation";
import { drizzleFor, openSqlite, type Db, type SqliteConnection } from "../../db/client";
import { purgeOldTrash } from "../../db/queries/comment-moderation";
import { seedDemoContent } from "../../db/seed";
import { scheduleAddressPurge } from "../address-retention";
import { migrateWithBackup } from "../backups/migrate-with-backup";
import { registerRunningServer } from "../backups/running-servers";
import type { AppConfig } from "../config";
import { logger } from "../logger";

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
  // Registered for as long as this process lives (its workers die with it), so `npm run restore`
  // refuses meanwhile.
  registerRunningServer(config.databasePath);
  const migration = migrateWithBackup(sqlite, config);
  if (migration.backupFolder) {
    logger.info(
      { event: "pre-migration-backup", folder: migration.backupFolder, migrations: migration.applied },
      "Backed up the database before migrating it.",
    );
  }
  if (config.demoContent && seedDemoContent(db)) logger.info("Created demo content in an empty database.");
  // Trashed comments are kept 30 days. A failed purge is retried the next day; it must not stop
  // the server.
  const purgeTrash = () =>
    purgeOldTrash({ db })
      .then((purged) => {
        if (purged > 0) logger.info({ event: "trash-purge", purged }, "Purged old comments from the trash.");
      })
      .catch((error: unknown) => logger.error({ event: "trash-purge", err: error }, "Could not purge old trash"));
  await purgeTrash();

  const pruneTimer = setInterval(
    () => pruneCacheInvalidations(db, new Date(Date.now() - INVALIDATION_LOG_RETENTION_MS)),
    INVALIDATION_PRUNE_INTERVAL_MS,
  ).unref();
  const trashTimer = setInterval(() => void purgeTrash(), TRASH_PURGE_INTERVAL_MS).unref();
  const stopAddressPurge = scheduleAddressPurge(db);
  return {
    sqlite,
    db,
    stop() {
      clearInterval(pruneTimer);
      clearInterval(trashTimer);
      stopAddressPurge();
      sqlite.close();
    },
  };
}
