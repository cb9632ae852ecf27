import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub, type TestHub, wavFile } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

async function login(role: 'supervisor' | 'front-office'): Promise<string> {
  const username = `${role}-clips`;
  hub.store.addStaff({ username, name: 'Petugas', role, pin: '135790' }, hub.now.value);
  const reply = await fetch(`${hub.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, pin: '135790' }),
  });
  return ((await reply.json()) as { data: { token: string } }).data.token;
}

const put = (token: string, name: string, body: Uint8Array, type = 'audio/wav') =>
  fetch(`${hub.url}/api/clips/${name}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });

describe("the office's own recordings of the announcement", () => {
  it('lists the words the calls need, takes a WAV or MP3 for one, serves it in place of the shipped clip', async () => {
    hub = await startHub();
    const token = await login('supervisor');
    const list = async () =>
      (
        (await (
          await fetch(`${hub.url}/api/clips`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          data: { clips: Array<{ name: string; text: string; source: string }> };
        }
      ).data.clips;
    const before = await list();
    expect(before).toContainEqual({ name: 'front-office', text: 'front office', source: 'bundled' });
    expect(before).toContainEqual({ name: 'konsultasi', text: 'konsultasi', source: 'bundled' });
    expect(before).toContainEqual({ name: 'huruf-k', text: 'ka', source: 'bundled' });

    const recording = new Uint8Array(wavFile());
    expect((await put(token, 'front-office', recording)).status).toBe(200);
    expect(await list()).toContainEqual({ name: 'front-office', text: 'front office', source: 'office' });
    const served = await fetch(`${hub.url}/clips/front-office`);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(recording);
    expect(existsSync(join(hub.dataDir, 'clips', 'front-office.wav'))).toBe(true);
    const audit = hub.store.db
      .prepare(`SELECT type FROM events WHERE kind = 'audit' AND type LIKE 'clip.%'`)
      .all();
    expect(audit).toEqual([{ type: 'clip.saved' }]);

    // An MP3 (ID3 tag) replaces the WAV of the same word.
    const mp3 = new Uint8Array([...Buffer.from('ID3'), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);
    expect((await put(token, 'front-office', mp3, 'audio/mpeg')).status).toBe(200);
    expect(existsSync(join(hub.dataDir, 'clips', 'front-office.wav'))).toBe(false);
    expect(new Uint8Array(await (await fetch(`${hub.url}/clips/front-office`)).arrayBuffer())).toEqual(mp3);

    // Removed: back to the shipped voice (this test hub ships no display, so nothing is served).
    const removed = await fetch(`${hub.url}/api/clips/front-office`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(200);
    expect((await fetch(`${hub.url}/clips/front-office`)).status).toBe(404);
  });

  it('refuses what is not a sound file, a word no call says, a file too big, and other roles', async () => {
    hub = await startHub();
    const token = await login('supervisor');
    const text = new Uint8Array(Buffer.from('<script>alert(1)</script>'));
    const refused = await put(token, 'konsultasi', text, 'audio/wav');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect((await put(token, 'nama-pengunjung', wavFile())).status).toBe(400);
    expect((await put(token, '..%2Fpst', wavFile())).status).toBe(400);
    expect((await put(token, 'konsultasi', wavFile(2 * 1024 * 1024))).status).toBe(413);
    const frontOffice = await login('front-office');
    expect((await put(frontOffice, 'konsultasi', wavFile())).status).toBe(403);
    expect((await put('', 'konsultasi', wavFile())).status).toBe(401);
    expect(existsSync(join(hub.dataDir, 'clips'))).toBe(false);
  });
});
