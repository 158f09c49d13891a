import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "@/db/backup";
import { closeDb, openSqlite } from "@/db/client";
import { readMigrationStatus } from "@/db/migration-status";
import { createArticle } from "@/db/queries/article-writes";
import { createUser } from "@/db/queries/auth-users";
import { updateSiteSettings } from "@/db/queries/site-settings";
import { pruneAutomaticBackups } from "@/lib/backups/backup-retention";
import { migrateWithBackup } from "@/lib/backups/migrate-with-backup";
import { listRunningServers, registerRunningServer } from "@/lib/backups/running-servers";
import { compiledScript } from "./support/compiled-script";
import { migrateAllButLast } from "./support/partial-migrations";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let paths: { databasePath: string; uploadsDir: string; backupDir: string };
let articleId: number;
let authorId: number;
const children = new Set<ChildProcessWithoutNullStreams>();

function env(): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_PATH: paths.databasePath, UPLOADS_DIR: paths.uploadsDir, BACKUP_DIR: paths.backupDir };
}

function runScript(script: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [compiledScript(script), ...args], { env: env(), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function startChild(script: string, args: string[] = []): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [compiledScript(script), ...args], { env: env() });
  children.add(child);
  return child;
}

function commentIdsIn(file: string): Set<number> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((sqlite.prepare("select id from comments").all() as { id: number }[]).map((row) => row.id));
  } finally {
    sqlite.close();
  }
}

function backupFolders(): string[] {
  return fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir).sort() : [];
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  paths = { databasePath: temp.file, uploadsDir: path.join(temp.dir, "uploads"), backupDir: path.join(temp.dir, "backups") };
  await updateSiteSettings({ commentFloodSeconds: 0 });
  const author = await createUser({ email: "author@example.test", displayName: "Author", passwordHash: null, role: "author" });
  if (!author.ok) throw new Error("could not create the author");
  authorId = author.id;
  articleId = await createArticle({
    slug: "backed-up",
    title: "Backed up",
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    authorId,
  });
  fs.mkdirSync(path.join(paths.uploadsDir, "2026"), { recursive: true });
  fs.writeFileSync(path.join(paths.uploadsDir, "2026", "picture.webp"), "first picture");
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  temp.cleanup();
});

