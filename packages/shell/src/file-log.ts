import { appendFileSync, renameSync, statSync } from 'node:fs';

/** A log next to the settings: an unattended kiosk has no console to read. Kept under 1 MB. */
export function createFileLog(file: string, maxBytes = 1_000_000): (message: string) => void {
  return (message) => {
    const line = `${new Date().toISOString()} ${message}\n`;
    process.stderr.write(line);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.old`);
      appendFileSync(file, line, 'utf8');
    } catch {
      // Logging must never take the shell down.
    }
  };
}
