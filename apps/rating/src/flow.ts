import { IKM_ELEMENTS, type IkmScore, type Payload } from '@pst/shared';

export type Score = IkmScore;
export interface RatingRequest {
  ticketId: string;
  number: string;
  deskName: string;
}

/** Where the visitor is in the survey; the tablet rests on `idle`. */
export type Step =
  | { name: 'idle' }
  | { name: 'overall' }
  | { name: 'element'; index: number }
  | { name: 'integrity'; index: 0 | 1 }
  | { name: 'complaint' }
  | { name: 'thanks' };

export interface Survey {
  step: Step;
  request: RatingRequest | null;
  overall: Score | null;
  scores: Array<Score | null>;
  integrity: { imbalan: boolean | null; pungli: boolean | null };
  complaint: string;
}

export const IDLE: Survey = {
  step: { name: 'idle' },
  request: null,
  overall: null,
  scores: IKM_ELEMENTS.map(() => null),
  integrity: { imbalan: null, pungli: null },
  complaint: '',
};

/** A finished visit at this desk starts the survey (a new request replaces an unfinished one). */
export function start(request: RatingRequest): Survey {
  return { ...IDLE, scores: IKM_ELEMENTS.map(() => null), request, step: { name: 'overall' } };
}

export function chooseOverall(survey: Survey, overall: Score): Survey {
  return { ...survey, overall, step: { name: 'element', index: 0 } };
}

/** One tap per element; null skips it. After U9 come the two integrity questions. */
export function answerElement(survey: Survey, score: Score | null): Survey {
  if (survey.step.name !== 'element') return survey;
  const index = survey.step.index;
  const scores = survey.scores.map((s, i) => (i === index ? score : s));
  const step: Step =
    index < IKM_ELEMENTS.length - 1 ? { name: 'element', index: index + 1 } : { name: 'integrity', index: 0 };
  return { ...survey, scores, step };
}

export function answerIntegrity(survey: Survey, answer: boolean | null): Survey {
  if (survey.step.name !== 'integrity') return survey;
  const key = survey.step.index === 0 ? 'imbalan' : 'pungli';
  const integrity = { ...survey.integrity, [key]: answer };
  const step: Step = survey.step.index === 0 ? { name: 'integrity', index: 1 } : { name: 'complaint' };
  return { ...survey, integrity, step };
}

export function payload(survey: Survey): Payload<'rating:submit'> | null {
  if (!survey.request || survey.overall === null) return null;
  return {
    ticketId: survey.request.ticketId,
    overall: survey.overall,
    scores: survey.scores,
    integrity: survey.integrity,
    complaint: survey.complaint.trim(),
  };
}
