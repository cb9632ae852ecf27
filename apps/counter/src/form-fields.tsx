import { useT } from '@pst/ui';

/** The options of a guest-book choice: "choose" (the empty value) first, then each option as itself. */
export function ChoiceOptions({ options }: { options: readonly string[] }) {
  const tr = useT();
  return (
    <>
      <option value="">{tr('gb.choose')}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}

/** A full-width check box with its label and, when the form refused it, the reason under it. */
export function CheckField(props: {
  name?: string;
  label: string;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  error?: string | undefined;
  className?: string;
}) {
  return (
    <label className={`check wide ${props.className ?? ''} ${props.error ? 'invalid' : ''}`}>
      <input
        type="checkbox"
        name={props.name}
        aria-invalid={!!props.error}
        checked={props.checked}
        onChange={(e) => props.onCheck(e.target.checked)}
      />
      {props.label}
      {props.error && <small className="field-error">{props.error}</small>}
    </label>
  );
}
