import path from "node:path";
import { z } from "zod";

// Settings that come from the environment. Everything an operator can set is here and in README.
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as UTC or Asia/Tokyo");

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("data/site.db"),
  SITE_URL: z.url().optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SITE_TIME_ZONE: timeZone.default("UTC"),
  DEMO_CONTENT: booleanFlag.default(true),
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(0).max(4096).default(64),
  UPLOADS_DIR: z.string().min(1).default("data/uploads"),
});

export type AppConfig = {
  port: number;
  host: string;
  databasePath: string;
  siteUrl: string;
  trustProxy: boolean;
  timeZone: string;
  demoContent: boolean;
  pageCacheMaxBytes: number;
  // Where uploaded images' encoded variants are stored (absolute).
  uploadsDir: string;
};

function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]));
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const settings = parsed.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    databasePath: path.resolve(settings.DATABASE_PATH),
    siteUrl: (settings.SITE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ""),
    trustProxy: settings.TRUST_PROXY,
    timeZone: settings.SITE_TIME_ZONE,
    demoContent: settings.DEMO_CONTENT,
    pageCacheMaxBytes: settings.PAGE_CACHE_MAX_MB * 1024 * 1024,
    uploadsDir: path.resolve(settings.UPLOADS_DIR),
  };
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  cached ??= readConfig();
  return cached;
}
