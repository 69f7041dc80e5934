/** The card's words in either language, from the codes the server sends; debouncing keystrokes. */
import type { ContactEntry } from '../../src/contract/types';
import { historyLines } from '../../src/ui/card-text';
import { LatestOnly, debounce } from '../../src/ui/debounce';
import { toFields, newAddForm } from '../../src/ui/add-form';

const ENTRY: ContactEntry = {
  id: 'K-1',
  date: '2026-03-02T02:30:00.000Z',
  day: '2026-03-02',
  clientId: 'C-1',
  client: 'Acme',
  by: 'Zhang Wei',
  channel: 'phone',
  outcome: 'reached',
  result: null,
  summary: '<img src=x onerror=alert(1)>',
  objections: 'too expensive',
  attitude: 'hesitant',
  reason: null,
  nextFollowUp: '2026-03-09',
  nextOwner: 'Li Na',
  nextTopic: 'send the quote',
  stageAfter: 'B1',
  gradeAfter: 'B',
};

test('a history entry in English', () => {
  expect(historyLines(ENTRY, 'en', 'Asia/Shanghai')).toEqual({
    heading: '2026-03-02 10:30 · Zhang Wei · Phone · Reached',
    lines: [
      'Hesitant',
      '<img src=x onerror=alert(1)>',
      'Objections: too expensive',
      'Next step: 2026-03-09 · Li Na · send the quote',
      'B1 · Needs analysed · B',
    ],
  });
});

test('the same entry in Chinese, without asking the server again', () => {
  expect(historyLines(ENTRY, 'zh-CN', 'Asia/Shanghai').heading).toBe('2026-03-02 10:30 · Zhang Wei · 电话 · 已联系上');
  expect(historyLines(ENTRY, 'zh-CN', 'Asia/Shanghai').lines[0]).toBe('犹豫');
  // Objections and the next step are said in words, not as bare "?" and "→".
  expect(historyLines(ENTRY, 'zh-CN', 'Asia/Shanghai').lines.slice(2, 4)).toEqual([
    '异议：too expensive',
    '下一步：2026-03-09 · Li Na · send the quote',
  ]);
});

test('only the last keystroke of a burst searches, and an older answer is dropped', () => {
  const pending: (() => void)[] = [];
  const searched: string[] = [];
  const search = debounce((q: string) => searched.push(q), 250, {
    set: (fn) => pending.push(fn) - 1,
    clear: (h) => (pending[h as number] = () => undefined),
  });
  search('a');
  search('ac');
  search('acm');
  pending.forEach((fn) => fn());
  expect(searched).toEqual(['acm']);
  const latest = new LatestOnly();
  const first = latest.next();
  const second = latest.next();
  expect([latest.isLatest(first), latest.isLatest(second)]).toEqual([false, true]);
});

test('the Add client form sends only what was filled in, owner defaulting to the user', () => {
  const s = newAddForm('Zhang Wei');
  s.values.name = 'Zebra';
  expect(toFields(s)).toEqual({ name: 'Zebra', owner: 'Zhang Wei' });
});
