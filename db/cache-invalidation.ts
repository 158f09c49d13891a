import { gt, lt, sql } from "drizzle-orm";
import type { Db, SqliteConnection } from "./client";
import { cacheInvalidations } from "./schema";

type Writer = Pick<Db, "insert">;

// Called inside the transaction that makes the change, so the log and the change commit together.
export function invalidateCacheTags(tx: Writer, tags: readonly string[]): void {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  tx.insert(cacheInvalidations)
    .values(unique.map((tag) => ({ tag })))
    .run();
}

export function listCacheInvalidationsAfter(db: Db, afterId: number): { id: number; tag: string }[] {
  return db
    .select({ id: cacheInvalidations.id, tag: cacheInvalidations.tag })
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, afterId))
    .orderBy(cacheInvalidations.id)
    .all();
}

export function getLatestCacheInvalidationId(db: Db): number {
  const row = db
    .select({ id: sql<number | null>`max(${cacheInvalidations.id})` })
    .from(cacheInvalidations)
    .get();
  return row?.id ?? 0;
}

// Rows older than any process could still need; every process reads the log far more often.
export function pruneCacheInvalidations(db: Db, olderThan: Date): void {
  db.delete(cacheInvalidations).where(lt(cacheInvalidations.createdAt, olderThan)).run();
}

const dataVersionStatements = new WeakMap<SqliteConnection, { get(): unknown }>();

// Changes whenever another connection (any process) commits; reading it touches no table. It runs
// before every page-cache lookup, so the statement is prepared once per connection.
export function readDataVersion(sqlite: SqliteConnection): number {
  let statement = dataVersionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("PRAGMA data_version").pluck();
    dataVersionStatements.set(sqlite, statement);
  }
  return Number(statement.get());
}
