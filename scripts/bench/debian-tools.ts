import { spawnSync } from "node:child_process";
import fs from "node:fs";

// nginx and wrk come from Debian: installed when missing and we are root, otherwise the bench
// says what to install.
export function ensureDebianTool(binary: string, aptPackage: string): boolean {
  if (fs.existsSync(binary)) return true;
  if (process.getuid?.() !== 0) {
    console.log(`${binary} is missing; install it with: apt-get install ${aptPackage}`);
    return false;
  }
  console.log(`Installing ${aptPackage} (apt-get install -y ${aptPackage})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let result = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", aptPackage], { stdio: "inherit", env });
  if (result.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    result = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", aptPackage], { stdio: "inherit", env });
  }
  return result.status === 0 && fs.existsSync(binary);
}
