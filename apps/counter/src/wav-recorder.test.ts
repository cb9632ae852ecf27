import { describe, expect, it } from 'vitest';
import { encodeWav } from './wav-recorder';

describe('WAV encoding of a microphone recording', () => {
  it('writes a RIFF/WAVE header for 16-bit mono PCM and the samples, clamped', () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 2]), 48_000);
    const view = new DataView(wav.buffer);
    const text = (from: number, to: number) => String.fromCharCode(...wav.subarray(from, to));
    expect(wav).toHaveLength(44 + 8);
    expect([text(0, 4), text(8, 12), text(12, 16), text(36, 40)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(36 + 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(48_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 32767]);
  });
});
