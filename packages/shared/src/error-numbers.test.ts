import { expect, it } from 'vitest';
import { ERRORS } from './errors';
import { APPOINTMENT_HORIZON_DAYS } from './online';

// Messages that state a rule's number in words: changing the rule must change the message too.
it('says the booking horizon the rule uses', () => {
  expect(ERRORS.APPOINTMENT_TOO_FAR.id).toContain(`${APPOINTMENT_HORIZON_DAYS} hari`);
  expect(ERRORS.APPOINTMENT_TOO_FAR.en).toContain(`${APPOINTMENT_HORIZON_DAYS} days`);
});
