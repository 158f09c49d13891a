import fs from "node:fs";
import path from "node:path";
import type { BackupKind } from "./create-backup";

// Automatic backups (before a migration, before a restore) are pruned to the newest few of each
// kind; backups made with `npm run backup` are the operator's and are never deleted here.
export const AUTOMATIC_BACKUPS_KEPT = 5;
const automaticKinds: BackupKind[] = ["pre-migration", "pre-restore"];

export function pruneAutomaticBackups(backupDir: string, keep: number = AUTOMATIC_BACKUPS_KEPT): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const kind of automaticKinds) {
    // Folder names start with an ISO timestamp, so name order is time order.
    const ofKind = names.filter((name) => new RegExp(`-${kind}(-\\d+)?$`).test(name)).sort().reverse();
    for (const name of ofKind.slice(keep)) {
      fs.rmSync(path.join(backupDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
