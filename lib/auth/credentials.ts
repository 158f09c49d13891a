import { findCredentialsByEmail, normaliseEmail } from "../../db/queries/auth-users";
import { logSignIn } from "../audit-log";
import { recordAttempt, resetAttempts, secondsUntilAllowed } from "../rate-limits";
import { verifyPassword } from "./passwords";

export type CredentialsCheck =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; seconds: number };

function accountKey(email: string, ip: string): string {
  return `${normaliseEmail(email)}|${ip}`;
}

// Seconds this email/address pair must wait before another attempt (0 when it may try now).
export async function signInWaitSeconds(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([
    secondsUntilAllowed("signInAccountAndIp", accountKey(email, ip)),
    secondsUntilAllowed("signInIp", ip),
  ]);
  return Math.max(account, address);
}

// The one place a password is checked. A throttled attempt is refused at once, without hashing;
// an unknown email and a wrong password cost the same and answer the same.
export async function checkCredentials({
  email,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string;
}): Promise<CredentialsCheck> {
  const wait = await signInWaitSeconds(email, ip);
  if (wait > 0) {
    logSignIn({ outcome: "throttled", email, ip });
    return { ok: false, reason: "throttled", seconds: wait };
  }

  const account = await findCredentialsByEmail({ email });
  const matches = await verifyPassword(account?.passwordHash ?? null, password);
  if (!account || !matches) {
    await Promise.all([recordAttempt("signInAccountAndIp", accountKey(email, ip)), recordAttempt("signInIp", ip)]);
    logSignIn({ outcome: "failure", userId: account?.id ?? null, email, ip });
    return { ok: false, reason: "invalid" };
  }
  await resetAttempts("signInAccountAndIp", accountKey(email, ip));
  logSignIn({ outcome: "success", userId: account.id, ip });
  return { ok: true, userId: account.id, sessionVersion: account.sessionVersion };
}
