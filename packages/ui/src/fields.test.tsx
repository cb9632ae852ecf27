import type { Lang } from '@pst/shared';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateField, FileButton, TimeField } from './fields';
import { UiProvider } from './provider';

const render = (node: ReactNode, lang: Lang = 'id') =>
  renderToStaticMarkup(
    <UiProvider store={(selector) => selector({ lang, hubOffset: 0 })}>{node}</UiProvider>,
  );
const none = () => {};

describe('date, time and file fields in the office language', () => {
  it('shows a day day first, written out beside it', () => {
    const html = render(<DateField label="Tanggal" value="2026-12-03" onChange={none} />);
    expect(html).toContain('value="03/12/2026"');
    expect(html).toContain('Kamis, 3 Desember 2026');
    expect(html).toContain('placeholder="hh/bb/tttt"');
    expect(html).not.toContain('type="date"');
    expect(render(<DateField label="Date" value="2026-12-03" onChange={none} />, 'en')).toContain(
      'Thursday, 3 December 2026',
    );
  });

  it('an empty date field says how to write a day', () => {
    const html = render(<DateField label="Dari" value="" onChange={none} />);
    expect(html).toContain('value=""');
    expect(html).toContain('tanggal/bulan/tahun, mis. 03/12/2026');
  });

  it('shows a time in 24-hour form with the Indonesian dot', () => {
    const html = render(<TimeField label="Jam tutup Jumat" value="15:30" onChange={none} />);
    expect(html).toContain('value="15.30"');
    expect(html).not.toContain('type="time"');
    expect(render(<TimeField label="Closes" value="15:30" onChange={none} />, 'en')).toContain(
      'value="15:30"',
    );
  });

  it('a file button says "Pilih berkas" and that no file is chosen yet', () => {
    const html = render(<FileButton label="Unggah rekaman" accept=".wav" onFile={none} />);
    expect(html).toContain('Pilih berkas');
    expect(html).toContain('Belum ada berkas');
    expect(html).toContain('aria-label="Unggah rekaman"');
    expect(html).not.toMatch(/Choose File|No file chosen/);
  });
});
