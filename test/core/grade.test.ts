import { type GradeFacts, gradeClient } from '../../src/core/grade';
import { render } from '../../src/core/i18n';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const today = '2026-03-02';
const facts = (over: Partial<GradeFacts>): GradeFacts => ({
  needConfirmed: true,
  budgetConfirmed: true,
  decisionMaker: true,
  expectedDate: '2026-04-01',
  gradeOverride: null,
  ...over,
});
const grade = (over: Partial<GradeFacts>) => gradeClient(facts(over), DEFAULT_SETTINGS, today).grade;

describe('lead grade A/B/C/D (seed 004)', () => {
  test('a client with confirmed need, budget and decision maker expecting to buy in 30 days is grade A', () => {
    const result = gradeClient(facts({ expectedDate: '2026-04-01' }), DEFAULT_SETTINGS, today);
    expect(result).toMatchObject({ grade: 'A', computed: 'A', overridden: false, days: 30 });
    expect(render('en', result.reasons[0])).toBe(
      'Budget confirmed, talking to the decision maker, expected in 30 days (A window: 30 days): can sign.',
    );
  });
  test('on day 31 the same client is grade B', () => {
    expect(grade({ expectedDate: '2026-04-02' })).toBe('B');
  });
  test('a client expecting to buy today (day 0) is grade A', () => {
    expect(grade({ expectedDate: today })).toBe('A');
  });
  test('an expected date already past counts as 0 days', () => {
    const r = gradeClient(facts({ expectedDate: '2026-01-01' }), DEFAULT_SETTINGS, today);
    expect(r.grade).toBe('A');
    expect(r.days).toBe(0);
  });
  test('without a confirmed budget it is B within the B window', () => {
    expect(grade({ budgetConfirmed: false, expectedDate: '2026-03-10' })).toBe('B');
  });
  test('the last day of the B window (day 90) is B, the day after is C', () => {
    expect(grade({ budgetConfirmed: false, expectedDate: '2026-05-31' })).toBe('B');
    expect(grade({ budgetConfirmed: false, expectedDate: '2026-06-01' })).toBe('C');
  });
  test('with no decision maker the client is C however close the date', () => {
    const r = gradeClient(facts({ decisionMaker: false, expectedDate: today }), DEFAULT_SETTINGS, today);
    expect(r.grade).toBe('C');
    expect(r.reasons.map((m) => m.key)).toEqual(['grade.noDecisionMaker']);
  });
  test('need unclear is D (basically drop)', () => {
    const r = gradeClient(facts({ needConfirmed: false }), DEFAULT_SETTINGS, today);
    expect(r.grade).toBe('D');
    expect(r.reasons.map((m) => m.key)).toEqual(['grade.needNotConfirmed']);
  });
  test('timing unclear (blank expected date) is D', () => {
    const r = gradeClient(facts({ expectedDate: null }), DEFAULT_SETTINGS, today);
    expect(r).toMatchObject({ grade: 'D', days: null });
    expect(r.reasons.map((m) => m.key)).toEqual(['grade.noExpectedDate']);
  });
  test('the windows come from Settings', () => {
    const settings = { aWindow: 10, bWindow: 20 };
    expect(gradeClient(facts({ expectedDate: '2026-03-12' }), settings, today).grade).toBe('A');
    expect(gradeClient(facts({ expectedDate: '2026-03-13' }), settings, today).grade).toBe('B');
    expect(gradeClient(facts({ expectedDate: '2026-03-23' }), settings, today).grade).toBe('C');
  });
  test('the window crosses leap day 2028-02-29', () => {
    expect(gradeClient(facts({ expectedDate: '2028-03-30' }), DEFAULT_SETTINGS, '2028-02-29').days).toBe(30);
    expect(gradeClient(facts({ expectedDate: '2028-03-30' }), DEFAULT_SETTINGS, '2028-02-29').grade).toBe('A');
  });
  test('a grade override wins and is shown as overridden', () => {
    const r = gradeClient(facts({ needConfirmed: false, gradeOverride: 'B' }), DEFAULT_SETTINGS, today);
    expect(r).toMatchObject({ grade: 'B', computed: 'D', overridden: true });
    expect(render('en', r.reasons[0])).toBe('Grade set by hand to B; the rule gives D.');
  });
});
