import { randomUUID } from "node:crypto";

// A moderation command's id travels in the queue's URL (?undo=) and forms: random, so it cannot be
// guessed, and checked against its owner anyway.
export function newModerationBatchId(): string {
  return randomUUID();
}

const batchIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isModerationBatchId(value: unknown): value is string {
  return typeof value === "string" && batchIdPattern.test(value);
}
