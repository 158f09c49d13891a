import type { Instrumentation } from "next";

// Errors Next catches while rendering a page, running a route handler or a server action: logged
// as JSON (lib/error-log.ts) with the route, never the request headers (they carry the cookie).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logUnhandledError } = await import("./lib/error-log");
  logUnhandledError("next", error, {
    method: request.method,
    url: request.path,
    routePath: context.routePath,
    routeType: context.routeType,
    ...(typeof error === "object" && error !== null && "digest" in error ? { digest: String(error.digest) } : {}),
  });
};
