import { type SegmentFacts, segmentOf, segmentStrategy } from '../../src/core/segment';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const facts = (over: Partial<SegmentFacts>): SegmentFacts => ({
  stage: 'won',
  status: 'won',
  dealValue: 50_000,
  satisfaction: 3,
  latestAttitude: 'friendly',
  latestResult: null,
  daysSinceContact: 10,
  ...over,
});
const seg = (over: Partial<SegmentFacts>) => segmentOf(facts(over), DEFAULT_SETTINGS);

describe('existing customers’ segment (seed 001)', () => {
  test('a won client worth 100,000 with satisfaction 4 is VIP', () => {
    expect(seg({ dealValue: 100_000, satisfaction: 4 })).toBe('vip');
    expect(seg({ dealValue: 100_000, satisfaction: 3 })).toBe('normal');
    expect(seg({ dealValue: 99_999, satisfaction: 5 })).toBe('normal');
  });
  test('a deal below 10,000 is low value', () => {
    expect(seg({ dealValue: 9_999 })).toBe('lowValue');
    expect(seg({ dealValue: 10_000 })).toBe('normal');
    expect(seg({ dealValue: null })).toBe('normal');
  });
  test('a hostile latest contact or 90 days of silence is objection/dormant, even for a VIP', () => {
    expect(seg({ dealValue: 500_000, satisfaction: 5, latestAttitude: 'hostile' })).toBe('objectionDormant');
    expect(seg({ latestResult: 'hostile' })).toBe('objectionDormant');
    expect(seg({ daysSinceContact: 90 })).toBe('objectionDormant');
    expect(seg({ daysSinceContact: 89 })).toBe('normal');
  });
  test('only Won clients have a segment', () => {
    expect(seg({ stage: 'B3', status: 'active' })).toBeNull();
  });
  test('each segment carries the seed’s strategy', () => {
    expect(segmentStrategy('vip', 'zh-CN')).toContain('升级服务');
    expect(segmentStrategy('lowValue', 'en')).toMatch(/^Activate/);
  });
});
