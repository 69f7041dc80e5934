import { HANDOVER_QUEUE_MAX, type QueuedHandover, enqueueHandovers, handoverCalledFor } from '../../src/core/handover';

const entry = (over: Partial<QueuedHandover> = {}): QueuedHandover => ({
  contactId: 'K-1',
  clientId: 'C-1',
  client: 'Acme',
  to: 'Li Na',
  day: '2026-03-02',
  topic: '',
  by: '王总',
  at: '2026-03-02T01:15:00.000Z',
  ...over,
});

describe('which steps call for a handover mail', () => {
  const step = { day: '2026-03-02', owner: 'Li Na', topic: '' };
  test('someone else’s step due today, or yesterday for a row applied next morning', () => {
    expect(handoverCalledFor(step, '王总', '2026-03-02')).toBe(true);
    expect(handoverCalledFor(step, '王总', '2026-03-03')).toBe(true);
    expect(handoverCalledFor(step, '', '2026-03-02')).toBe(true);
  });
  test('not the typist’s own, not a later day, not a step days old, not an empty owner', () => {
    expect(handoverCalledFor(step, ' li na ', '2026-03-02')).toBe(false);
    expect(handoverCalledFor(step, '王总', '2026-03-01')).toBe(false);
    expect(handoverCalledFor(step, '王总', '2026-03-04')).toBe(false);
    expect(handoverCalledFor({ ...step, owner: ' ' }, '王总', '2026-03-02')).toBe(false);
    expect(handoverCalledFor(null, '王总', '2026-03-02')).toBe(false);
  });
});

describe('the handover queue', () => {
  test('a row edited before the run replaces its waiting entry; a sent one is never replaced', () => {
    const waiting = enqueueHandovers([entry()], [entry({ topic: 'send the quote' })], '2026-03-02');
    expect(waiting).toEqual([entry({ topic: 'send the quote' })]);
    const sent = enqueueHandovers([entry({ sent: true })], [entry({ topic: 'send the quote' })], '2026-03-02');
    expect(sent).toEqual([entry({ sent: true })]);
  });
  test('another owner or day for the same row is another handover; old days drop out', () => {
    const q = enqueueHandovers(
      [entry()],
      [entry({ to: 'Amy' }), entry({ day: '2026-02-27', contactId: 'K-0' })],
      '2026-03-02',
    );
    expect(q.map((e) => e.to)).toEqual(['Li Na', 'Amy']);
    expect(enqueueHandovers(q, [], '2026-03-04')).toEqual([]);
  });
  test('the queue keeps the newest entries up to its cap', () => {
    const many = Array.from({ length: HANDOVER_QUEUE_MAX + 5 }, (_, i) => entry({ contactId: `K-${i}` }));
    const q = enqueueHandovers([], many, '2026-03-02');
    expect(q).toHaveLength(HANDOVER_QUEUE_MAX);
    expect(q[0].contactId).toBe('K-5');
  });
});
