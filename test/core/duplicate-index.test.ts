/**
 * The import's duplicate index answers exactly as the sidebar's rule (core/client-match.ts
 * findDuplicates) does over every entry: the same clients, for the same reasons, in the same order.
 */
import { type ClientIdentity, DuplicateIndex, findDuplicates } from '../../src/core/client-match';
import { random } from '../../bench/data';

const WORDS = ['华为', '深圳', '科技', 'Acme', 'Beta', '星辰', '装饰', '有限公司', ' Inc.', '（总部）', 'x', 'Co'];

test('the index finds what a pass over every entry finds, typos and company forms included', () => {
  const rand = random(24);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const name = (): string => {
    let n = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(WORDS)).join('');
    // a typo now and then: a character dropped or changed
    if (rand() < 0.3 && n.length > 3) {
      const at = Math.floor(rand() * n.length);
      n = rand() < 0.5 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + 'q' + n.slice(at + 1);
    }
    return n;
  };
  const entries: ClientIdentity[] = Array.from({ length: 400 }, (_, i) => ({
    id: rand() < 0.05 ? '' : `C-${i}`,
    name: rand() < 0.05 ? '' : name(),
    phones: rand() < 0.5 ? `1380000${String(Math.floor(rand() * 300)).padStart(4, '0')}` : '',
    email: rand() < 0.3 ? `p${Math.floor(rand() * 50)}@x.cn` : '',
  }));
  const index = new DuplicateIndex(entries);
  let found = 0;
  for (let i = 0; i < 300; i++) {
    const candidate = {
      name: name(),
      phone: rand() < 0.5 ? `138-0000-${String(Math.floor(rand() * 300)).padStart(4, '0')}` : '',
      email: rand() < 0.3 ? ` P${Math.floor(rand() * 50)}@x.cn` : '',
    };
    const expected = findDuplicates(entries, candidate);
    found += expected.length;
    expect(index.find(candidate)).toEqual(expected);
  }
  expect(found).toBeGreaterThan(100);
});
