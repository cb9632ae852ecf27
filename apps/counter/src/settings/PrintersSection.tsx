import type { NamedPrinterStatus, StringKey } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCounter } from '../store';
import type { SettingsSection } from './section';

/** Each printer the hub prints through, with its state and a "print test ticket" button. */
function PrintersList() {
  const tr = useT();
  const printers = useCounter(useShallow((s) => s.board?.printers ?? []));
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [results, setResults] = useState<Record<string, { tone: 'ok' | 'error' | 'busy'; text: string }>>({});
  const label = (printer: NamedPrinterStatus) =>
    printer.kind === 'hub' ? `${tr('set.printerHub')} (${printer.name})` : printer.name;
  const state = (printer: Pick<NamedPrinterStatus, 'state'>) => tr(`printer.${printer.state}` as StringKey);
  const test = async (printer: NamedPrinterStatus) => {
    const name = label(printer);
    setResults((r) => ({ ...r, [printer.id]: { tone: 'busy', text: tr('set.printTestBusy') } }));
    const deviceId = printer.kind === 'kiosk' ? printer.id.replace(/^kiosk:/, '') : undefined;
    const status = await settingsCommand('printer:test', deviceId ? { deviceId } : {});
    setResults((r) => {
      const next = { ...r };
      if (!status) delete next[printer.id];
      else if (status.state === 'ok')
        next[printer.id] = { tone: 'ok', text: tr('set.printTestOk', { printer: name }) };
      else
        next[printer.id] = {
          tone: 'error',
          text: tr('set.printTestFailed', { printer: name, state: state(status) }),
        };
      return next;
    });
  };
  return (
    <section className="panel" aria-label={tr('set.printers')}>
      <h2>{tr('set.printers')}</h2>
      <p className="muted">{tr('set.printTestHint')}</p>
      <table>
        <tbody>
          {printers.map((printer) => {
            const result = results[printer.id];
            return (
              <tr key={printer.id}>
                <td>{label(printer)}</td>
                <td>{state(printer)}</td>
                <td>
                  <button
                    type="button"
                    disabled={result?.tone === 'busy'}
                    onClick={() => void test(printer)}
                    data-testid={`print-test-${printer.id}`}
                  >
                    {tr('set.printTest')}
                  </button>
                </td>
                <td role="status" className={result?.tone === 'error' ? 'error' : undefined}>
                  {result?.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export const printersSection: SettingsSection = { id: 'printers', Component: PrintersList };
