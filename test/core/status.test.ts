import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { type StatusFacts, computeStatus, daysOverdue, followUpState } from '../../src/core/status';

const today = '2026-03-02';
const facts = (over: Partial<StatusFacts>): StatusFacts => ({
  stage: 'A',
  owner: '张伟',
  previousStatus: 'active',
  lastContact: '2026-02-20',
  created: '2026-01-01',
  ...over,
});
const status = (over: Partial<StatusFacts>, settings = DEFAULT_SETTINGS) => computeStatus(facts(over), settings, today);

describe('status', () => {
  test('Won and Lost follow the Stage', () => {
    expect(status({ stage: 'won', lastContact: '2020-01-01' })).toBe('won');
    expect(status({ stage: 'lost' })).toBe('lost');
  });
  test('a client reached 89 days ago is Active, 90 days ago Dormant', () => {
    expect(status({ lastContact: '2025-12-03' })).toBe('active');
    expect(status({ lastContact: '2025-12-02' })).toBe('dormant');
  });
  test('a client never reached is dormant 90 days after it was created', () => {
    expect(status({ lastContact: null, created: '2025-12-02' })).toBe('dormant');
    expect(status({ lastContact: null, created: '2025-12-03' })).toBe('active');
    expect(status({ lastContact: null, created: null })).toBe('active');
  });
  test('a client without an owner is In pool when the pool is on', () => {
    expect(status({ owner: '' }, { ...DEFAULT_SETTINGS, poolEnabled: true })).toBe('inPool');
    expect(status({ owner: '' })).toBe('active');
    expect(status({ owner: ' ', previousStatus: 'inPool' })).toBe('inPool');
  });
});

describe('follow-up state (never stored)', () => {
  test('a client whose next follow-up was yesterday is overdue', () => {
    expect(followUpState('active', '2026-03-01', today)).toBe('overdue');
    expect(daysOverdue('2026-03-01', today)).toBe(1);
  });
  test('today is due today, tomorrow is upcoming', () => {
    expect(followUpState('active', today, today)).toBe('dueToday');
    expect(followUpState('active', '2026-03-03', today)).toBe('upcoming');
    expect(daysOverdue(today, today)).toBe(0);
  });
  test('an active client with no next step is unplanned', () => {
    expect(followUpState('active', null, today)).toBe('unplanned');
    expect(followUpState('won', null, today)).toBe('none');
  });
  test('Won, Lost and pool clients have no follow-up state; a dormant one can still be overdue', () => {
    // Won clients leave the lead cadence, Lost ones have no follow-up, pool clients are never overdue.
    for (const status of ['won', 'lost', 'inPool'] as const) {
      expect(followUpState(status, '2026-03-01', today)).toBe('none');
      expect(followUpState(status, null, today)).toBe('none');
    }
    expect(followUpState('dormant', '2026-03-01', today)).toBe('overdue');
    expect(followUpState('dormant', null, today)).toBe('none');
  });
});
