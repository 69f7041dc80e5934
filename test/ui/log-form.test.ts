/**
 * The Log contact form's state, without a DOM: the proposed next date is filled in for a reached
 * contact until the user picks one, what was typed survives a refusal, and blanks are not sent.
 */
import type { ClientCard, ClientHit } from '../../src/server/api-types';
import { KEEP, afterSave, newLogForm, problemsByField, toEntry, withClient, withValue } from '../../src/ui/log-form';

const HIT: ClientHit = { id: 'C-1', name: 'Acme', contact: '', phone: '', owner: 'Zhang Wei', mine: true };
const CARD = {
  fields: { id: 'C-1', name: 'Acme', owner: 'Zhang Wei' },
  proposedNextFollowUp: '2026-03-09',
  intervalDays: 7,
  grade: 'B',
  history: [],
} as unknown as ClientCard;

test('picking a reached outcome fills in the proposed next date and the owner as who follows up', () => {
  let s = withClient(newLogForm('Zhang Wei'), HIT, CARD);
  expect(s.values.nextDate).toBe('');
  s = withValue(s, 'outcome', 'reached');
  expect(s.values.nextDate).toBe('2026-03-09');
  expect(s.values.nextOwner).toBe('Zhang Wei');
});

test('a date the user picked is never replaced by the proposal', () => {
  let s = withValue(withClient(newLogForm('Zhang Wei'), HIT, CARD), 'nextDate', '2026-03-04');
  s = withValue(s, 'outcome', 'reached');
  expect(s.values.nextDate).toBe('2026-03-04');
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
  expect(s.values.stage).toBe(KEEP);
  expect(toEntry(withValue(s, 'gradeOverride', ''))).toMatchObject({ gradeOverride: '' });
});

test('server problems land on the form’s own fields, and typing in a field clears its problem', () => {
  const problems = problemsByField([
    { field: 'nextFollowUp', message: { key: 'sidebar.error.notADate' }, text: '' },
    { field: 'summary', message: { key: 'sidebar.error.required' }, text: '' },
  ]);
  expect(Object.keys(problems)).toEqual(['nextDate', 'summary']);
  const s = withValue({ ...newLogForm('Z'), problems }, 'summary', 'typed');
  expect(s.problems.summary).toBeUndefined();
  expect(s.problems.nextDate).toEqual({ key: 'sidebar.error.notADate' });
});

test('after a save the form is fresh but stays on the same client', () => {
  const s = withValue(withClient(newLogForm('Z'), HIT, CARD), 'summary', 'done');
  const after = afterSave(s, CARD, 'Z');
  expect(after.client).toEqual(HIT);
  expect(after.values.summary).toBe('');
  expect(after.banner?.kind).toBe('ok');
});
