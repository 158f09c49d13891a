import type { Encoding } from "./page-cache-store";
import { remembered } from "./remembered";

function parsePreferredEncoding(header: string): Encoding {
  const quality = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (quality.get(name) ?? quality.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

// Browsers send a handful of distinct Accept-Encoding values, so each is parsed once.
const rememberedEncoding = remembered(parsePreferredEncoding, 256);

export function preferredEncoding(header: string | string[] | undefined): Encoding {
  return rememberedEncoding(Array.isArray(header) ? header.join(",") : (header ?? ""));
}
