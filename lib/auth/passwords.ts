import { hash, verify } from "@node-rs/argon2";
import { commonPasswords } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// argon2id (algorithm 2) with OWASP's recommended minimum: 19 MiB, two passes, one lane.
const hashOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

// Verifying against a fixed hash when the account does not exist makes an unknown email cost the
// same time as a wrong password, so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

// The reason a new password is refused, or null when it is acceptable.
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password)) {
    return "This password is too common. Choose one that is harder to guess.";
  }
  const personal = [context.email?.split("@")[0], context.displayName].filter(
    (value): value is string => typeof value === "string" && value.length >= 4,
  );
  if (personal.some((value) => lowered === value.toLowerCase())) {
    return "Do not use your name or email address as your password.";
  }
  return null;
}
