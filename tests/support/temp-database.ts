import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoContent } from "@/db/seed";

const realDataFile = path.resolve("data/site.db");

export type TempDatabase = { db: Db; file: string; dir: string; cleanup: () => void };

// A throwaway SQLite file for one test file: migrated, optionally seeded with the demo content.
// Must run before anything reads the configuration, since the data layer opens DATABASE_PATH.
export function createTempDatabase({ seed = true }: { seed?: boolean } = {}): TempDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-test-"));
  const file = path.join(dir, "site.db");
  if (path.resolve(file) === realDataFile) throw new Error("Refusing to run tests against the real database");
  process.env.DATABASE_PATH = file;
  const db = getDb();
  migrateDatabase(db.$client);
  if (seed) seedDemoContent(db);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
