import { errorText, IKM_ELEMENTS, IKM_SCORES, type StringKey } from '@pst/shared';
import { OfflineNotice, PairingScreen, useT } from '@pst/ui';
import { useShallow } from 'zustand/react/shallow';
import { answerElement, answerIntegrity, chooseOverall, type Score } from './flow';
import { useRating } from './store';
import { useHub } from './use-hub';

/** The mouth of each satisfaction face: a smile for 4, flatter down to a frown for 1. */
const MOUTHS: Record<Score, string> = {
  4: 'M15 27 Q24 37 33 27',
  3: 'M16 29 Q24 34 32 29',
  2: 'M16 31 L32 31',
  1: 'M16 34 Q24 27 32 34',
};

/** A satisfaction face drawn as SVG: emoji show as empty boxes on tablets without an emoji font. */
function Face({ score }: { score: Score }) {
  return (
    <svg className="face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="currentColor" opacity="0.14" />
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path d={MOUTHS[score]} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export function App() {
  const { token, pair } = useHub();
  const tr = useT();
  const { step, connection, toggleLang, request, officeName } = useRating(
    useShallow((s) => ({
      step: s.survey.step,
      connection: s.connection,
      toggleLang: s.toggleLang,
      request: s.survey.request,
      officeName: s.officeName,
    })),
  );
  if (!token || connection === 'unauthorized') {
    return <PairingScreen title="rating.pairTitle" hint="rating.pairHint" onPair={pair} />;
  }
  return (
    <div className="rating">
      <header className="header brand-bar">
        <span>
          {request && step.name !== 'idle'
            ? tr('rating.for', { number: request.number, desk: request.deskName })
            : (officeName ?? 'PST')}
        </span>
        <OfflineNotice connection={connection} look="mark" />
        <button type="button" className="lang" onClick={toggleLang}>
          {tr('app.language')}
        </button>
      </header>
      <main className="screen">
        {step.name === 'idle' && <Idle />}
        {step.name === 'overall' && <Overall />}
        {step.name === 'element' && <Element index={step.index} />}
        {step.name === 'integrity' && <Integrity index={step.index} />}
        {step.name === 'complaint' && <Complaint />}
        {step.name === 'thanks' && <Thanks />}
      </main>
    </div>
  );
}

/** Thanks, what happens next, and the office's complaint channels (DOMAIN.md: the tablet shows them). */
function Thanks() {
  const tr = useT();
  const channels = useRating((s) => s.complaintChannels);
  return (
    <div className="thanks-screen">
      <h1 className="thanks">{tr('rating.thanks')}</h1>
      <p className="next">{tr('rating.thanksNext')}</p>
      {channels.length > 0 && (
        <section className="channels" aria-labelledby="channels-title">
          <h2 id="channels-title">{tr('rating.channelsTitle')}</h2>
          <ul>
            {channels.map((channel) => (
              <li key={channel}>{channel}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Idle() {
  const tr = useT();
  return (
    <div className="idle">
      <h1>{tr('rating.idleTitle')}</h1>
      <p>{tr('rating.idleHint')}</p>
      <p className="free">{tr('app.free')}</p>
    </div>
  );
}

function Overall() {
  const tr = useT();
  const update = useRating((s) => s.update);
  return (
    <>
      <h1>{tr('rating.overall')}</h1>
      <div className="choices faces">
        {IKM_SCORES.map((score) => (
          <button
            key={score}
            type="button"
            className={`choice s${score}`}
            onClick={() => update((s) => chooseOverall(s, score))}
          >
            <Face score={score} />
            {tr(`rating.o${score}` as StringKey)}
          </button>
        ))}
      </div>
    </>
  );
}

function Element({ index }: { index: number }) {
  const tr = useT();
  const { update, lang } = useRating(useShallow((s) => ({ update: s.update, lang: s.lang })));
  const element = IKM_ELEMENTS[index];
  if (!element) return null;
  const answers = lang === 'en' ? element.answersEn : element.answers;
  return (
    <>
      <p className="progress">
        {tr('rating.element', { n: index + 1 })} · {element.name}
      </p>
      <h1 className="question">{lang === 'en' ? element.questionEn : element.question}</h1>
      <div className="choices">
        {/* In the order of the SKM questionnaire (PermenPANRB 14/2017), a (1, worst) to d (4, best), as the online form. */}
        {answers.map((answer, i) => {
          const score = (i + 1) as Score;
          return (
            <button
              key={answer}
              type="button"
              className={`choice s${score}`}
              onClick={() => update((s) => answerElement(s, score))}
            >
              {answer}
            </button>
          );
        })}
      </div>
      <button type="button" className="skip" onClick={() => update((s) => answerElement(s, null))}>
        {tr('rating.skip')}
      </button>
    </>
  );
}

function Integrity({ index }: { index: 0 | 1 }) {
  const tr = useT();
  const update = useRating((s) => s.update);
  return (
    <>
      <h1>{tr(index === 0 ? 'rating.imbalan' : 'rating.pungli')}</h1>
      <div className="choices two">
        <button type="button" className="choice s1" onClick={() => update((s) => answerIntegrity(s, true))}>
          {tr('rating.yes')}
        </button>
        <button type="button" className="choice s4" onClick={() => update((s) => answerIntegrity(s, false))}>
          {tr('rating.no')}
        </button>
      </div>
      <button type="button" className="skip" onClick={() => update((s) => answerIntegrity(s, null))}>
        {tr('rating.skip')}
      </button>
    </>
  );
}

function Complaint() {
  const tr = useT();
  const { lang, complaint, update, submit, error } = useRating(
    useShallow((s) => ({
      lang: s.lang,
      complaint: s.survey.complaint,
      update: s.update,
      submit: s.submit,
      error: s.error,
    })),
  );
  return (
    <form
      className="complaint"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        {tr('rating.complaint')}
        <textarea
          value={complaint}
          rows={5}
          maxLength={2000}
          onChange={(e) => update((s) => ({ ...s, complaint: e.target.value }))}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {errorText(error.code, lang)}
        </p>
      )}
      <button type="submit" className="send">
        {tr('rating.send')}
      </button>
    </form>
  );
}
