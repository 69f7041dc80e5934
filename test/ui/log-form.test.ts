/**
 * The Log contact form's state, without a DOM: the proposed next date is filled in for a reached
 * contact until the user picks one, what was typed survives a refusal, and blanks are not sent.
 */
import type { ClientCard, ClientHit } from '../../src/contract/types';
import { contextLines } from '../../src/ui/card-text';
import {
  KEEP,
  afterSave,
  checkLogForm,
  firstProblem,
  loggedLine,
  newLogForm,
  problemsByField,
  readDay,
  toEntry,
  withClient,
  withValue,
} from '../../src/ui/log-form';

const HIT: ClientHit = { id: 'C-1', name: 'Acme', contact: '', phone: '', owner: 'Zhang Wei', mine: true };
const CARD = {
  fields: { id: 'C-1', name: 'Acme', owner: 'Zhang Wei' },
  proposedNextFollowUp: '2026-03-09',
  intervalDays: 7,
  proposedRetry: '2026-03-03',
  retryDays: 1,
  grade: 'B',
  history: [],
} as unknown as ClientCard;

test('picking a reached outcome fills in the proposed next date and the owner as who follows up', () => {
  let s = withClient(newLogForm('Zhang Wei'), HIT, CARD);
  expect(s.values.nextFollowUp).toBe('');
  s = withValue(s, 'outcome', 'reached');
  expect(s.values.nextFollowUp).toBe('2026-03-09');
  expect(s.values.nextOwner).toBe('Zhang Wei');
});

test('a date the user picked is never replaced by the proposal', () => {
  let s = withValue(withClient(newLogForm('Zhang Wei'), HIT, CARD), 'nextFollowUp', '2026-03-04');
  s = withValue(s, 'outcome', 'reached');
  expect(s.values.nextFollowUp).toBe('2026-03-04');
});

test('an unreached outcome proposes the retry date; clearing the outcome takes the proposal back', () => {
  let s = withClient(newLogForm('Zhang Wei'), HIT, CARD);
  s = withValue(s, 'outcome', 'noAnswer');
  expect(s.values.nextFollowUp).toBe('2026-03-03');
  s = withValue(s, 'outcome', 'reached');
  expect(s.values.nextFollowUp).toBe('2026-03-09');
  s = withValue(s, 'outcome', '');
  expect(s.values.nextFollowUp).toBe('');
});

test('every problem the form can see is reported at once, the first one first', () => {
  const name = (f: string): string => f;
  const empty = checkLogForm(newLogForm('Z'), '2026-03-02', name);
  expect(Object.keys(empty)).toEqual(['clientId', 'outcome', 'summary']);
  expect(firstProblem(empty)).toBe('clientId');
  let s = withValue(withClient(newLogForm('Z'), HIT, CARD), 'outcome', 'reached');
  s = withValue(withValue(s, 'date', '2026-03-05'), 'nextFollowUp', '2026/2/30');
  const problems = checkLogForm(s, '2026-03-02', name);
  expect(Object.keys(problems).sort()).toEqual(['date', 'nextFollowUp', 'summary']);
  expect(problems.date).toEqual({ key: 'sidebar.error.futureDate', params: { date: '2026-03-05' } });
  expect(firstProblem(problems)).toBe('summary');
  // An unreached attempt needs no summary: choosing one clears that problem.
  s = withValue({ ...s, problems }, 'outcome', 'busy');
  expect(s.problems.summary).toBeUndefined();
});

test('days typed with slashes or dots are sent as YYYY-MM-DD; impossible days are not days', () => {
  expect(readDay('2026/3/9')).toBe('2026-03-09');
  expect(readDay('2026.03.09')).toBe('2026-03-09');
  expect(readDay('2026-02-30')).toBeNull();
  expect(readDay('03/09/2026')).toBeNull();
  const s = withValue(withClient(newLogForm('Z'), HIT, CARD), 'nextFollowUp', '2026/3/10');
  expect(toEntry(s).nextFollowUp).toBe('2026-03-10');
});

test('the confirmation says what happened, in both languages', () => {
  const saved = {
    ...CARD,
    fields: { ...CARD.fields, name: 'Harbor Hotel', nextOwner: 'Amy Liu', nextFollowUp: '2026-12-09' },
  } as ClientCard;
  expect(loggedLine(saved, 'en')).toBe('Logged for Harbor Hotel · next: Amy Liu, 2026-12-09.');
  expect(loggedLine(saved, 'zh-CN')).toBe('已为 Harbor Hotel 记录跟进 · 下次：Amy Liu，2026-12-09。');
});

test('Log contact shows the client as the card does: overdue days, grade, last summary, planned topic', () => {
  const card = {
    ...CARD,
    state: 'overdue',
    gradeOverridden: false,
    fields: { ...CARD.fields, nextFollowUp: '2026-02-25', nextTopic: 'send the quote', stage: null },
    history: [
      { day: '2026-02-20', summary: '' },
      { day: '2026-02-18', summary: 'asked for the price' },
    ],
  } as unknown as ClientCard;
  expect(contextLines(card, 'en', '2026-03-02')).toEqual({
    state: 'Overdue by 5 days · Grade B',
    lines: ['Last contact: 2026-02-18 asked for the price', 'Planned topic: send the quote'],
  });
  expect(contextLines(card, 'zh-CN', '2026-03-02').state).toBe('已逾期 5 天 · B 级');
});

test('the entry leaves blanks out and keeps stage and grade override unless changed', () => {
  let s = withClient(newLogForm('Zhang Wei'), HIT, null);
  s = withValue(withValue(s, 'outcome', 'noAnswer'), 'summary', '=1+1');
  expect(toEntry(s)).toEqual({
    clientId: 'C-1',
    channel: 'phone',
    outcome: 'noAnswer',
    summary: '=1+1',
    by: 'Zhang Wei',
    nextOwner: 'Zhang Wei',
  });
  expect(s.values.stageAfter).toBe(KEEP);
  expect(toEntry(withValue(s, 'gradeAfter', ''))).toMatchObject({ gradeAfter: '' });
});

test('server problems land on the form’s own fields, and typing in a field clears its problem', () => {
  const problems = problemsByField([
    { field: 'nextFollowUp', message: { key: 'sidebar.error.notADate' }, text: '' },
    { field: 'summary', message: { key: 'sidebar.error.required' }, text: '' },
  ]);
  expect(Object.keys(problems)).toEqual(['nextFollowUp', 'summary']);
  const s = withValue({ ...newLogForm('Z'), problems }, 'summary', 'typed');
  expect(s.problems.summary).toBeUndefined();
  expect(s.problems.nextFollowUp).toEqual({ key: 'sidebar.error.notADate' });
});

test('after a save the form is fresh but stays on the same client', () => {
  const s = withValue(withClient(newLogForm('Z'), HIT, CARD), 'summary', 'done');
  const after = afterSave(s, CARD, 'Z');
  expect(after.client).toEqual(HIT);
  expect(after.values.summary).toBe('');
  expect(after.banner?.kind).toBe('ok');
});
