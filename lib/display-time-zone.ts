import "server-only";
import { cache } from "react";
import { resolveSiteTimeZone } from "./site-time-zone";

// The zone dates are shown in (lib/site-time-zone.ts), read once per render.
export const getDisplayTimeZone = cache(resolveSiteTimeZone);
