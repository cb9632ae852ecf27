import { describe, expect, it } from 'vitest';
import { appointmentIdFor, appointmentSchemas, onlineRequestIdFor, onlineSchemas } from './online';
import { PIN_LENGTH, PIN_PATTERN } from './rules';

// The hub makes these ids with the functions; the payload schemas beside them accept exactly what they make.
describe('ids made and checked in one place', () => {
  it('an online request id from its office day and sequence passes online:get', () => {
    const id = onlineRequestIdFor('2026-11-25', 3);
    expect(id).toBe('ON-20261125-003');
    expect(onlineSchemas['online:get'].safeParse({ requestId: id }).success).toBe(true);
    expect(onlineSchemas['online:get'].safeParse({ requestId: 'ON-2026-11-25-3' }).success).toBe(false);
  });

  it('an appointment id from its code passes appointment:attendance', () => {
    const id = appointmentIdFor('K7M2PQ');
    expect(id).toBe('janji-k7m2pq');
    const attendance = appointmentSchemas['appointment:attendance'];
    expect(attendance.safeParse({ appointmentId: id, attended: true }).success).toBe(true);
    expect(attendance.safeParse({ appointmentId: 'janji-k7m2p', attended: true }).success).toBe(false);
    expect(attendance.safeParse({ appointmentId: 'janji-K7M2PQ', attended: true }).success).toBe(false);
  });
});

describe('PIN_PATTERN from PIN_LENGTH', () => {
  it('takes 4 to 8 digits, as the PIN fields limit them', () => {
    expect(['1234', '12345678'].every((pin) => PIN_PATTERN.test(pin))).toBe(true);
    expect(['123', '123456789', '12a4', ' 1234'].some((pin) => PIN_PATTERN.test(pin))).toBe(false);
    expect(PIN_LENGTH).toEqual({ min: 4, max: 8 });
  });
});
