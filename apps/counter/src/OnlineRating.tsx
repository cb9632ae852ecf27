/**
 * The SKM questionnaire for an online user (the same 9 elements as the walk-in tablet), opened by staff
 * from the request: filled by the user on the desk's screen or tablet, or typed in from their WhatsApp
 * answers (marked so). Issue 21.
 */
import { IKM_ELEMENTS, IKM_SCORES, type IkmScore, type StringKey } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useOnline } from './online-store';

type Score = IkmScore;
const SCORES = IKM_SCORES;

export function OnlineRating({ onDone }: { onDone: () => void }) {
  const tr = useT();
  const rate = useOnline((s) => s.rate);
  const [overall, setOverall] = useState<Score | null>(null);
  const [scores, setScores] = useState<Array<Score | null>>(IKM_ELEMENTS.map(() => null));
  const [imbalan, setImbalan] = useState<boolean | null>(null);
  const [pungli, setPungli] = useState<boolean | null>(null);
  const [complaint, setComplaint] = useState('');
  const [isFromWhatsApp, setFromWhatsApp] = useState(false);
  const yesNo = (name: string, value: boolean | null, set: (v: boolean) => void) => (
    <span className="choices">
      {[true, false].map((v) => (
        <label key={String(v)} className="check">
          <input type="radio" name={name} checked={value === v} onChange={() => set(v)} />
          {tr(v ? 'on.rate.yes' : 'on.rate.no')}
        </label>
      ))}
    </span>
  );
  return (
    <form
      className="online-rating card"
      aria-label={tr('on.rate.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (overall === null) return;
        void rate({
          source: isFromWhatsApp ? 'whatsapp' : 'formulir',
          overall,
          scores,
          integrity: { imbalan, pungli },
          complaint,
        }).then((done) => done && onDone());
      }}
    >
      <h3>{tr('on.rate.title')}</h3>
      <fieldset>
        <legend>{tr('on.rate.overall')}</legend>
        <span className="choices">
          {SCORES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="overall" checked={overall === s} onChange={() => setOverall(s)} />
              {tr(`on.rate.o${s}` as StringKey)}
            </label>
          ))}
        </span>
      </fieldset>
      {IKM_ELEMENTS.map((element, i) => (
        <fieldset key={element.code}>
          <legend>
            {element.code}. {element.name}
          </legend>
          <span className="choices">
            {SCORES.map((s) => (
              <label key={s} className="check">
                <input
                  type="radio"
                  name={element.code}
                  checked={scores[i] === s}
                  onChange={() => setScores((all) => all.map((v, j) => (j === i ? s : v)))}
                />
                {element.answers[s - 1]}
              </label>
            ))}
          </span>
        </fieldset>
      ))}
      <fieldset>
        <legend>{tr('on.rate.imbalan')}</legend>
        {yesNo('imbalan', imbalan, setImbalan)}
      </fieldset>
      <fieldset>
        <legend>{tr('on.rate.pungli')}</legend>
        {yesNo('pungli', pungli, setPungli)}
      </fieldset>
      <label className="field wide">
        <span>{tr('on.rate.complaint')}</span>
        <textarea rows={2} value={complaint} onChange={(e) => setComplaint(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={isFromWhatsApp} onChange={(e) => setFromWhatsApp(e.target.checked)} />
        {tr('on.rate.whatsapp')}
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={overall === null}>
          {tr('on.rate.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {tr('on.cancel')}
        </button>
      </div>
    </form>
  );
}
