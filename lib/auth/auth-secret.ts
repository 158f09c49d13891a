import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "../config";

let secret: string | undefined;

// AUTH_SECRET when set; otherwise one generated on first start and kept beside the database
// (0600), so `npm start` works out of the box and sessions survive a restart.
export function getAuthSecret(): string {
  if (secret) return secret;
  const fromEnvironment = process.env.AUTH_SECRET?.trim();
  if (fromEnvironment) return (secret = fromEnvironment);
  const file = path.join(path.dirname(getConfig().databasePath), "auth-secret");
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(48).toString("base64url");
    try {
      // "wx" fails if another process won the race; then read what it wrote.
      fs.writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
      secret = generated;
    } catch {
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  if (!secret) throw new Error(`The session secret in ${file} is empty; delete the file to generate a new one.`);
  return secret;
}
