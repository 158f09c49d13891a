import { z } from "zod";

// Zod 4 compiles object parsers with `new Function` unless told not to, probing for it first;
// under the site's Content-Security-Policy (no 'unsafe-eval') that probe is reported as a
// violation in the browser. Every schema module the client bundles imports this first.
z.config({ jitless: true });
