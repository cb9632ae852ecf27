import { useCounter } from './store';

/** The counter's one notice line: the last command's error or confirmation. */
export function Notice() {
  const notice = useCounter((s) => s.notice);
  if (!notice) return null;
  return (
    <p className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}
