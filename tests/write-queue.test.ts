import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drizzleFor, inWriteTransactionWithoutBlocking, openSqlite, type Db, type SqliteConnection } from "@/db/client";

// The write path of comment posting (db/client.ts): writes queue in arrival order, share the lock
// and one commit, and wait for another connection's lock without stopping the event loop.
let dir: string;
let db: Db;
let other: SqliteConnection;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-write-queue-"));
  const file = path.join(dir, "queue.db");
  db = drizzleFor(openSqlite(file));
  db.$client.exec("CREATE TABLE entries (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)");
  // Another connection to the same file stands in for the other server process.
  other = openSqlite(file);
});

afterEach(() => {
  other.close();
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function insertEntry(label: string): () => number {
  return () => Number(db.$client.prepare("INSERT INTO entries (label) VALUES (?)").run(label).lastInsertRowid);
}

function labels(): string[] {
  return (other.prepare("SELECT label FROM entries ORDER BY id").all() as { label: string }[]).map((row) => row.label);
}

describe("inWriteTransactionWithoutBlocking", () => {
  it("commits concurrent writes in the order they arrived, each once, sharing commits", async () => {
    const commitsBefore = Number(other.pragma("data_version", { simple: true }));
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => inWriteTransactionWithoutBlocking(insertEntry(`entry ${i}`), db)));
    expect(labels()).toEqual(Array.from({ length: 50 }, (_, i) => `entry ${i}`));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // data_version moves once per commit seen from another connection: fewer commits than writes.
    const commits = Number(other.pragma("data_version", { simple: true })) - commitsBefore;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(50);
  });

  it("rolls back a write that throws alone; the others in its batch commit", async () => {
    const results = await Promise.allSettled([
      inWriteTransactionWithoutBlocking(insertEntry("first"), db),
      inWriteTransactionWithoutBlocking(() => {
        insertEntry("half-done")();
        throw new Error("refused midway");
      }, db),
      // The same label again breaks the UNIQUE constraint: a SQLite error inside the batch.
      inWriteTransactionWithoutBlocking(insertEntry("first"), db),
      inWriteTransactionWithoutBlocking(insertEntry("last"), db),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: "refused midway" });
    expect(labels()).toEqual(["first", "last"]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("waits for another connection's write lock while the event loop keeps running", async () => {
    other.prepare("BEGIN IMMEDIATE").run();
    other.prepare("INSERT INTO entries (label) VALUES ('held')").run();
    let settled = false;
    const waiting = Promise.all([
      inWriteTransactionWithoutBlocking(insertEntry("after the lock 1"), db),
      inWriteTransactionWithoutBlocking(insertEntry("after the lock 2"), db),
    ]).finally(() => (settled = true));

    // Timers still fire: the process is not stuck in SQLite's busy handler.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    await sleep(80);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);
    expect(settled).toBe(false);

    other.prepare("COMMIT").run();
    await waiting;
    expect(labels()).toEqual(["held", "after the lock 1", "after the lock 2"]);
    // Other writes on this connection (inWriteTransaction) still wait out a held lock.
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("runs a write queued while a batch is committing", async () => {
    const first = inWriteTransactionWithoutBlocking(insertEntry("one"), db);
    // Queued from the first write's continuation, while the queue may be finishing its drain.
    const second = first.then(() => inWriteTransactionWithoutBlocking(insertEntry("two"), db));
    await expect(second).resolves.toBeGreaterThan(0);
    expect(labels()).toEqual(["one", "two"]);
  });
});
