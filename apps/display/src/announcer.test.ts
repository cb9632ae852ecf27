import { announcementClips, BUNDLED_CLIPS, DEFAULT_CONFIG, neededClips } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { createAnnouncer } from './announcer';

const call = (number: string, deskName = 'Meja Konsultasi 1') => ({
  number,
  deskId: 'konsultasi-1',
  deskName,
});

/** Players that record what they were asked and finish when the test says so. */
function recorder() {
  const log: string[] = [];
  const pending: Array<() => void> = [];
  const wait = () => new Promise<void>((resolve) => pending.push(resolve));
  return {
    log,
    finishNext: () => pending.shift()?.(),
    chime: { play: async () => void log.push('chime') },
    speaker: {
      speak: (text: string) => {
        log.push(`say ${text}`);
        return wait();
      },
    },
    clips: {
      play: (clips: string[]) => {
        log.push(`clips ${clips.join(' ')}`);
        return wait();
      },
    },
  };
}

/**
 * Lets the announcer run every step it can now (one turn of the event loop, no real time): the fakes
 * above finish a clip only when the test says so, so what is said by then is all it may say yet.
 */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('announcer', () => {
  it('says one call after the other, never over each other', async () => {
    const r = recorder();
    const announcer = createAnnouncer({
      ...r,
      speaker: () => r.speaker,
      settings: () => ({ enabled: true, volume: 1 }),
    });
    const first = announcer.announce(call('K-012'));
    const second = announcer.announce(call('P-003', 'Meja Perpustakaan'));
    await flush();
    expect(r.log).toEqual(['chime', 'say Nomor antrian, ka, dua belas, silakan menuju, Meja Konsultasi 1']);
    r.finishNext();
    await first;
    await flush();
    expect(r.log.slice(2)).toEqual([
      'chime',
      'say Nomor antrian, pe, tiga, silakan menuju, Meja Perpustakaan',
    ]);
    r.finishNext();
    await second;
  });

  it('falls back to recorded clips without an Indonesian voice', async () => {
    const r = recorder();
    const announcer = createAnnouncer({
      ...r,
      speaker: () => null,
      settings: () => ({ enabled: true, volume: 0.5 }),
    });
    const done = announcer.announce(call('K-112'));
    await flush();
    r.finishNext();
    await done;
    expect(r.log).toEqual([
      'chime',
      'clips nomor-antrian huruf-k seratus dua belas silakan-menuju meja konsultasi satu',
    ]);
  });

  it('stays silent when switched off', async () => {
    const r = recorder();
    const announcer = createAnnouncer({
      ...r,
      speaker: () => r.speaker,
      settings: () => ({ enabled: false, volume: 1 }),
    });
    await announcer.announce(call('K-001'));
    expect(r.log).toEqual([]);
  });

  it('has a shipped clip for every piece of any call to the usual desks, which it names', () => {
    for (const number of ['K-001', 'P-010', 'J-111', 'R-999', 'K-1000', 'A-2024']) {
      for (const desk of ['Meja Konsultasi 12', 'Front Office', 'Meja Perpustakaan', 'Meja Penjualan Produk'])
        for (const clip of announcementClips(number, { id: 'd', name: desk }))
          expect(BUNDLED_CLIPS).toContain(clip);
    }
    expect(announcementClips('K-012', { id: 'fo-1', name: 'Front Office' }).slice(-2)).toEqual([
      'silakan-menuju',
      'front-office',
    ]);
    expect(announcementClips('K-012', { id: 'k-1', name: 'Meja Konsultasi 1' }).slice(-3)).toEqual([
      'meja',
      'konsultasi',
      'satu',
    ]);
    for (const clip of neededClips(DEFAULT_CONFIG)) expect(BUNDLED_CLIPS).toContain(clip);
  });

  it('goes on after a chime that throws or a speaker that fails', async () => {
    const said: string[] = [];
    const announcer = createAnnouncer({
      chime: {
        play: () => {
          throw new Error('no audio device');
        },
      },
      speaker: () => ({
        speak: async (text) => {
          said.push(text);
          if (said.length === 1) throw new Error('speech failed');
        },
      }),
      clips: { play: async () => undefined },
      settings: () => ({ enabled: true, volume: 1 }),
    });
    await announcer.announce(call('K-001')).catch(() => undefined);
    await announcer.announce(call('K-002'));
    expect(said).toHaveLength(2);
  });
});
