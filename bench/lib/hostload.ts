/** What this process spent while something ran: CPU share and event-loop delay (the hub runs here). */
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
}

export function watchProcess(): { stop(): ProcessUse } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
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
      };
    },
  };
}

export function describeUse(use: ProcessUse): string {
  return (
    `hub process CPU ${(use.cpu * 100).toFixed(0)}% of one core, event-loop delay p50 ${use.loopDelayP50.toFixed(1)} ms / ` +
    `p99 ${use.loopDelayP99.toFixed(1)} ms / max ${use.loopDelayMax.toFixed(0)} ms; machine load average ${use.loadavg1.toFixed(2)}`
  );
}
