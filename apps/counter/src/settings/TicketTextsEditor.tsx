import type { QueueConfig } from '@pst/shared';
import { useT } from '@pst/ui';

/**
 * What the printed ticket tells the visitor besides the number (issue 17): the office's own words,
 * in text areas that show each text whole (a one-line box cut them mid-word).
 */
export function TicketTextsEditor({
  draft,
  setDraft,
}: {
  draft: QueueConfig;
  setDraft: (change: (d: QueueConfig) => QueueConfig) => void;
}) {
  const tr = useT();
  const office = (change: Partial<QueueConfig['office']>) =>
    setDraft((d) => ({ ...d, office: { ...d.office, ...change } }));
  const texts = draft.office.ticketTexts;
  return (
    <fieldset className="ticket-texts">
      <legend>{tr('set.ticketTexts')}</legend>
      <label>
        {tr('set.ticketPhone')}
        <input value={draft.office.phone} onChange={(e) => office({ phone: e.target.value })} />
      </label>
      <label>
        {tr('set.ticketPromise')}
        <textarea
          rows={2}
          value={texts.promise}
          onChange={(e) => office({ ticketTexts: { ...texts, promise: e.target.value } })}
        />
      </label>
      <label className="wide">
        {tr('set.ticketFrontOffice')}
        <textarea
          rows={2}
          value={texts.frontOffice}
          onChange={(e) => office({ ticketTexts: { ...texts, frontOffice: e.target.value } })}
        />
      </label>
      <label className="wide">
        {tr('set.ticketChannels')}
        <textarea
          rows={6}
          wrap="off"
          value={draft.office.complaintChannels.join('\n')}
          onChange={(e) =>
            office({ complaintChannels: e.target.value.split('\n').filter((line) => line.trim()) })
          }
        />
      </label>
    </fieldset>
  );
}