// Each script runs in its own Node process (as an operator runs it), which takes a few seconds.
describe("npm run backup and npm run restore", { timeout: 90_000 }, () => {
  let backupFolder: string;
  let inBackup: Set<number>;
  let ackedBeforeBackup: number[];

  it("backs up the live database while comments keep being written, losing none acknowledged before", async () => {
    const writer = startChild("tests/support/comment-writer-worker.ts", [JSON.stringify({ articleId, authorId })]);
    const acked: number[] = [];
    const errors: string[] = [];
    let buffered = "";
    writer.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("ack ")) acked.push(Number(line.slice(4)));
        else if (line) errors.push(line);
      }
    });
    await until(() => acked.length >= 50, "the writer's first comments");

    ackedBeforeBackup = [...acked];
    const backup = startChild("scripts/backup.ts");
    let output = "";
    backup.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    backup.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => backup.once("exit", resolve));
    const ackedDuringBackup = acked.length - ackedBeforeBackup.length;
    await until(() => acked.length >= ackedBeforeBackup.length + ackedDuringBackup + 20, "comments after the backup");
    writer.stdin.end();
    await new Promise((resolve) => writer.once("exit", resolve));

    expect(code, output).toBe(0);
    expect(errors).toEqual([]);
    // The writer was not held up while the backup process ran.
    expect(ackedDuringBackup).toBeGreaterThan(0);
    const folders = backupFolders();
    expect(folders).toHaveLength(1);
    backupFolder = path.join(paths.backupDir, folders[0]!);
    expect(output).toContain(`to ${backupFolder}`);

    const databaseCopy = path.join(backupFolder, "database.sqlite");
    expect(checkDatabaseFile(databaseCopy)).toMatchObject({ ok: true });
    inBackup = commentIdsIn(databaseCopy);
    for (const id of ackedBeforeBackup) expect(inBackup.has(id), `comment ${id}`).toBe(true);
    // A snapshot of one moment: the comments it holds are exactly the first ones written.
    const sorted = [...inBackup].sort((a, b) => a - b);
    expect(acked.slice(0, sorted.length)).toEqual(sorted);
    expect(sorted.length).toBeLessThan(acked.length);
    expect(fs.readFileSync(path.join(backupFolder, "uploads", "2026", "picture.webp"), "utf8")).toBe("first picture");
    expect(JSON.parse(fs.readFileSync(path.join(backupFolder, "manifest.json"), "utf8"))).toMatchObject({
      kind: "manual",
      uploads: true,
      databasePath: paths.databasePath,
    });
  });

  it("refuses to restore while a server holds the database", async () => {
    const holder = startChild("tests/support/hold-database-worker.ts");
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once("data", () => resolve());
      holder.once("exit", () => reject(new Error("the holder exited")));
    });
    const before = commentIdsIn(paths.databasePath);

    const refused = runScript("scripts/restore.ts", [backupFolder]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Refused: A server is using ${paths.databasePath} (pid ${holder.pid})`);
    expect(commentIdsIn(paths.databasePath)).toEqual(before);

    // Killed outright, it leaves its registration behind; a dead pid does not count.
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(fs.readdirSync(`${paths.databasePath}.servers`)).toEqual([String(holder.pid)]);
    expect(listRunningServers(paths.databasePath)).toEqual([]);
  });

  it("restores the backup, keeping the state it replaced in a pre-restore backup", () => {
    closeDb();
    fs.writeFileSync(path.join(paths.uploadsDir, "2026", "later.webp"), "uploaded after the backup");
    const current = commentIdsIn(paths.databasePath);

    const restored = runScript("scripts/restore.ts", [path.relative(process.cwd(), backupFolder)]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`Restored ${backupFolder} to ${paths.databasePath}`);

    expect(commentIdsIn(paths.databasePath)).toEqual(inBackup);
    expect(checkDatabaseFile(paths.databasePath)).toMatchObject({ ok: true });
    expect(fs.readdirSync(path.join(paths.uploadsDir, "2026"))).toEqual(["picture.webp"]);

    const preRestore = backupFolders().find((name) => name.endsWith("-pre-restore"));
    expect(preRestore).toBeDefined();
    expect(restored.stdout).toContain(`Kept the previous database in ${path.join(paths.backupDir, preRestore!)}`);
    expect(commentIdsIn(path.join(paths.backupDir, preRestore!, "database.sqlite"))).toEqual(current);
    expect(fs.existsSync(path.join(paths.backupDir, preRestore!, "uploads", "2026", "later.webp"))).toBe(true);

    // The restored database opens and takes writes like any other.
    const sqlite = openSqlite(paths.databasePath);
    expect(readMigrationStatus(sqlite).pending).toEqual([]);
    sqlite.close();
  });

  it("rejects a corrupt backup and leaves the database alone", () => {
    const corrupt = path.join(temp.dir, "corrupt-backup");
    fs.mkdirSync(corrupt);
    const file = path.join(corrupt, "database.sqlite");
    fs.copyFileSync(path.join(backupFolder, "database.sqlite"), file);
    // Garbage over the pages after the first: the header still says SQLite, the tables do not.
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, "r+");
    fs.writeSync(fd, Buffer.alloc(size - 8192, 0x5a), 0, size - 8192, 4096);
    fs.closeSync(fd);
    const before = commentIdsIn(paths.databasePath);

    const refused = runScript("scripts/restore.ts", [corrupt]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^Refused: ${corrupt} cannot be restored: `));
    expect(commentIdsIn(paths.databasePath)).toEqual(before);
  });

  it("rejects a database that is not this site's, and a folder without a backup", () => {
    const foreign = path.join(temp.dir, "foreign-backup");
    fs.mkdirSync(foreign);
    const sqlite = new Database(path.join(foreign, "database.sqlite"));
    sqlite.exec("create table notes (body text); insert into notes values ('hello')");
    sqlite.close();
    expect(runScript("scripts/restore.ts", [foreign]).stderr).toContain("it has no applied migrations");
    expect(runScript("scripts/restore.ts", [path.join(temp.dir, "nowhere")]).stderr).toContain("does not exist");
    expect(runScript("scripts/restore.ts", []).code).toBe(1);
  });
});

