/** The one rule for "the same person" (docs/roles.md): trimmed and case-insensitive, nothing more. */
import { canClaim } from '../../src/core/pool';
import { duplicateNames, isSingleAddress, samePerson, sameEmail } from '../../src/core/people';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('the same person', () => {
  test('case and surrounding spaces do not matter', () => {
    expect(samePerson(' alice ', 'Alice')).toBe(true);
    expect(sameEmail(' Li.Na@Example.com', 'li.na@example.com ')).toBe(true);
  });

  test('"Lina" and "Li Na" are two people, and so are names that differ only in width or punctuation', () => {
    expect(samePerson('Lina', 'Li Na')).toBe(false);
    expect(samePerson('LiNa', 'Li-Na')).toBe(false);
    expect(samePerson('张伟', '张 伟')).toBe(false);
    expect(samePerson('ＡＭＹ', 'AMY')).toBe(false);
  });

  test('a blank name is nobody, never another blank', () => {
    expect(samePerson('', '  ')).toBe(false);
    expect(sameEmail('', '')).toBe(false);
  });

  test('duplicate Team names are found by the same rule', () => {
    expect(duplicateNames([{ name: 'Alice' }, { name: 'Lina' }, { name: ' alice' }, { name: 'Li Na' }])).toEqual([
      'Alice',
    ]);
  });

  test('only one plain address counts as an address', () => {
    expect(isSingleAddress('li.na@example.com')).toBe(true);
    expect(isSingleAddress('Li Na <li.na@example.com>')).toBe(false);
    expect(isSingleAddress('a@example.com, b@example.com')).toBe(false);
    expect(isSingleAddress('a@example.com b@example.com')).toBe(false);
    expect(isSingleAddress('a@example.com;b@example.com')).toBe(false);
  });
});

describe('the reclaim wait uses the one rule', () => {
  const settings = { ...DEFAULT_SETTINGS, reclaimDays: 7 };
  test('"alice" released it, so "Alice" waits', () => {
    const check = canClaim('Alice', { formerOwner: 'alice', releasedOn: '2026-03-01' }, settings, '2026-03-02');
    expect(check.ok).toBe(false);
  });
  test('"Lina" released it, so "Li Na" need not wait', () => {
    const check = canClaim('Li Na', { formerOwner: 'Lina', releasedOn: '2026-03-01' }, settings, '2026-03-02');
    expect(check.ok).toBe(true);
  });
});
