import fs from "node:fs";

export type ProcessMemory = { pid: number; name: string; peakRssKb: number };

function readStatus(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

// A process and its descendants.
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(processTree)];
}

function describe(pid: number): string {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = args.find((arg) => /\.(ts|js|mjs)$/.test(arg));
    return script ? script.replace(/^.*\/(lib|scripts|\.next)\//, "$1/") : (args[0] ?? "?").replace(/^.*\//, "");
  } catch {
    return "?";
  }
}

// VmHWM: the most resident memory the process has ever had, so no sampling can miss a peak.
export function peakMemory(pids: number[]): ProcessMemory[] {
  return pids.flatMap((pid) => {
    const status = readStatus(pid);
    const match = status && /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? [{ pid, name: describe(pid), peakRssKb: Number(match[1]) }] : [];
  });
}

// CPU time (user + system) the processes have used so far, in milliseconds. Divided by the
// requests served in between, it gives the server's cost per request, which (unlike requests/s)
// hardly depends on what else the machine is running.
export function cpuMilliseconds(pids: number[]): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process is gone
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}
