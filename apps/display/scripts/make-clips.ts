/**
 * Records the announcement clips with espeak-ng's Indonesian voice (Debian: apt-get install espeak-ng sox)
 * into public/clips/. The clips are committed: building the display never needs espeak-ng.
 * Run: npx tsx apps/display/scripts/make-clips.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { BUNDLED_CLIPS, clipText } from '@pst/shared';

const dir = new URL('../public/clips/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
for (const name of BUNDLED_CLIPS) {
  const text = clipText(name);
  const raw = `/tmp/pst-clip-${name}.wav`;
  execFileSync('espeak-ng', ['-v', 'id', '-s', '140', '-w', raw, text]);
  // 16 kHz mono, silence trimmed at both ends, so clips join without gaps.
  execFileSync('sox', [
    raw,
    '-r',
    '16000',
    '-c',
    '1',
    `${dir}${name}.wav`,
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
  ]);
}
console.log(`${BUNDLED_CLIPS.length} clips in ${dir}`);
