import type { HubConnection } from '@pst/client';
import type { TakeResult } from '@pst/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { useKiosk } from './store';

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

const result = { ticket: { number: 'K-001' }, printed: { state: 'ok' } } as TakeResult;

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
});
