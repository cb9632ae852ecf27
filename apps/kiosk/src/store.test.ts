import type { HubConnection } from '@pst/client';
import type { PrinterStatusView, TakeResult } from '@pst/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRINT_WAIT_SECONDS, printOutcome, useKiosk } from './store';

const initial = useKiosk.getState();

/** A connection whose replies the test releases by hand, counting what was sent. */
function pendingHub() {
  const sent: unknown[] = [];
  let release: (reply: unknown) => void = () => undefined;
  const hub = {
    send: (event: string, payload: unknown) => {
      sent.push({ event, payload });
      return new Promise((resolve) => {
        release = resolve;
      });
    },
  } as unknown as HubConnection;
  return { hub, sent, reply: (r: unknown) => release(r) };
}

const result = { ticket: { id: '20261125-K001', number: 'K-001' } } as TakeResult;
const status = (state: PrinterStatusView['state']) => ({ state, detail: '', pendingJobs: 0, at: 0 });

beforeEach(() => useKiosk.setState(initial, true));

describe('kiosk store', () => {
  it('a double tap makes one ticket', async () => {
    const { hub, sent, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const first = useKiosk.getState().take('konsultasi');
    void useKiosk.getState().take('konsultasi');
    void useKiosk.getState().take('perpustakaan');
    reply({ ok: true, data: result });
    await first;
    expect(sent).toEqual([{ event: 'ticket:take', payload: { serviceId: 'konsultasi', priority: false } }]);
    expect(useKiosk.getState().phase).toEqual({ name: 'ticket', result });
  });

  it('sends the priority choice once, then clears it', async () => {
    const { hub, sent, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    useKiosk.getState().togglePriority();
    const taking = useKiosk.getState().take('konsultasi');
    reply({ ok: true, data: result });
    await taking;
    expect(sent).toEqual([{ event: 'ticket:take', payload: { serviceId: 'konsultasi', priority: true } }]);
    expect(useKiosk.getState().priority).toBe(false);
  });

  it('shows the hub refusal and stays on the service choice', async () => {
    const { hub, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const taking = useKiosk.getState().take('konsultasi');
    reply({ ok: false, error: { code: 'SERVICE_INACTIVE', message: 'Layanan ini sedang tidak dibuka.' } });
    await taking;
    expect(useKiosk.getState().phase).toEqual({ name: 'choose' });
    expect(useKiosk.getState().error?.code).toBe('SERVICE_INACTIVE');
  });

  it('takes nothing while offline', async () => {
    const { hub, sent } = pendingHub();
    useKiosk.setState({ hub, connection: 'offline' });
    await useKiosk.getState().take('konsultasi');
    expect(sent).toEqual([]);
  });

  it('says printing until the outcome of this ticket arrives, then printed or failed', () => {
    const id = '20261125-K001';
    expect(printOutcome(id, null, 0)).toBe('printing');
    expect(printOutcome(id, { ticketId: '20261125-K000', printed: status('ok') }, 3)).toBe('printing');
    expect(printOutcome(id, { ticketId: id, printed: status('ok') }, 3)).toBe('ok');
    expect(printOutcome(id, { ticketId: id, printed: status('paper-out') }, 1)).toBe('failed');
  });

  it('asks the visitor to note the number when no outcome comes (the hub went away)', () => {
    expect(printOutcome('20261125-K001', null, PRINT_WAIT_SECONDS - 1)).toBe('printing');
    expect(printOutcome('20261125-K001', null, PRINT_WAIT_SECONDS)).toBe('failed');
  });

  it('keeps an outcome that came before the answer to the take', async () => {
    const { hub, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const taking = useKiosk.getState().take('konsultasi');
    useKiosk.getState().setPrinted({ ticketId: result.ticket.id, printed: status('ok') });
    reply({ ok: true, data: result });
    await taking;
    const { phase, printed } = useKiosk.getState();
    expect(phase.name === 'ticket' && printOutcome(phase.result.ticket.id, printed, 0)).toBe('ok');
  });
});
