import { type PoolFacts, canClaim, lastRelease, poolOutlook } from '../../src/core/pool';
import type { ChangeRecord } from '../../src/core/schema';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const on = { ...DEFAULT_SETTINGS, poolEnabled: true };
const today = '2026-03-02';
const facts = (over: Partial<PoolFacts>): PoolFacts => ({
  grade: 'B',
  stage: 'A2',
  owner: 'Amy',
  lastContact: '2026-02-01',
  created: '2025-12-01',
  expiryDate: null,
  ...over,
});

describe('shared pool (公海)', () => {
  test('off by default: nobody is ever released', () => {
    expect(poolOutlook(facts({}), DEFAULT_SETTINGS, today)).toMatchObject({
      releaseDay: null,
      exemption: 'disabled',
      due: false,
    });
  });
  test('a grade B client last reached on 1 February drops into the pool 30 days later', () => {
    expect(poolOutlook(facts({}), on, today)).toEqual({
      releaseDay: '2026-03-03',
      exemption: null,
      due: false,
      daysLeft: 1,
      warning: true,
    });
  });
  test('on the release day it is due', () => {
    expect(poolOutlook(facts({ lastContact: '2026-01-31' }), on, today)).toMatchObject({
      releaseDay: today,
      due: true,
      daysLeft: 0,
    });
  });
  test('the warning starts pool warning days before', () => {
    expect(poolOutlook(facts({ lastContact: '2026-02-08' }), on, today)).toMatchObject({ daysLeft: 8, warning: false });
    expect(poolOutlook(facts({ lastContact: '2026-02-07' }), on, today)).toMatchObject({ daysLeft: 7, warning: true });
  });
  test('a client never reached counts from Created', () => {
    expect(poolOutlook(facts({ grade: 'A', lastContact: null, created: '2026-02-20' }), on, today).releaseDay).toBe(
      '2026-03-07',
    );
  });
  test('Won clients are never released; open renewals are exempt when set', () => {
    expect(poolOutlook(facts({ stage: 'won' }), on, today).exemption).toBe('won');
    expect(poolOutlook(facts({ stage: 'won', lastContact: '2025-01-01' }), on, today)).toMatchObject({
      releaseDay: null,
      due: false,
    });
    expect(poolOutlook(facts({ expiryDate: today }), { ...on, poolExemptRenewal: false }, today).exemption).toBeNull();
    expect(poolOutlook(facts({ expiryDate: today }), on, today).exemption).toBe('renewal');
    expect(poolOutlook(facts({ expiryDate: '2026-03-01' }), on, today).exemption).toBeNull();
  });
  test('a client already in the pool is not released again', () => {
    expect(poolOutlook(facts({ owner: '' }), on, today).exemption).toBe('inPool');
  });
});

describe('claiming from the pool', () => {
  const release = { formerOwner: 'Amy', releasedOn: '2026-03-01' };
  test('anyone else may claim at once', () => {
    expect(canClaim('Bob', release, on, '2026-03-01')).toEqual({ ok: true });
  });
  test('the former owner waits 7 days', () => {
    const check = canClaim('Amy', release, on, '2026-03-07');
    expect(check).toMatchObject({ ok: false, from: '2026-03-08' });
    expect(canClaim('Amy', release, on, '2026-03-08')).toEqual({ ok: true });
  });
  test('the latest release comes from the Changes log', () => {
    const change = (date: string, old: string): ChangeRecord => ({
      id: 'X-1',
      date: new Date(date),
      clientId: 'C-1',
      what: 'poolRelease',
      old,
      new: '',
      by: '',
      reason: '',
    });
    const changes = [
      change('2026-01-01T02:00:00Z', 'Amy'),
      change('2026-02-27T17:00:00Z', 'Bob'),
      { ...change('2026-03-01T00:00:00Z', 'Cy'), clientId: 'C-2' },
    ];
    expect(lastRelease(changes, 'C-1', 'Asia/Shanghai')).toEqual({ formerOwner: 'Bob', releasedOn: '2026-02-28' });
    expect(lastRelease(changes, 'C-9', 'Asia/Shanghai')).toBeNull();
  });
});
