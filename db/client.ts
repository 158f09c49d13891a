import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getConfig } from "../lib/config";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type SqliteConnection = Database.Database;

// Every connection, whichever process opens it, gets the same pragmas.
export function openSqlite(file: string, options: { readonly?: boolean } = {}): SqliteConnection {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers from other processes (CLI, a second server) wait instead of failing with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function drizzleFor(sqlite: SqliteConnection): Db {
  return drizzle(sqlite, { schema });
}

type Holder = { sqlite: SqliteConnection; db: Db; file: string };
let holder: Holder | undefined;

// The database opens lazily on first use: importing the data layer (as `next build` does when it
// collects pages) must never open or create the database file.
export function getDb(): Db {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database was queried during `next build`; pages must render at request time.");
  }
  if (!holder) {
    const file = getConfig().databasePath;
    const sqlite = openSqlite(file);
    holder = { sqlite, db: drizzleFor(sqlite), file };
  }
  return holder.db;
}

export function closeDb(): void {
  holder?.sqlite.close();
  holder = undefined;
}

export type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Statements built once per connection and run many times: on a hot write path (posting a comment)
// building drizzle's SQL and SQLite's prepare cost more than running the small indexed queries.
// Prepared on the default connection, they also run inside its transactions (inWriteTransaction).
export function preparedPerConnection<T>(build: (db: Db) => T): (db?: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db = getDb()) => {
    let built = statements.get(db);
    if (!built) {
      built = build(db);
      statements.set(db, built);
    }
    return built;
  };
}

// Every write transaction takes SQLite's write lock when it begins. A deferred transaction that
// reads first and writes later fails at once with SQLITE_BUSY when another process holds the lock,
// instead of waiting out busy_timeout; an immediate one waits its turn.
export function inWriteTransaction<T>(work: (tx: Transaction) => T, db: Db = getDb()): T {
  return db.transaction(work, { behavior: "immediate" });
}

const BUSY_TIMEOUT_MS = 5000;

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

// As inWriteTransaction, for a hot write path in a serving process: while another process holds the
// write lock, SQLite's busy handler would sleep (1, 2, 5, 10… ms) with the whole event loop stopped.
// Here the lock is asked for without waiting, and while it is taken the process serves other
// requests and asks again a moment later (up to the same 5 s). The work itself runs in the lock,
// synchronously, as before.
const lockStatements = preparedPerConnection((db) => ({
  noWait: db.$client.prepare(`PRAGMA busy_timeout = 0`),
  wait: db.$client.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`),
  begin: db.$client.prepare("BEGIN IMMEDIATE"),
  commit: db.$client.prepare("COMMIT"),
  rollback: db.$client.prepare("ROLLBACK"),
}));

export async function inWriteTransactionWithoutBlocking<T>(work: (tx: Transaction) => T, db: Db = getDb()): Promise<T> {
  const statements = lockStatements(db);
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt += 1) {
    statements.noWait.get();
    try {
      statements.begin.run();
      break;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
    } finally {
      statements.wait.get();
    }
    await new Promise((resolve) => (attempt < 2 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
  try {
    // Inside the open transaction, better-sqlite3 runs drizzle's transaction as a savepoint.
    const result = db.transaction(work);
    statements.commit.run();
    return result;
  } catch (error) {
    if (db.$client.inTransaction) statements.rollback.run();
    throw error;
  }
}
