import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP link between a hub and central that a test can cut: 'up' relays, 'down' drops every
 * connection, 'hang' takes requests and never answers, 'cut-request' relays half of the next request
 * and drops it (central never gets the whole push), 'cut-response' lets `passes` answers through and
 * drops the next one (central stored the push, the hub never hears so). After a cut the link stays down.
 * Everything the hub sent is kept in `sent`.
 */
export class Link {
  mode: 'up' | 'down' | 'hang' | 'cut-request' | 'cut-response' = 'up';
  passes = 0;
  sent = '';
  cuts = 0;
  /** Requests swallowed while hanging. */
  hung = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly targetPort: number) {
    this.server = createServer((client) => this.relay(client));
  }

  static async open(targetUrl: string): Promise<Link & { url: string }> {
    const link = new Link(Number(new URL(targetUrl).port));
    await new Promise<void>((resolve) => link.server.listen(0, '127.0.0.1', resolve));
    const { port } = link.server.address() as { port: number };
    return Object.assign(link, { url: `http://127.0.0.1:${port}` });
  }

  /** The link comes back: connections left hanging are reset, new ones relay. */
  restore(): void {
    for (const s of this.sockets) s.destroy();
    this.mode = 'up';
  }

  cutResponseAfter(passes: number): void {
    this.passes = passes;
    this.mode = 'cut-response';
  }

  private cut(...sockets: Socket[]): void {
    this.cuts++;
    this.mode = 'down';
    for (const s of sockets) s.destroy();
  }

  private relay(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (this.mode === 'down') return void client.destroy();
    const upstream = connect(this.targetPort, '127.0.0.1');
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk) => {
      this.sent += chunk.toString('latin1');
      if (this.mode === 'down') return this.cut(client, upstream);
      if (this.mode === 'hang') return void this.hung++;
      if (this.mode === 'cut-request') {
        upstream.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => this.cut(client, upstream));
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'down' || this.mode === 'hang') return this.cut(client, upstream);
      if (this.mode === 'cut-response' && chunk.subarray(0, 9).toString() === 'HTTP/1.1 ') {
        if (this.passes === 0) return this.cut(client, upstream);
        this.passes--;
      }
      client.write(chunk);
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
