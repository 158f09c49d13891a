import { AsyncLocalStorage } from "node:async_hooks";

// On Node 20, AsyncLocalStorage carries its stores through an async hook: once any instance has
// been used, JavaScript runs for every promise, timer tick and socket write the process creates.
// Next and React use several instances while they render, and from the first render on that hook
// cost a stored-page hit, which needs no context at all, 10–25 µs of CPU out of 80–110 (measured
// with `npm run bench` on the 2-core development machine).
//
// So the serving process tells this module when a request that may use them (everything but a
// stored-page hit) starts and ends. Once none has run for `quietMs`, every instance is disabled,
// which turns the hook off; the next render's `run()` turns it back on. The quiet period covers
// work a render leaves behind after its response (a stream's last flush, a late log line).
// Nothing of Next or React calls enterWith(), the one use a disable would silently end.

type Tracked = { run: AsyncLocalStorage<unknown>["run"]; enterWith: AsyncLocalStorage<unknown>["enterWith"] };

const usedInstances = new Set<AsyncLocalStorage<unknown>>();
let installed = false;

// Records every instance that is ever used, whoever created it (Next's own copies, React's, ours).
function trackInstances(): void {
  if (installed) return;
  installed = true;
  const prototype = AsyncLocalStorage.prototype as unknown as Tracked;
  const { run, enterWith } = prototype;
  prototype.run = function trackedRun(this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
    usedInstances.add(this);
    return run.apply(this, args);
  } as typeof run;
  prototype.enterWith = function trackedEnterWith(this: AsyncLocalStorage<unknown>, store: unknown) {
    usedInstances.add(this);
    return enterWith.call(this, store);
  };
}

export type QuietAsyncContext = {
  // Marks a request that may render as running until `settled` settles and `closed` resolves, or
  // until `abandoned` resolves (its connection is gone: a response queued behind another on a
  // pipelined connection never closes, nor does its handler finish).
  track(request: { settled: Promise<unknown>; closed: Promise<unknown>; abandoned: Promise<unknown> }): void;
  readonly running: number;
  readonly hookDisabledTimes: number;
};

// One count per process, as the instances it disables are the process's.
let running = 0;
let hookDisabledTimes = 0;
let lastEndedAt = 0;
let timer: NodeJS.Timeout | undefined;

function disableWhenQuiet(quietMs: number): void {
  timer = undefined;
  if (running > 0) return;
  const quietFor = Date.now() - lastEndedAt;
  if (quietFor < quietMs) {
    timer = setTimeout(disableWhenQuiet, quietMs - quietFor, quietMs).unref();
    return;
  }
  let disabled = false;
  for (const instance of usedInstances) {
    disabled ||= (instance as unknown as { enabled?: boolean }).enabled !== false;
    instance.disable();
  }
  if (disabled) hookDisabledTimes += 1;
}

export function createQuietAsyncContext({ quietMs }: { quietMs: number }): QuietAsyncContext {
  trackInstances();
  return {
    track({ settled, closed, abandoned }) {
      running += 1;
      const finished = Promise.allSettled([settled, closed]);
      void Promise.race([finished, abandoned]).then(() => {
        running -= 1;
        lastEndedAt = Date.now();
        if (running === 0 && timer === undefined) timer = setTimeout(disableWhenQuiet, quietMs, quietMs).unref();
      });
    },
    get running() {
      return running;
    },
    get hookDisabledTimes() {
      return hookDisabledTimes;
    },
  };
}
