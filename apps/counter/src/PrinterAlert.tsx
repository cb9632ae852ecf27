import type { BoardSnapshot, NamedPrinterStatus, PrinterStatusView, StringKey } from '@pst/shared';
import { useT } from './i18n';
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
  return (
    <div className="alert printer-alert" role="alert" data-testid="printer-alert">
      <strong>{troubled.map((printer) => printerText(printer)).join(' · ')}</strong> ·{' '}
      {tr('printer.alertHelp')}
    </div>
  );
}
