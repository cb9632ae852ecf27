import { errorText } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { visitorErrorText } from './visitor-error';

describe('visitorErrorText', () => {
  it("tells a visitor who was refused for speed what to do, in the visitor's words", () => {
    expect(visitorErrorText('RATE_LIMITED', 'id')).toBe(
      'Mohon tunggu beberapa detik lalu sentuh layanan lagi; bila gagal, minta bantuan petugas.',
    );
    expect(visitorErrorText('RATE_LIMITED', 'en')).toMatch(/^Please wait a few seconds/);
    expect(visitorErrorText('TIMEOUT', 'id')).not.toMatch(/server/i);
  });

  it('keeps the error table for codes already worded for visitors', () => {
    expect(visitorErrorText('APPOINTMENT_CODE_UNKNOWN', 'id')).toBe(
      errorText('APPOINTMENT_CODE_UNKNOWN', 'id'),
    );
    // A code from a newer hub reads as a failure the visitor can retry, not as staff words.
    expect(visitorErrorText('NO_SUCH_CODE', 'en')).toBe(visitorErrorText('INTERNAL', 'en'));
    expect(visitorErrorText('INTERNAL', 'en')).not.toBe(errorText('INTERNAL', 'en'));
  });
});
