/** What this process spent while something ran: CPU share and event-loop delay (the hub runs here). */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { nowMs } from './util';

export interface ProcessUse {
  /** CPU time of this process over wall time (1.0 = one core busy all the time). */
  cpu: number;
  /** CPU time of this process (user + system), ms. */
  cpuMs: number;
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** The machine's 1-minute load average at the end (other processes count too). */
  loadavg1: number;
  /** The machine's CPU time meanwhile: taken by the virtual machine's host (steal), waiting for the disk. */
  machine: MachineShares | null;
}

/** Shares of all the machine's CPU time over an interval, from /proc/stat (Linux). */
export interface MachineShares {
  steal: number;
  iowait: number;
}

/** The `cpu` line of /proc/stat: jiffies per state (user nice system idle iowait irq softirq steal ...). */
function cpuTimes(): number[] | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    return line.startsWith('cpu ') ? line.trim().split(/\s+/).slice(1, 9).map(Number) : null;
  } catch {
    return null;
  }
}

/**
 * Steal and iowait shares of the machine's CPU time from now until `stop`: on a shared virtual machine
 * the host's other guests take CPU time (steal) and disk time, which no load average shows, and runs of
 * the same code then differ by a quarter or more.
 */
export function watchMachine(): { stop(): MachineShares | null } {
  const before = cpuTimes();
  return {
    stop() {
      const after = cpuTimes();
      if (!before || !after) return null;
      const delta = after.map((v, i) => v - (before[i] ?? 0));
      const total = delta.reduce((a, b) => a + b, 0);
      if (total <= 0) return null;
      return { steal: (delta[7] ?? 0) / total, iowait: (delta[4] ?? 0) / total };
    },
  };
}

export function describeShares(shares: MachineShares | null): string {
  return shares
    ? `CPU steal ${(shares.steal * 100).toFixed(1)}%, iowait ${(shares.iowait * 100).toFixed(1)}%`
    : 'CPU steal n/a';
}

export function watchProcess(): { stop(): ProcessUse } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const machine = watchMachine();
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  return {
    stop() {
      histogram.disable();
      const cpu = process.cpuUsage(cpu0);
      const wall = nowMs() - t0;
      return {
        cpu: (cpu.user + cpu.system) / 1000 / wall,
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayP50: histogram.percentile(50) / 1e6,
        loopDelayP99: histogram.percentile(99) / 1e6,
        loopDelayMax: histogram.max / 1e6,
        loadavg1: loadavg()[0] ?? 0,
        machine: machine.stop(),
      };
    },
  };
}

export function describeUse(use: ProcessUse): string {
  return (
    `hub process CPU ${(use.cpu * 100).toFixed(0)}% of one core, event-loop delay p50 ${use.loopDelayP50.toFixed(1)} ms / ` +
    `p99 ${use.loopDelayP99.toFixed(1)} ms / max ${use.loopDelayMax.toFixed(0)} ms; machine load average ${use.loadavg1.toFixed(2)}, ` +
    describeShares(use.machine)
  );
}
