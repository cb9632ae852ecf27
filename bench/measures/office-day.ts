/**
 * 11. A simulated office day: a day's visits at an office's pace (bench/lib/office-day.ts) on the
 * built hub in its own process, its clock running `officeDayFactor` times faster than real time,
 * displays connected; the hub's RSS sampled through the day. Memory that grows with time or with
 * the day's work shows as a slope per simulated hour; it must level off in the second half.
 */
import type { OfficeDayResult, OfficeDaySpec } from '../lib/office-day';
import { startOfficeDay } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log, mb, nowMs, slope } from '../lib/util';
import { describeGrowth, type MemorySnapshot, rssOf, startHubOffice } from './memory';

/** RSS growth allowed in the second half of the day, per simulated hour. */
export const OFFICE_DAY_SLOPE_LIMIT_MB_PER_HOUR = 0.5;

export interface OfficeDayData {
  /** [simulated hours since opening, RSS bytes] */
  samples: Array<[number, number]>;
  slopeMbPerHour: number;
  slopeSecondHalfMbPerHour: number;
  start: MemorySnapshot;
  end: MemorySnapshot;
  day: OfficeDayResult;
}

export async function officeDay(sizes: Sizes): Promise<MeasureResult<OfficeDayData>> {
  const label = 'office day';
  const factor = sizes.officeDayFactor;
  const [front, service] = sizes.officeDayDesks;
  const office = await startHubOffice(sizes, sizes.officeDayDisplays, {
    timeFactor: factor,
    desks: [front, service],
  });
  try {
    await office.connectClients();
    const start = await office.hub.heap(true);
    log(
      `${label}: ${sizes.officeDayVisits} visits over ${sizes.officeDayHours} simulated hours, clock x${factor} ` +
        `(${((sizes.officeDayHours * 3600) / factor).toFixed(0)} s), ${front} + ${service} desks, ${sizes.officeDayDisplays} displays`,
    );
    const spec: OfficeDaySpec = {
      url: office.hub.url,
      kiosks: office.tokens.kiosks.slice(0, 2),
      desks: office.tokens.staff.map((s) => ({
        token: s.token,
        deskId: s.deskId,
        kind: office.config.desks.find((d) => d.id === s.deskId)?.kind ?? 'service',
      })),
      visits: sizes.officeDayVisits,
      hours: sizes.officeDayHours,
      factor,
      seed: sizes.seed + 8,
    };
    const running = startOfficeDay(spec);
    await running.ready;
    // The day starts now: sessions, waits and targets run on the hub's fast clock from here.
    await office.hub.speedUp();
    running.child.send({ type: 'go' });
    const t0 = nowMs();
    const samples: Array<[number, number]> = [];
    const take = () => samples.push([((nowMs() - t0) * factor) / 3_600_000, rssOf(office.hub.pid)]);
    take();
    const sampler = setInterval(take, sizes.sampleEveryMs);
    const day = await running.result.finally(() => clearInterval(sampler));
    take();
    const end = await office.hub.heap(true);
    const toMb = (points: Array<[number, number]>) =>
      points.map(([h, v]) => [h, v / 1024 / 1024] as [number, number]);
    const lastHour = samples[samples.length - 1]?.[0] ?? 0;
    const slopeMbPerHour = slope(toMb(samples));
    const slopeSecondHalfMbPerHour = slope(toMb(samples.filter(([h]) => h >= lastHour / 2)));
    const values = samples.map(([, v]) => v);
    log(
      `${label}: RSS first ${mb(values[0] ?? 0)} last ${mb(values[values.length - 1] ?? 0)}, second half ${slopeSecondHalfMbPerHour.toFixed(2)} MB per simulated hour`,
    );
    const rows: Row[] = [
      {
        measurement: label,
        metric: `simulated ${sizes.officeDayHours}-hour day (${day.taken} visits, clock x${factor}), hub RSS per simulated hour in the second half`,
        value:
          `${slopeSecondHalfMbPerHour.toFixed(2)} MB/h (whole day ${slopeMbPerHour.toFixed(2)} MB/h); ` +
          `first ${mb(values[0] ?? 0)} / last ${mb(values[values.length - 1] ?? 0)} / max ${mb(Math.max(...values))}`,
        target: `< ${OFFICE_DAY_SLOPE_LIMIT_MB_PER_HOUR} MB/h`,
        verdict: slopeSecondHalfMbPerHour < OFFICE_DAY_SLOPE_LIMIT_MB_PER_HOUR ? 'met' : 'missed',
        note: `${day.finished} visits finished, ${day.commands} commands, ${day.errors} errors`,
      },
    ];
    const details = [
      `**${label}**: the built hub in its own process with its clock running ${factor} times faster than real time from 09.00 WIB ` +
        `(${sizes.officeDayHours} simulated hours in ${day.realSeconds.toFixed(0)} s); ${sizes.officeDayVisits} visitors arriving ` +
        'through the day (most in the morning, fewer over lunch) at 2 kiosks, the hub printing every ticket; ' +
        `${front} front-office desks filling the guest book in 2-5 simulated minutes, ${service} service desks serving in 5-15; ` +
        `${sizes.officeDayDisplays} displays connected. ${day.taken} tickets, ${day.finished} finished, ${day.commands} commands ` +
        `acknowledged, ${day.errors} refused${day.errorSamples.length ? ` (${day.errorSamples.slice(0, 5).join('; ')})` : ''}. ` +
        `After a full GC at opening and at closing: ${describeGrowth(start, end)}; ${end.tickets} tickets of the day in memory.`,
      `Office-day RSS samples (simulated hour: MB): ${samples.map(([h, v]) => `${h.toFixed(2)}: ${(v / 1024 / 1024).toFixed(1)}`).join(', ')}`,
    ];
    return {
      rows,
      details,
      data: { samples, slopeMbPerHour, slopeSecondHalfMbPerHour, start, end, day },
    };
  } finally {
    await office.close();
  }
}
