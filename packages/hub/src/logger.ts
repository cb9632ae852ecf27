import { type DestinationStream, type Logger, pino } from 'pino';

const REDACTED = '[redacted]';
/** Field paths that may carry a device token or a staff session token. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'auth.token',
  '*.auth.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'link',
  '*.link',
];

/** Hides `#token=...` / `?token=...` values and `Bearer ...` inside any logged text. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/([#?&]token=)[^&\s"']+/gi, `$1${REDACTED}`)
    .replace(/(bearer\s+)[\w.~+/-]+=*/gi, `$1${REDACTED}`);
}

/**
 * The hub's logger: JSON lines (pino) with tokens removed, whatever a caller passes in. Tokens are
 * the devices' and staff's credentials; a log file is read by more people than the database.
 */
export function createHubLogger(options: { level?: string } = {}, destination?: DestinationStream): Logger {
  const settings = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)),
        );
      },
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
