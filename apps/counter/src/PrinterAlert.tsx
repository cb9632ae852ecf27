import {
  type BoardSnapshot,
  formatTime,
  type NamedPrinterStatus,
  type PrinterStatusView,
  type StringKey,
} from '@pst/shared';
import { useT } from '@pst/ui';
import { useShallow } from 'zustand/react/shallow';
import { useCounter } from './store';

/** The ticket printer is in trouble: not 'ok', and known (a hub that has not printed yet says 'unknown'). */
export function printerInTrouble(printer: PrinterStatusView | undefined): boolean {
  return !!printer && printer.state !== 'ok' && printer.state !== 'unknown';
}

/** Every printer in trouble: the hub's, and each kiosk that prints its own tickets. */
export function printersInTrouble(
  board: BoardSnapshot | null | undefined,
): Array<PrinterStatusView & Partial<NamedPrinterStatus>> {
  if (!board) return [];
  return (board.printers ?? [board.printer]).filter(printerInTrouble);
}

/** "Printer tiket: kertas habis" (or "Printer tiket Kiosk Lobi: …"), in the staff member's language. */
export function usePrinterText() {
  const tr = useT();
  return (printer: PrinterStatusView & Partial<NamedPrinterStatus>) => {
    const state = tr(`printer.${printer.state}` as StringKey);
    return printer.kind === 'kiosk'
      ? tr('sup.kioskPrinter', { name: printer.name ?? '', state })
      : tr('sup.printer', { state });
  };
}

/** The front office's banner when tickets stop printing: visitors then rely on the kiosk screen. */
export function PrinterAlert() {
  const tr = useT();
  const printerText = usePrinterText();
  const board = useCounter((s) => s.board);
  const troubled = printersInTrouble(board);
  if (troubled.length === 0) return null;
  // Paper near end still prints: a warning to change the roll, not "tickets are not printing".
  const printing = troubled.every((printer) => printer.state === 'paper-near-end');
  return (
    <div className="alert printer-alert" role="alert" data-testid="printer-alert">
      <strong>{troubled.map((printer) => printerText(printer)).join(' · ')}</strong> ·{' '}
      {tr(printing ? 'printer.nearEndHelp' : 'printer.alertHelp')}
    </div>
  );
}

/**
 * Today's tickets whose paper is in doubt (failed, or unknown), for the front office and the
 * supervisor: a waiting one can be printed again (marked CETAK ULANG at the printer).
 */
export function PrintFailures() {
  const tr = useT();
  const { board, lang, busy, reprint } = useCounter(
    useShallow((s) => ({ board: s.board, lang: s.lang, busy: s.busy, reprint: s.reprint })),
  );
  const failures = board?.printFailures ?? [];
  if (!board || failures.length === 0) return null;
  return (
    <section className="panel print-failures" aria-label={tr('print.failures')} data-testid="print-failures">
      <h2>{tr('print.failures')}</h2>
      <ul>
        {failures.map((failure) => (
          <li key={failure.ticketId} data-testid={`print-failure-${failure.number}`}>
            <strong>{failure.number}</strong> {formatTime(failure.issuedAt, lang, board.office.timeZone)} ·{' '}
            {tr(failure.print === 'failed' ? 'print.failed' : 'print.unknown')} (
            {tr(`printer.${failure.printerState}` as StringKey)}) ·{' '}
            {failure.status === 'waiting' ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void reprint(failure.ticketId, failure.number)}
              >
                {tr('print.reprint')}
              </button>
            ) : (
              <span className="muted">{tr('print.notWaiting')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
