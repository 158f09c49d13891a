import fs from "node:fs";
import path from "node:path";
import { checkDatabaseFile } from "../../db/backup";
import { currentTime } from "../clock";
import { BACKUP_DATABASE_FILE, BACKUP_UPLOADS_FOLDER, backupFolderName, createBackup } from "./create-backup";
import { listRunningServers } from "./running-servers";

export class RestoreRefused extends Error {}

// Puts a backup made by createBackup back in place of the database (and the uploads folder).
// Refused while any server process has the database open, and for a backup that fails SQLite's
// integrity check or is not a database of this site. The current state is backed up first
// (kind "pre-restore"), so a restore can itself be undone.
export function restoreBackup({
  backupFolder,
  databasePath,
  uploadsDir,
  backupDir,
}: {
  backupFolder: string;
  databasePath: string;
  uploadsDir: string;
  backupDir: string;
}): { safetyBackup: string | null } {
  const source = path.join(backupFolder, BACKUP_DATABASE_FILE);
  const check = checkDatabaseFile(source);
  if (!check.ok) throw new RestoreRefused(`${backupFolder} cannot be restored: ${check.problem}.`);

  const servers = listRunningServers(databasePath);
  if (servers.length > 0) {
    throw new RestoreRefused(
      `A server is using ${databasePath} (pid ${servers.join(", ")}). Stop it first, then restore.`,
    );
  }

  const safetyBackup = fs.existsSync(databasePath) ? keepCurrentState({ databasePath, uploadsDir, backupDir }) : null;

  // Copied beside the database, then renamed over it: the database file is either the old one
  // or the whole restored one, never half of each. The old WAL and shared-memory files belong to
  // the old database and must not be replayed onto the restored one.
  const incoming = `${databasePath}.restoring`;
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  fs.copyFileSync(source, incoming);
  const fd = fs.openSync(incoming, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  fs.renameSync(incoming, databasePath);

  const uploadsBackup = path.join(backupFolder, BACKUP_UPLOADS_FOLDER);
  fs.rmSync(uploadsDir, { recursive: true, force: true });
  if (fs.existsSync(uploadsBackup)) fs.cpSync(uploadsBackup, uploadsDir, { recursive: true });
  return { safetyBackup };
}

// A restore usually follows a broken database, which a snapshot cannot read: its files are then
// kept as they are, in a "-pre-restore-raw" folder.
function keepCurrentState({ databasePath, uploadsDir, backupDir }: { databasePath: string; uploadsDir: string; backupDir: string }): string {
  try {
    return createBackup({ databasePath, uploadsDir, backupDir, kind: "pre-restore" }).folder;
  } catch {
    const folder = path.join(backupDir, `${backupFolderName("pre-restore", currentTime())}-raw`);
    fs.mkdirSync(folder, { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) {
      const file = `${databasePath}${suffix}`;
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(folder, `${BACKUP_DATABASE_FILE}${suffix}`));
    }
    if (fs.existsSync(uploadsDir)) fs.cpSync(uploadsDir, path.join(folder, BACKUP_UPLOADS_FOLDER), { recursive: true });
    return folder;
  }
}
