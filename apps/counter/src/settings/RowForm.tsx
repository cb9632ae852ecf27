import type { ReactNode } from 'react';

/** A one-row form of a settings section: submitting it runs `onSubmit` instead of reloading the page. */
export function RowForm({
  label,
  onSubmit,
  children,
}: {
  label?: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="row"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
