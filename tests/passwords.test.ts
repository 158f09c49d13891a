import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/passwords";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a-long-enough-passphrase");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "a-long-enough-passphrase")).toBe(true);
    expect(await verifyPassword(hash, "a-long-enough-passphrasE")).toBe(false);
  });

  it("never matches an account without a password, and treats a corrupt hash as a mismatch", async () => {
    expect(await verifyPassword(null, "anything-at-all")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything-at-all")).toBe(false);
  });

  it.each([
    ["short", /at least 10/],
    ["1234567890", /too common/],
    ["Password123", /too common/],
    ["aaaaaaaaaaaa", /too common/],
    ["x".repeat(201), /at most 200/],
  ])("refuses %s", (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it("refuses the user's own name or email name, and accepts a decent passphrase", () => {
    expect(passwordProblem("maria.lopez", { email: "maria.lopez@example.com" })).toMatch(/name or email/);
    expect(passwordProblem("Jonathan Smith", { displayName: "jonathan smith" })).toMatch(/name or email/);
    expect(passwordProblem("correct-horse-battery")).toBeNull();
  });
});
