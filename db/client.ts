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
  // Extended codes too (SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, …): each means "ask again".
  return error instanceof Database.SqliteError && (error.code.startsWith("SQLITE_BUSY") || error.code.startsWith("SQLITE_LOCKED"));
}

// As inWriteTransaction, for a hot write path in a serving process (posting a comment).
// - While another process holds the write lock, SQLite's busy handler would sleep (1, 2, 5, 10…
//   ms) with the whole event loop stopped. Here the lock is asked for without waiting, and while it
//   is taken the process serves other requests and asks again a moment later (up to the same 5 s).
// - Writes waiting in this process queue up in arrival order, and only the queue asks for the
//   lock: many requests each polling on their own would overtake one another (a long tail) and
//   spend the CPU on failed attempts.
// - Once the lock is held, every write that is waiting runs in it, each in its own savepoint (one
//   that throws is rolled back alone), and they commit together: one lock and one commit for a
//   batch instead of one each, so the other process waits less too.
// Each work function runs synchronously inside the lock, as with inWriteTransaction.
const lockStatements = preparedPerConnection((db) => ({
  begin: db.$client.prepare("BEGIN IMMEDIATE"),
  commit: db.$client.prepare("COMMIT"),
  rollback: db.$client.prepare("ROLLBACK"),
}));

// At most this many writes share one commit, so the lock is never held long.
const MAX_WRITES_PER_COMMIT = 32;

type QueuedWrite = {
  work: (tx: Transaction) => unknown;
  deadline: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type WriteQueue = { writes: QueuedWrite[]; draining: boolean };

const writeQueues = new WeakMap<Db, WriteQueue>();

// SQLite applies busy_timeout when the PRAGMA is compiled, not when it runs: a prepared copy run
// again changes nothing, so each switch is a fresh pragma() call.
function tryBeginImmediate(db: Db): boolean {
  db.$client.pragma("busy_timeout = 0");
  try {
    lockStatements(db).begin.run();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    db.$client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

function runBatch(db: Db, batch: QueuedWrite[]): void {
  const done: { write: QueuedWrite; value: unknown }[] = [];
  for (const [index, write] of batch.entries()) {
    try {
      // Inside the open transaction, better-sqlite3 runs drizzle's transaction as a savepoint.
      done.push({ write, value: db.transaction(write.work) });
    } catch (error) {
      if (!db.$client.inTransaction) {
        // SQLite itself rolled the whole transaction back (a full disk, an I/O error): nothing of
        // the batch was stored, and the writes not yet run must not start transactions of their own.
        for (const lost of [...done.map((each) => each.write), ...batch.slice(index)]) lost.reject(error);
        return;
      }
      write.reject(error);
    }
  }
  try {
    lockStatements(db).commit.run();
  } catch (error) {
    for (const { write } of done) write.reject(error);
    try {
      if (db.$client.inTransaction) lockStatements(db).rollback.run();
    } catch {
      // The writers have the commit's error; SQLite has usually rolled back already when a commit fails.
    }
    return;
  }
  for (const { write, value } of done) write.resolve(value);
}

async function drainWriteQueue(db: Db, queue: WriteQueue): Promise<void> {
  const { writes } = queue;
  try {
    for (let attempt = 0; writes.length > 0; ) {
      let locked: boolean;
      try {
        locked = tryBeginImmediate(db);
      } catch (error) {
        for (const write of writes.splice(0)) write.reject(error);
        return;
      }
      if (locked) {
        attempt = 0;
        runBatch(db, writes.splice(0, MAX_WRITES_PER_COMMIT));
        // Let the other processes (and this one's requests) in before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const now = Date.now();
      for (const write of writes.filter((waiting) => waiting.deadline < now)) {
        writes.splice(writes.indexOf(write), 1);
        write.reject(new Database.SqliteError("database is locked", "SQLITE_BUSY"));
      }
      await new Promise((resolve) => (attempt++ < 2 ? setImmediate(resolve) : setTimeout(resolve, 1)));
    }
  } finally {
    // In the same synchronous step as finding the queue empty: a write queued after this starts a
    // new drain, and none can be left waiting with nobody draining.
    queue.draining = false;
  }
}

export function inWriteTransactionWithoutBlocking<T>(work: (tx: Transaction) => T, db: Db = getDb()): Promise<T> {
  let queue = writeQueues.get(db);
  if (!queue) writeQueues.set(db, (queue = { writes: [], draining: false }));
  const waiting = queue;
  return new Promise<T>((resolve, reject) => {
    waiting.writes.push({ work, deadline: Date.now() + BUSY_TIMEOUT_MS, resolve: resolve as (value: unknown) => void, reject });
    if (waiting.draining) return;
    waiting.draining = true;
    void drainWriteQueue(db, waiting);
  });
}
