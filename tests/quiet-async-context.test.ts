import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createQuietAsyncContext } from "@/lib/server/quiet-async-context";

function isEnabled(storage: AsyncLocalStorage<unknown>): boolean {
  return (storage as unknown as { enabled: boolean }).enabled;
}

describe("createQuietAsyncContext", () => {
  it("disables every used AsyncLocalStorage once no tracked request has run for the quiet period", async () => {
    const context = createQuietAsyncContext({ quietMs: 30 });
    const storage = new AsyncLocalStorage<string>();
    await storage.run("render", async () => {
      await sleep(1);
      expect(storage.getStore()).toBe("render");
    });
    expect(isEnabled(storage)).toBe(true);

    let finish!: () => void;
    const request = new Promise<void>((resolve) => (finish = resolve));
    context.track({ settled: request, closed: Promise.resolve(), abandoned: new Promise(() => undefined) });
    await sleep(60);
    // Still running: a render in flight keeps its context.
    expect(context.running).toBe(1);
    expect(isEnabled(storage)).toBe(true);

    finish();
    await sleep(10);
    expect(context.running).toBe(0);
    // Not quiet long enough yet.
    expect(isEnabled(storage)).toBe(true);
    await sleep(60);
    expect(isEnabled(storage)).toBe(false);
    expect(context.hookDisabledTimes).toBeGreaterThanOrEqual(1);
  });

  it("lets the next run() enable a disabled storage again, with its store carried through awaits", async () => {
    const context = createQuietAsyncContext({ quietMs: 10 });
    const storage = new AsyncLocalStorage<string>();
    storage.run("first", () => undefined);
    context.track({ settled: Promise.resolve(), closed: Promise.resolve(), abandoned: new Promise(() => undefined) });
    await sleep(40);
    expect(isEnabled(storage)).toBe(false);

    const seen = await storage.run("second", async () => {
      await sleep(1);
      await Promise.resolve();
      return storage.getStore();
    });
    expect(seen).toBe("second");
  });

  it("stops counting a request whose connection is gone, though its handler never finishes", async () => {
    const context = createQuietAsyncContext({ quietMs: 10 });
    const storage = new AsyncLocalStorage<string>();
    storage.run("render", () => undefined);
    let abandon!: () => void;
    context.track({
      settled: new Promise(() => undefined),
      closed: new Promise(() => undefined),
      abandoned: new Promise<void>((resolve) => (abandon = resolve)),
    });
    await sleep(40);
    expect(isEnabled(storage)).toBe(true);
    abandon();
    await sleep(40);
    expect(context.running).toBe(0);
    expect(isEnabled(storage)).toBe(false);
  });

  it("waits for the response to close as well as for the handler", async () => {
    const context = createQuietAsyncContext({ quietMs: 10 });
    const storage = new AsyncLocalStorage<string>();
    storage.run("render", () => undefined);
    let close!: () => void;
    context.track({ settled: Promise.resolve(), closed: new Promise<void>((resolve) => (close = resolve)), abandoned: new Promise(() => undefined) });
    await sleep(40);
    expect(context.running).toBe(1);
    expect(isEnabled(storage)).toBe(true);
    close();
    await sleep(40);
    expect(isEnabled(storage)).toBe(false);
  });
});