describe("the backup before a migration", () => {
  function freshDatabase(name: string): { file: string; sqlite: Database.Database } {
    const file = path.join(temp.dir, name, "site.db");
    return { file, sqlite: openSqlite(file) };
  }

  it("is taken when a database with data has a migration pending", () => {
    const { file, sqlite } = freshDatabase("older-release");
    const lastTag = migrateAllButLast(sqlite);
    const backupDir = path.join(temp.dir, "older-release", "backups");
    const before = readMigrationStatus(sqlite);
    expect(before.pending).toEqual([lastTag]);

    const outcome = migrateWithBackup(sqlite, { databasePath: file, uploadsDir: path.join(temp.dir, "none"), backupDir });
    expect(outcome.applied).toEqual([lastTag]);
    expect(outcome.backupFolder).toMatch(/-pre-migration$/);
    expect(readMigrationStatus(sqlite).pending).toEqual([]);
    // The backup is the database as it was before the migration.
    const backup = new Database(path.join(outcome.backupFolder!, "database.sqlite"), { readonly: true });
    expect(readMigrationStatus(backup)).toEqual(before);
    backup.close();
    sqlite.close();
  });

  it("is not taken for a new database, nor when nothing is pending", () => {
    const { file, sqlite } = freshDatabase("new-database");
    const backupDir = path.join(temp.dir, "new-database", "backups");
    const uploadsDir = path.join(temp.dir, "none");
    expect(migrateWithBackup(sqlite, { databasePath: file, uploadsDir, backupDir }).backupFolder).toBeNull();
    expect(migrateWithBackup(sqlite, { databasePath: file, uploadsDir, backupDir })).toEqual({ applied: [], backupFolder: null });
    expect(fs.existsSync(backupDir)).toBe(false);
    sqlite.close();
  });

  it("keeps the newest five automatic backups of each kind and every manual one", () => {
    const backupDir = path.join(temp.dir, "retention");
    fs.mkdirSync(backupDir);
    const names: string[] = [];
    for (let day = 10; day < 18; day += 1) {
      const stamp = `2026-11-${day}T00-00-00-000Z`;
      names.push(stamp, `${stamp}-pre-migration`, `${stamp}-pre-restore`);
    }
    for (const name of names) fs.mkdirSync(path.join(backupDir, name));

    const removed = pruneAutomaticBackups(backupDir);
    expect(removed.sort()).toEqual(
      ["10", "11", "12"].flatMap((day) => [`2026-11-${day}T00-00-00-000Z-pre-migration`, `2026-11-${day}T00-00-00-000Z-pre-restore`]).sort(),
    );
    const kept = fs.readdirSync(backupDir);
    expect(kept.filter((name) => name.endsWith("Z"))).toHaveLength(8);
    expect(kept.filter((name) => name.endsWith("-pre-migration"))).toHaveLength(5);
  });

  it("a registration ends with its process", () => {
    const file = path.join(temp.dir, "registry", "site.db");
    fs.mkdirSync(path.dirname(file));
    const unregister = registerRunningServer(file, 1);
    // pid 1 (init) is alive, so it counts as a running server until it unregisters.
    expect(listRunningServers(file)).toEqual([1]);
    unregister();
    expect(listRunningServers(file)).toEqual([]);
  });
});
