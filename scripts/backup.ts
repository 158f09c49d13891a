// `npm run backup`: a consistent copy of the live database and the uploads folder in
// BACKUP_DIR/<timestamp>/, taken while the server keeps serving. See README, "Backups and restore".
import { createBackup } from "../lib/backups/create-backup";
import { getConfig } from "../lib/config";

try {
  const { databasePath, uploadsDir, backupDir } = getConfig();
  const { folder, manifest } = createBackup({ databasePath, uploadsDir, backupDir });
  console.log(`Backed up ${databasePath}${manifest.uploads ? ` and ${uploadsDir}` : ""} to ${folder}`);
} catch (error) {
  console.error(`Error: backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
