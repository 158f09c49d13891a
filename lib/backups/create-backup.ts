import fs from "node:fs";
import path from "node:path";
import { checkDatabaseFile, snapshotDatabase } from "../../db/backup";
import { currentTime } from "../clock";

// A backup is one folder under the backup directory, named by its time (and kind):
//   <backupDir>/2026-11-29T03-15-00-123Z[-pre-migration]/
//     database.sqlite   consistent snapshot of the database
//     uploads/          copy of the uploads folder, when there was one
//     manifest.json     what, when, from where
// It is written under a `.partial` name and renamed when complete, so a folder without that
// suffix is always a whole backup.
export type BackupKind = "manual" | "pre-migration" | "pre-restore";

export const BACKUP_DATABASE_FILE = "database.sqlite";
export const BACKUP_UPLOADS_FOLDER = "uploads";
export const BACKUP_MANIFEST_FILE = "manifest.json";
const PARTIAL_SUFFIX = ".partial";

export type BackupManifest = {
  kind: BackupKind;
  createdAt: string;
  databasePath: string;
  appliedMigrations: number;
  uploads: boolean;
};

export function backupFolderName(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  return kind === "manual" ? stamp : `${stamp}-${kind}`;
}

export function createBackup({
  databasePath,
  uploadsDir,
  backupDir,
  kind = "manual",
}: {
  databasePath: string;
  uploadsDir: string;
  backupDir: string;
  kind?: BackupKind;
}): { folder: string; manifest: BackupManifest } {
  const createdAt = currentTime();
  let folder = path.join(backupDir, backupFolderName(kind, createdAt));
  // Two backups in the same millisecond (a script in a loop) get distinct folders.
  for (let n = 2; fs.existsSync(folder) || fs.existsSync(folder + PARTIAL_SUFFIX); n += 1) {
    folder = path.join(backupDir, `${backupFolderName(kind, createdAt)}-${n}`);
  }
  const partial = folder + PARTIAL_SUFFIX;
  fs.mkdirSync(partial, { recursive: true });
  try {
    const databaseCopy = path.join(partial, BACKUP_DATABASE_FILE);
    snapshotDatabase(databasePath, databaseCopy);
    // Checked at once, so a backup that exists is one that restores.
    const check = checkDatabaseFile(databaseCopy);
    if (!check.ok) throw new Error(`The new backup of ${databasePath} failed its check: ${check.problem}`);
    // Uploads are copied after the snapshot: a file is written before the row that refers to it,
    // so every upload the snapshot mentions is already there.
    const uploads = fs.existsSync(uploadsDir);
    if (uploads) fs.cpSync(uploadsDir, path.join(partial, BACKUP_UPLOADS_FOLDER), { recursive: true });
    const manifest: BackupManifest = {
      kind,
      createdAt: createdAt.toISOString(),
      databasePath,
      appliedMigrations: check.appliedMigrations,
      uploads,
    };
    fs.writeFileSync(path.join(partial, BACKUP_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
