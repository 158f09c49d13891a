import fs from "node:fs";
import path from "node:path";

// Which processes serve a database right now, so that a restore never swaps the file under a live
// server. Every server process writes a file named by its pid into `<database>.servers/` (a folder,
// because a cluster has several processes) and removes it when it exits. A process killed with
// SIGKILL leaves its file behind; the pid is then checked, so a stale file does not count.
export function runningServersFolder(databasePath: string): string {
  return `${databasePath}.servers`;
}

export function registerRunningServer(databasePath: string, pid: number = process.pid): () => void {
  const folder = runningServersFolder(databasePath);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, String(pid));
  fs.writeFileSync(file, `${new Date().toISOString()}\n`);
  const unregister = () => fs.rmSync(file, { force: true });
  process.once("exit", unregister);
  return unregister;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Pids of live processes registered for this database; stale registrations are removed.
export function listRunningServers(databasePath: string): number[] {
  const folder = runningServersFolder(databasePath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const alive: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    // Our own pid can only be a dead server's leftover (this process serves nothing).
    if (pid !== process.pid && isAlive(pid)) alive.push(pid);
    else fs.rmSync(path.join(folder, name), { force: true });
  }
  return alive;
}
