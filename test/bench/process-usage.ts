// Owns reading another process's CPU time and memory from /proc (Linux), where process.cpuUsage cannot reach.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessUsage {
  /** User + system CPU time since the process started. */
  cpuMs: number;
  /** Resident set size now (VmRSS). */
  rssBytes: number;
  /** Highest resident set size so far (VmHWM). */
  peakRssBytes: number;
}

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat; 100 on practically every Linux. */
const CLOCK_TICKS = ((): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** The fields after the command name; the name is in parentheses and may itself contain spaces or ')'. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function readProcessUsage(pid: number): ProcessUsage {
  // After the name: [0] is field 3 (state), so utime (field 14) is [11] and stime (field 15) is [12].
  const fields = statFields(pid);
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
  };
  return { cpuMs: (ticks / CLOCK_TICKS) * 1000, rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/**
 * Pids whose parent is `parentPid` and whose command line contains `marker`: finds a server child that a
 * failed start left running, so it can be stopped by its id (other children, e.g. esbuild's, are left alone).
 */
export function childPids(parentPid: number, marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(Number(entry))[1]) !== parentPid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').includes(marker)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export interface MachineCpu {
  /** CPU time all cores spent running anything (user, nice, system, irq, softirq) since boot. */
  busyMs: number;
}

/** From the first line of /proc/stat; idle, iowait and steal (time the hypervisor gave to other VMs) are not busy. */
export function readMachineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
  const ticks = [user, nice, system, irq, softirq].reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return { busyMs: (ticks / CLOCK_TICKS) * 1000 };
}
