import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIP_NAME } from '@pst/shared';

/**
 * The office's own recordings of the announcement clips, under `<dataDir>/clips/` as `<name>.wav` or
 * `<name>.mp3`. Each one replaces the display's shipped clip of that name; the rest stay espeak-ng's.
 */
export const CLIP_MAX_BYTES = 1024 * 1024;
const EXTENSIONS = ['wav', 'mp3'] as const;
type ClipType = (typeof EXTENSIONS)[number];

/** The file's type by its first bytes (never by what the browser claimed): WAV or MP3, else null. */
export function clipType(bytes: Uint8Array): ClipType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (bytes.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame header: 11 sync bits set.
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'mp3';
  return null;
}

export class OfficeClips {
  constructor(private readonly dir: string) {}

  /** The office's recording of a clip, if there is one. */
  file(name: string): string | null {
    if (!CLIP_NAME.test(name)) return null;
    for (const ext of EXTENSIONS) {
      const path = join(this.dir, `${name}.${ext}`);
      if (existsSync(path)) return path;
    }
    return null;
  }

  names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((file) => /^(.+)\.(wav|mp3)$/.exec(file)?.[1])
      .filter((name): name is string => name !== undefined && CLIP_NAME.test(name))
      .sort();
  }

  /** Keeps a recording (written aside, then renamed: a display never gets half a file). */
  save(name: string, type: ClipType, bytes: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${name}.${type}`);
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    for (const ext of EXTENSIONS) if (ext !== type) rmSync(join(this.dir, `${name}.${ext}`), { force: true });
  }

  remove(name: string): boolean {
    const file = this.file(name);
    if (file) rmSync(file);
    return file !== null;
  }
}
