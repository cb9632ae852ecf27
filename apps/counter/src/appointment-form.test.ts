import { describe, expect, it } from 'vitest';
import { bookingProblem } from './appointment-form';

const booking = {
  kind: 'zoom' as const,
  serviceId: 'konsultasi',
  date: '2026-11-26',
  time: '10:00',
  staffId: null,
  requesterName: 'Dewi Lestari',
  phone: '0857 1234 5678',
};

describe('the booking form checks with the hub’s schema', () => {
  it.each([
    ['no link', ''],
    ['a plain http link', 'http://zoom.us/j/1'],
    ['a script link', 'javascript:alert(1)'],
    ['text riding along', 'https://zoom.us/j/1 Transfer Rp50.000 ke rek 123 sebelum rapat'],
    ['another host', 'https://zoom.us.evil.example/j/1'],
    ['a look-alike host', 'https://evilzoom.us/j/1'],
    ['a user and password', 'https://user:pass@zoom.us/j/1'],
    ['a line break', 'https://zoom.us/j/1\nBayar dulu'],
  ])('refuses a Zoom meeting with %s by the Zoom-link code', (_name, zoomLink) => {
    expect(bookingProblem({ ...booking, zoomLink })).toEqual({
      field: 'zoomLink',
      code: 'APPOINTMENT_ZOOM_LINK',
    });
  });
  it('takes a Zoom meeting with an https link, and an in-person one without a link', () => {
    expect(bookingProblem({ ...booking, zoomLink: 'https://zoom.us/j/123456789' })).toBeNull();
    expect(bookingProblem({ ...booking, zoomLink: 'https://bps-go-id.zoom.us/j/123?pwd=abc' })).toBeNull();
    expect(bookingProblem({ ...booking, zoomLink: '  https://zoom.us/j/1  ' })).toBeNull();
    expect(bookingProblem({ ...booking, kind: 'langsung', zoomLink: '' })).toBeNull();
  });
  it('refuses a day that is not on the calendar', () => {
    expect(bookingProblem({ ...booking, zoomLink: 'https://zoom.us/j/1', date: '2026-13-01' })).toEqual({
      field: 'date',
      code: 'VALIDATION_FAILED',
    });
    expect(bookingProblem({ ...booking, zoomLink: 'https://zoom.us/j/1', date: '2026-02-31' })).toMatchObject(
      {
        field: 'date',
      },
    );
  });
  it('names any other problem by the general code', () => {
    expect(bookingProblem({ ...booking, kind: 'langsung', phone: '12' })).toEqual({
      field: 'phone',
      code: 'VALIDATION_FAILED',
    });
  });
});
