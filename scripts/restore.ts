// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` (or before a
// migration) back in place, after checking it. Refused while a server uses the database.
import path from "node:path";
import { RestoreRefused, restoreBackup } from "../lib/backups/restore-backup";
import { getConfig } from "../lib/config";

const usage = `Usage: npm run restore -- <backup folder>

Replaces the database at DATABASE_PATH and the folder at UPLOADS_DIR with the backup's copies.
Stop the server first. The current database is backed up first (a "-pre-restore" folder).`;

const [folder, ...rest] = process.argv.slice(2);
if (!folder || rest.length > 0 || folder === "--help" || folder === "-h") {
  console.log(usage);
  process.exitCode = folder === "--help" || folder === "-h" ? 0 : 1;
} else {
  try {
    const { databasePath, uploadsDir, backupDir } = getConfig();
    const backupFolder = path.resolve(folder);
    const { safetyBackup } = restoreBackup({ backupFolder, databasePath, uploadsDir, backupDir });
    if (safetyBackup) console.log(`Kept the previous database in ${safetyBackup}`);
    console.log(`Restored ${backupFolder} to ${databasePath}. Start the server again.`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof RestoreRefused ? `Refused: ${message}` : `Error: restore failed: ${message}`);
    process.exitCode = 1;
  }
}
