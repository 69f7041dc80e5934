/**
 * Existing customers' segment (老客户经营, seed 001), for Won clients: objection/dormant, VIP,
 * low value or normal, each with the seed's strategy.
 */
import { type Lang, t } from './i18n';
import type { Attitude, Result, Segment, Status } from './lists';
import type { Settings } from './settings';

export interface SegmentFacts {
  stage: string | null;
  status: Status;
  dealValue: number | null;
  satisfaction: number | null;
  /** Attitude and Result of the latest reached contact. */
  latestAttitude: Attitude | null;
  latestResult: Result | null;
  /** Days since the latest reached contact (Won clients are never Status Dormant, so dormancy is judged here). */
  daysSinceContact: number | null;
}

/**
 * objection/dormant if dormant or the latest reached contact was hostile; VIP if Deal value ≥ the VIP
 * threshold and Satisfaction ≥ 4; low value if Deal value < the low threshold; normal otherwise.
 * Not Won → null. A blank deal value is not low value: we do not know it.
 */
export function segmentOf(
  facts: SegmentFacts,
  settings: Pick<Settings, 'vipDealValue' | 'lowValueDealValue' | 'dormantDays'>,
): Segment | null {
  if (facts.stage !== 'won') return null;
  const dormant =
    facts.status === 'dormant' || (facts.daysSinceContact !== null && facts.daysSinceContact >= settings.dormantDays);
  if (dormant || facts.latestAttitude === 'hostile' || facts.latestResult === 'hostile') return 'objectionDormant';
  if (facts.dealValue !== null && facts.dealValue >= settings.vipDealValue && (facts.satisfaction ?? 0) >= 4)
    return 'vip';
  if (facts.dealValue !== null && facts.dealValue < settings.lowValueDealValue) return 'lowValue';
  return 'normal';
}

/**
 * The strategy line for a segment, the catalogues' `segment.strategy.<segment>` (VIP 升级服务, 正常关系
 * 客户关怀, 低价值 激活, 异议/休眠 复苏): a segment without one does not compile.
 */
export function segmentStrategy(segment: Segment, lang: Lang): string {
  return t(lang, `segment.strategy.${segment}`);
}
