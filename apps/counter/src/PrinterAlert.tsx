import type { PrinterStatusView, StringKey } from '@pst/shared';
import { useT } from './i18n';
import { useCounter } from './store';

/** The ticket printer is in trouble: not 'ok', and known (a hub that has not printed yet says 'unknown'). */
export function printerInTrouble(printer: PrinterStatusView | undefined): boolean {
  return !!printer && printer.state !== 'ok' && printer.state !== 'unknown';
}

/** "Printer tiket: kertas habis", in the staff member's language. */
export function usePrinterText() {
  const tr = useT();
  return (printer: PrinterStatusView) =>
    tr('sup.printer', { state: tr(`printer.${printer.state}` as StringKey) });
}

/** The front office's banner when tickets stop printing: visitors then rely on the kiosk screen. */
export function PrinterAlert() {
  const tr = useT();
  const printerText = usePrinterText();
  const printer = useCounter((s) => s.board?.printer);
  if (!printer || !printerInTrouble(printer)) return null;
  return (
    <div className="alert printer-alert" role="alert" data-testid="printer-alert">
      <strong>{printerText(printer)}</strong> · {tr('printer.alertHelp')}
    </div>
  );
}
