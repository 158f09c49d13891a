// A child process standing in for a running server in tests/backup-restore.test.ts: it registers
// itself for DATABASE_PATH exactly as server.ts does, holds a connection open, prints "ready" and
// waits to be killed.
import { getDb } from "../../db/client";
import { registerRunningServer } from "../../lib/backups/running-servers";
import { getConfig } from "../../lib/config";

registerRunningServer(getConfig().databasePath);
getDb().$client.prepare("select count(*) from comments").get();
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
