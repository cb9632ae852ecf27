/**
 * Date, time and file fields that read the same whatever language the browser is set to: native
 * date and time inputs follow the browser (an English-set browser shows "11/02/2026" for
 * 2 November and "03:30 PM"), and a native file input says "Choose File / No file chosen".
 */
import { dayInputText, formatClock, formatLongDay, parseClockInput, parseDayInput } from '@pst/shared';
import { type ChangeEvent, useId, useState } from 'react';
import { useLang, useT } from './use-t';

/**
 * Keeps what the user types while it is not (yet) a valid value, and takes a new value from outside
 * (a reset, a day chosen elsewhere) unless it is already what the text means.
 */
function useTypedText(
  value: string,
  parse: (text: string) => string | null,
  write: (value: string) => string,
) {
  const [text, setText] = useState(() => (value ? write(value) : ''));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if ((parse(text) ?? '') !== value) setText(value ? write(value) : '');
  }
  return [text, setText] as const;
}

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The field's name when no <label> wraps it. */
  label?: string;
  id?: string;
  disabled?: boolean;
}

/**
 * An office day typed day first, "dd/mm/yyyy", with the day written out beside it ("Kamis,
 * 3 Desember 2026") so a slip shows at once. `onChange` gets "YYYY-MM-DD", or '' while the text is
 * empty or not a day.
 */
export function DateField({ value, onChange, label, id, disabled }: FieldProps) {
  const lang = useLang();
  const tr = useT();
  const hintId = useId();
  const [text, setText] = useTypedText(value, parseDayInput, dayInputText);
  const day = parseDayInput(text);
  const invalid = text.trim() !== '' && day === null;
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    onChange(parseDayInput(e.target.value) ?? '');
  };
  return (
    <span className="typed-field date-field">
      <input
        id={id}
        className="date-input"
        aria-label={label}
        value={text}
        placeholder={lang === 'id' ? 'hh/bb/tttt' : 'dd/mm/yyyy'}
        autoComplete="off"
        size={11}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        onChange={change}
      />
      <small id={hintId} aria-hidden="true" className={invalid ? 'field-error' : 'written'}>
        {day ? formatLongDay(day, lang) : tr(invalid ? 'forms.dateInvalid' : 'forms.dateHint')}
      </small>
    </span>
  );
}

/**
 * A time of day typed in 24-hour form, "08.00" (the Indonesian dot; a colon is read too).
 * `onChange` gets "HH:MM" once the text is a time; a half-typed time keeps the last one.
 */
export function TimeField({ value, onChange, label, id, disabled }: FieldProps) {
  const lang = useLang();
  const tr = useT();
  const [text, setText] = useTypedText(value, parseClockInput, (v) => formatClock(v, lang));
  const invalid = !disabled && text.trim() !== '' && parseClockInput(text) === null;
  return (
    <span className="typed-field time-field">
      <input
        id={id}
        className="time-input"
        aria-label={label}
        value={text}
        placeholder={lang === 'id' ? 'jj.mm' : 'hh:mm'}
        title={tr('forms.timeHint')}
        autoComplete="off"
        inputMode="numeric"
        size={5}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const time = parseClockInput(e.target.value);
          if (time) onChange(time);
        }}
        onBlur={() => {
          const time = parseClockInput(text);
          if (time) setText(formatClock(time, lang));
        }}
      />
      {invalid && <small className="field-error">{tr('forms.timeInvalid')}</small>}
    </span>
  );
}

/**
 * A file picker that speaks the office's language: a "Pilih berkas" button and the chosen file's
 * name ("Belum ada berkas" before one is chosen). The native input stays in the page, visually
 * hidden but focusable, so the keyboard and screen readers reach it under `label`.
 */
export function FileButton({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (file: File) => void;
}) {
  const tr = useT();
  const [name, setName] = useState('');
  return (
    <label className="file-button">
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) {
            setName(file.name);
            onFile(file);
          }
          e.target.value = '';
        }}
      />
      <span className="button" aria-hidden="true">
        {tr('forms.chooseFile')}
      </span>
      <span className="file-name">{name || tr('forms.noFile')}</span>
    </label>
  );
}
