import { getDb } from "@/db/client";
import { checkHealth } from "@/db/queries/health";
import { logger } from "@/lib/logger";

// For load balancers and uptime monitors: 200 when this process serves, its database answers and
// is fully migrated; 503 otherwise. The body says which check failed, never why in detail (that
// goes to the log).
export function GET(): Response {
  const { report, error } = checkHealth(() => getDb().$client);
  if (error) logger.error({ event: "health-check-failed", err: error }, "Health check: the database did not answer");
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
