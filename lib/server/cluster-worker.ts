// Entry point of one cluster worker (forked by cluster-primary.ts, with the primary's environment,
// after the primary has migrated the database).
import { getConfig } from "../config";
import { startWebServer } from "./web-server";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const web = await startWebServer(getConfig());
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void web.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
// Ctrl-C reaches the whole process group; the primary decides, and sends SIGTERM.
process.on("SIGINT", () => undefined);
// The primary is gone (killed without a chance to stop us): do not serve on alone.
process.on("disconnect", stop);
