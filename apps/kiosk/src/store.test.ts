import type { HubConnection } from '@pst/client';
import type { PrinterStatusView, TakeResult } from '@pst/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FINISH_GUARD_MS,
  PRINT_WAIT_SECONDS,
  printOutcome,
  REPEAT_WINDOW_MS,
  TAP_GUARD_MS,
  useKiosk,
} from './store';

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

describe('kiosk taps: one ticket per deliberate choice', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 25, 2, 0));
  });
  afterEach(() => vi.useRealTimers());
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

  async function ticketShown() {
    const { hub, sent, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const taking = useKiosk.getState().choose('konsultasi');
    reply({ ok: true, data: result });
    await taking;
    return { hub, sent, reply };
  }

  it('"Selesai" right after the ticket shows is ignored; after the guard it returns to the start', async () => {
    await ticketShown();
    useKiosk.getState().finish();
    expect(useKiosk.getState().phase.name).toBe('ticket');
    later(FINISH_GUARD_MS);
    useKiosk.getState().finish();
    expect(useKiosk.getState().phase).toEqual({ name: 'choose' });
  });

  it('back at the start, taps are ignored a moment, then a service asks before another ticket', async () => {
    const { sent, reply } = await ticketShown();
    later(FINISH_GUARD_MS);
    useKiosk.getState().finish();
    await useKiosk.getState().choose('konsultasi');
    expect(useKiosk.getState().confirm).toBeNull();
    later(TAP_GUARD_MS);
    await useKiosk.getState().choose('konsultasi');
    expect(useKiosk.getState().confirm).toEqual({ serviceId: 'konsultasi' });
    // The "yes" is guarded too: a tap that lands on it at once is not a choice.
    await useKiosk.getState().confirmTake();
    expect(sent).toHaveLength(1);
    later(TAP_GUARD_MS);
    const second = useKiosk.getState().confirmTake();
    reply({ ok: true, data: result });
    await second;
    expect(sent).toHaveLength(2);
  });

  it('a later visitor is not asked; the timeout back to the start asks nobody', async () => {
    const { sent } = await ticketShown();
    later(FINISH_GUARD_MS);
    useKiosk.getState().finish();
    later(REPEAT_WINDOW_MS);
    void useKiosk.getState().choose('perpustakaan');
    expect(useKiosk.getState().confirm).toBeNull();
    expect(sent).toHaveLength(2);
  });

  it('the next visitor finds the kiosk in Indonesian, without priority or an old error', async () => {
    await ticketShown();
    useKiosk.setState({ lang: 'en', priority: true });
    useKiosk.getState().reset();
    expect(useKiosk.getState()).toMatchObject({ lang: 'id', priority: false, error: null, lastTicket: null });
  });

  it('a reconnect (a hub restart) clears a refusal shown before it', () => {
    useKiosk.setState({ connection: 'online', error: { code: 'RATE_LIMITED', message: '' } });
    useKiosk.getState().setConnection('offline');
    useKiosk.getState().setConnection('online');
    expect(useKiosk.getState().error).toBeNull();
  });

  it('a late word that an earlier ticket printed does not change the ticket on screen; its own does', async () => {
    const { hub, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const taking = useKiosk.getState().take('konsultasi');
    reply({ ok: true, data: result });
    await taking;
    useKiosk.getState().setPrinted({ ticketId: '20261125-K001', printed: status('offline') });
    useKiosk.getState().setPrinted({ ticketId: '20261124-K009', printed: status('ok') });
    expect(printOutcome('20261125-K001', useKiosk.getState().printed, 0)).toBe('failed');
    // The hub's recovery print of this very ticket: the failure note goes.
    useKiosk.getState().setPrinted({ ticketId: '20261125-K001', printed: status('ok') });
    expect(printOutcome('20261125-K001', useKiosk.getState().printed, 0)).toBe('ok');
  });

  it('after a kiosk restart shows the ticket whose print just failed, while its visitor waits', async () => {
    const { hub, sent, reply } = pendingHub();
    useKiosk.setState({ hub, connection: 'online' });
    const failed = { ticketId: '20261125-K001', outcome: 'paper-out' as const, detail: 'paper out' };
    const resuming = useKiosk.getState().resumeFailedPrint(failed);
    reply({ ok: true, data: { ...result.ticket, status: 'waiting' } });
    await resuming;
    expect(sent).toEqual([{ event: 'ticket:status', payload: { ticketId: '20261125-K001' } }]);
    expect(useKiosk.getState().phase).toMatchObject({
      name: 'ticket',
      result: { ticket: { number: 'K-001' } },
    });
    expect(printOutcome('20261125-K001', useKiosk.getState().printed, 0)).toBe('failed');
    expect(useKiosk.getState().printed?.printed.state).toBe('paper-out');

    // A visitor already called needs no paper: the kiosk stays at the start.
    useKiosk.setState(initial, true);
    const again = pendingHub();
    useKiosk.setState({ hub: again.hub, connection: 'online' });
    const called = useKiosk.getState().resumeFailedPrint(failed);
    again.reply({ ok: true, data: { ...result.ticket, status: 'called' } });
    await called;
    expect(useKiosk.getState().phase).toEqual({ name: 'choose' });
  });
});
