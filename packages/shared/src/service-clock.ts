import type { ServiceClockView } from './contract';

const MINUTE = 60_000;

/**
 * What a waiting ticket's 10-minute clock reads, in whole minutes, as every screen shows it
 * ("sisa 3 mnt" / "lewat 1 mnt"). The breach is queue-core's: a visitor called at exactly the
 * deadline is still within target (`serviceWait <= target`), so the clock is late only once `now`
 * is past the deadline.
 * - `left`: minutes to the deadline rounded up, so it reads the target at the start and never more
 *   (left + whole minutes elapsed = target); 0 only at the deadline itself.
 * - `late`: minutes past the deadline rounded up, at least 1: a ticket shown late never reads "0".
 */
export type ServiceClockReading =
  | { state: 'not-started' }
  | { state: 'left'; minutes: number }
  | { state: 'late'; minutes: number };

export function readServiceClock(clock: ServiceClockView, now: number): ServiceClockReading {
  if (clock.deadline === null) return { state: 'not-started' };
  const toDeadline = clock.deadline - now;
  if (toDeadline < 0) return { state: 'late', minutes: Math.max(1, Math.ceil(-toDeadline / MINUTE)) };
  return { state: 'left', minutes: Math.min(clock.targetMinutes, Math.ceil(toDeadline / MINUTE)) };
}
