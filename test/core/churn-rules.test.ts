import { type ChurnFacts, churnWarnings, dormantBucket } from '../../src/core/churn-rules';
import { render } from '../../src/core/i18n';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const today = '2026-03-02';
const facts = (over: Partial<ChurnFacts>): ChurnFacts => ({
  grade: 'B',
  previousGrade: 'B',
  status: 'active',
  lastContact: '2026-02-20',
  created: '2025-06-01',
  latestResult: null,
  expiryDate: null,
  ...over,
});
const kinds = (over: Partial<ChurnFacts>) => churnWarnings(facts(over), DEFAULT_SETTINGS, today).map((w) => w.kind);

describe('early warnings (流失预警)', () => {
  test('a grade B client not reached for 15 days is past 2 × its 7-day interval', () => {
    const warnings = churnWarnings(facts({ lastContact: '2026-02-15' }), DEFAULT_SETTINGS, today);
    expect(warnings.map((w) => w.kind)).toEqual(['gap']);
    expect(render('en', warnings[0].message)).toBe(
      'No reached contact for 15 days, more than 14 days (2 × the grade B interval).',
    );
  });
  test('exactly 14 days is not yet a warning', () => {
    expect(kinds({ lastContact: '2026-02-16' })).toEqual([]);
  });
  test('a client never reached is warned from Created', () => {
    expect(kinds({ lastContact: null, created: '2026-02-01' })).toEqual(['gap']);
  });
  test('a grade downgrade from A to C', () => {
    expect(kinds({ previousGrade: 'A', grade: 'C' })).toEqual(['downgrade']);
    expect(kinds({ previousGrade: 'C', grade: 'A', lastContact: today })).toEqual([]);
  });
  test('a Won client has left the lead cadence: no gap or downgrade warning, but customer care still warns', () => {
    const won = { status: 'won', lastContact: '2025-06-01', previousGrade: 'A', grade: 'D' } as const;
    expect(kinds(won)).toEqual([]);
    expect(kinds({ ...won, latestResult: 'keyPersonLeft', expiryDate: '2026-03-20' })).toEqual([
      'keyPersonLeft',
      'expiryNear',
    ]);
    // The same client still on the lead cadence gets both lead warnings.
    expect(kinds({ ...won, status: 'dormant' })).toEqual(['gap', 'downgrade']);
  });
  test('Lost and pooled clients get no warning at all', () => {
    for (const status of ['lost', 'inPool'] as const) {
      expect(kinds({ status, lastContact: null, latestResult: 'keyPersonLeft', expiryDate: '2026-03-20' })).toEqual([]);
    }
  });
  test('the latest result says the key person left', () => {
    expect(kinds({ latestResult: 'keyPersonLeft' })).toEqual(['keyPersonLeft']);
  });
  test('a contract expiring in 20 days with no reached contact since the warning window opened', () => {
    // Window opens 30 days before 2026-03-22: 2026-02-20; last reached 2026-02-19.
    expect(kinds({ expiryDate: '2026-03-22', lastContact: '2026-02-19', grade: 'D', previousGrade: 'D' })).toEqual([
      'expiryNear',
    ]);
    expect(kinds({ expiryDate: '2026-03-22', lastContact: '2026-02-20', grade: 'D', previousGrade: 'D' })).toEqual([]);
    expect(kinds({ expiryDate: '2026-04-30', lastContact: '2026-01-01', grade: 'D', previousGrade: 'D' })).toEqual([]);
  });
  test('lost and pooled clients get no warnings', () => {
    expect(kinds({ status: 'lost', lastContact: '2025-01-01' })).toEqual([]);
    expect(kinds({ status: 'inPool', lastContact: '2025-01-01' })).toEqual([]);
  });
});

describe('dormant buckets 7 / 15 / 30 / 90 / 180', () => {
  test.each([
    [0, null],
    [6, null],
    [7, 7],
    [14, 7],
    [15, 15],
    [30, 30],
    [89, 30],
    [90, 90],
    [180, 180],
    [400, 180],
  ])('%i days since the last reached contact → %p', (days, bucket) => {
    expect(dormantBucket(days)).toBe(bucket);
  });
});
