import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { type StatusFacts, computeStatus, daysOverdue, followUpState, statusFromCells } from '../../src/core/status';

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
    expect(daysOverdue('active', '2026-03-01', today)).toBe(1);
    expect(followUpState('dormant', '2026-02-01', today)).toBe('overdue');
    expect(daysOverdue('dormant', '2026-02-01', today)).toBe(29);
  });
  test('today is due today, tomorrow is upcoming', () => {
    expect(followUpState('active', today, today)).toBe('dueToday');
    expect(followUpState('active', '2026-03-03', today)).toBe('upcoming');
    expect(daysOverdue('active', today, today)).toBe(0);
  });
  test('an active client with no next step is unplanned; a dormant one has gone quiet instead', () => {
    expect(followUpState('active', null, today)).toBe('unplanned');
    expect(followUpState('dormant', null, today)).toBe('none');
  });
  test.each(['won', 'lost', 'inPool'] as const)(
    'a %s client has no follow-up state, however long past its next follow-up',
    (status) => {
      for (const next of ['2025-11-12', '2026-03-01', today, '2026-03-03', null]) {
        expect(followUpState(status, next, today)).toBe('none');
        expect(daysOverdue(status, next, today)).toBe(0);
      }
    },
  );
});

describe('the status the sheet’s cells stand for', () => {
  test('a Stage of Won or Lost decides before the Status cell is recomputed', () => {
    expect(statusFromCells('won', 'active', false)).toBe('won');
    expect(statusFromCells('lost', null, true)).toBe('lost');
  });
  test('otherwise the Status cell; a blank one is a new, active client; an unknown one is no status', () => {
    expect(statusFromCells('B2', 'inPool', false)).toBe('inPool');
    expect(statusFromCells(null, 'dormant', false)).toBe('dormant');
    expect(statusFromCells('A', null, true)).toBe('active');
    expect(statusFromCells('A', null, false)).toBeNull();
    expect(followUpState('dormant', '2026-03-01', today)).toBe('overdue');
  });
});
