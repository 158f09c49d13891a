import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite, type SqliteConnection } from "@/db/client";
import { bundledMigrations } from "@/db/migration-status";
import { checkHealth } from "@/db/queries/health";
import { migrateAllButLast } from "./support/partial-migrations";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
const opened: SqliteConnection[] = [];

function open(name: string): SqliteConnection {
  const sqlite = openSqlite(path.join(temp.dir, name));
  opened.push(sqlite);
  return sqlite;
}

beforeAll(() => {
  temp = createTempDatabase({ seed: false });
});

afterAll(() => {
  for (const sqlite of opened) if (sqlite.open) sqlite.close();
  temp.cleanup();
});

describe("the /healthz check", () => {
  it("is ok for a database with every bundled migration applied", () => {
    expect(checkHealth(() => temp.db.$client)).toEqual({
      report: { status: "ok", database: "ok", migrations: "current" },
    });
  });

  it("reports the migrations a database still lacks", () => {
    const sqlite = open("older.db");
    const missing = migrateAllButLast(sqlite);
    expect(missing).toBe(bundledMigrations.at(-1)?.tag);
    expect(checkHealth(() => sqlite).report).toEqual({ status: "error", database: "ok", migrations: "pending", pending: [missing] });
  });

  it("reports every migration pending for a database never migrated", () => {
    const sqlite = open("blank.db");
    const { report } = checkHealth(() => sqlite);
    expect(report).toMatchObject({ status: "error", migrations: "pending" });
    expect(report.status === "error" && "pending" in report ? report.pending : []).toEqual(bundledMigrations.map((m) => m.tag));
  });

  it("reports the database unavailable when it cannot be opened or queried", () => {
    const closed = open("closed.db");
    closed.close();
    const result = checkHealth(() => closed);
    expect(result.report).toEqual({ status: "error", database: "unavailable", migrations: "unknown" });
    expect(result.error).toBeInstanceOf(Error);
    const missingFolder = checkHealth(() => openSqlite(path.join(temp.dir, "no-such-folder", "x.db"), { readonly: true }));
    expect(missingFolder.report.database).toBe("unavailable");
  });
});
