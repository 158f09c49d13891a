import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig as readConfigFrom } from "@/lib/config";

// Only the given variables: the real environment must not leak into these expectations.
function readConfig(vars: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", ...vars };
  return readConfigFrom(env);
}

describe("readConfig defaults", () => {
  const config = readConfig({});

  it("listens on port 3000 on every interface", () => {
    expect(config.port).toBe(3000);
    expect(config.host).toBe("0.0.0.0");
  });

  it("keeps the database at data/site.db, resolved to an absolute path", () => {
    expect(path.isAbsolute(config.databasePath)).toBe(true);
    expect(config.databasePath).toBe(path.resolve(process.cwd(), "data/site.db"));
  });

  it("shows dates in UTC, seeds demo content and does not trust proxy headers", () => {
    expect(config.timeZone).toBe("UTC");
    expect(config.demoContent).toBe(true);
    expect(config.trustProxy).toBe(false);
  });

  it("derives the site URL from the port", () => {
    expect(config.siteUrl).toBe("http://localhost:3000");
    expect(readConfig({ PORT: "8080" }).siteUrl).toBe("http://localhost:8080");
  });

  it("gives the page cache 64 MiB", () => {
    expect(config.pageCacheMaxBytes).toBe(64 * 1024 * 1024);
    expect(config.uploadsDir).toBe(path.resolve("data/uploads"));
  });

  it("treats empty variables as unset", () => {
    expect(readConfig({ PORT: "", SITE_TIME_ZONE: "", DEMO_CONTENT: "", SITE_URL: "" })).toEqual(config);
  });
});

describe("readConfig with settings", () => {
  it("reads every setting", () => {
    const config = readConfig({
      PORT: "4100",
      HOST: "127.0.0.1",
      DATABASE_PATH: "/var/lib/crosscurrents/site.db",
      SITE_URL: "https://crosscurrents.example",
      TRUST_PROXY: "true",
      SITE_TIME_ZONE: "Asia/Tokyo",
      DEMO_CONTENT: "off",
      PAGE_CACHE_MAX_MB: "16",
      UPLOADS_DIR: "/srv/crosscurrents/uploads",
    });
    expect(config).toEqual({
      port: 4100,
      host: "127.0.0.1",
      databasePath: "/var/lib/crosscurrents/site.db",
      siteUrl: "https://crosscurrents.example",
      trustProxy: true,
      timeZone: "Asia/Tokyo",
      demoContent: false,
      pageCacheMaxBytes: 16 * 1024 * 1024,
      uploadsDir: "/srv/crosscurrents/uploads",
    });
  });

  it("resolves a relative DATABASE_PATH against the working directory", () => {
    expect(readConfig({ DATABASE_PATH: "tmp/other.db" }).databasePath).toBe(path.resolve("tmp/other.db"));
  });

  it("removes trailing slashes from SITE_URL, keeping its path", () => {
    expect(readConfig({ SITE_URL: "https://crosscurrents.example/" }).siteUrl).toBe("https://crosscurrents.example");
    expect(readConfig({ SITE_URL: "https://example.com/blog//" }).siteUrl).toBe("https://example.com/blog");
  });

  it.each([
    ["1", true],
    ["yes", true],
    ["on", true],
    ["true", true],
    ["0", false],
    ["no", false],
    ["off", false],
    ["false", false],
  ])("accepts %s as a boolean flag", (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
    expect(readConfig({ DEMO_CONTENT: value }).demoContent).toBe(expected);
  });

  it("allows turning the page cache off", () => {
    expect(readConfig({ PAGE_CACHE_MAX_MB: "0" }).pageCacheMaxBytes).toBe(0);
  });
});

describe("readConfig rejects invalid values with a message naming the variable", () => {
  it.each(["abc", "0", "65536", "-1", "3000.5"])("PORT=%s", (value) => {
    expect(() => readConfig({ PORT: value })).toThrow(/Invalid configuration[\s\S]*PORT/);
  });

  it.each(["Mars/Olympus_Mons", "Tokyo", "Not a zone"])("SITE_TIME_ZONE=%s", (value) => {
    expect(() => readConfig({ SITE_TIME_ZONE: value })).toThrow(/SITE_TIME_ZONE: must be an IANA time zone/);
  });

  it.each(["maybe", "2", "enabled"])("TRUST_PROXY=%s", (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/Invalid configuration[\s\S]*TRUST_PROXY/);
  });

  it("DEMO_CONTENT, SITE_URL and PAGE_CACHE_MAX_MB", () => {
    expect(() => readConfig({ DEMO_CONTENT: "sometimes" })).toThrow(/DEMO_CONTENT/);
    expect(() => readConfig({ SITE_URL: "not a url" })).toThrow(/SITE_URL/);
    expect(() => readConfig({ PAGE_CACHE_MAX_MB: "lots" })).toThrow(/PAGE_CACHE_MAX_MB/);
  });

  it("reports every problem at once", () => {
    let message = "";
    try {
      readConfig({ PORT: "nope", TRUST_PROXY: "maybe", SITE_TIME_ZONE: "Nowhere/Else" });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/TRUST_PROXY/);
    expect(message).toMatch(/SITE_TIME_ZONE/);
  });
});
