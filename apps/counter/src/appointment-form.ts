import { appointmentSchemas, ERROR_CODES, type ErrorCode, type Payload } from '@pst/shared';

/** A booking's first problem: the form field it belongs to, and the error code whose text staff read. */
export interface BookingProblem {
  field: string;
  code: ErrorCode;
}

/**
 * Checks a booking with the schema the hub parses it with (a Zoom meeting needs an https link, ...),
 * so the form says what is wrong before sending. A field problem the schema names by code (the Zoom
 * link's) is shown by that code; any other by the general one.
 */
export function bookingProblem(booking: Payload<'appointment:book'>): BookingProblem | null {
  const parsed = appointmentSchemas['appointment:book'].safeParse(booking);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  const code = (ERROR_CODES as readonly string[]).includes(issue?.message ?? '')
    ? (issue?.message as ErrorCode)
    : 'VALIDATION_FAILED';
  return { field: String(issue?.path[0] ?? ''), code };
}
