/**
 * Churn (客户流失, seeds 001 and 002): early warnings before a client slips away, and the dormant
 * buckets of the churn report (7 / 15 / 30 / 90 / 180 days since the last reached contact).
 */
import { type DayKey, addDays, daysBetween } from './dates';
import { type Message, message } from './i18n';
import { type Grade, type Result, type Status, isDowngrade } from './lists';
import { type Settings, intervalFor } from './settings';
import { followsCadence } from './status';

export interface ChurnFacts {
  grade: Grade;
  /** The grade before this refresh (the Grade cell as it stood); null for a new client. */
  previousGrade: Grade | null;
  status: Status;
  lastContact: DayKey | null;
  created: DayKey | null;
  /** Result of the latest contact that has one. */
  latestResult: Result | null;
  expiryDate: DayKey | null;
}

export type ChurnWarningKind = 'gap' | 'downgrade' | 'keyPersonLeft' | 'expiryNear';

export interface ChurnWarning {
  kind: ChurnWarningKind;
  message: Message;
}

type ChurnSettings = Pick<
  Settings,
  'warningGapFactor' | 'expiryWarningDays' | 'intervalA' | 'intervalB' | 'intervalC' | 'intervalD'
>;

/** The lead-cadence warnings (a gap beyond the interval, a downgrade): for clients on the lead cadence only. */
function leadWarnings(facts: ChurnFacts, settings: ChurnSettings, today: DayKey): ChurnWarning[] {
  if (!followsCadence(facts.status)) return [];
  const warnings: ChurnWarning[] = [];
  const interval = intervalFor(settings, facts.grade);
  const limit = settings.warningGapFactor * interval;
  const factor = settings.warningGapFactor;
  if (facts.lastContact !== null) {
    const days = daysBetween(facts.lastContact, today);
    if (days > limit)
      warnings.push({ kind: 'gap', message: message('churn.gap', { days, limit, factor, grade: facts.grade }) });
  } else if (facts.created !== null) {
    const days = daysBetween(facts.created, today);
    if (days > limit) warnings.push({ kind: 'gap', message: message('churn.neverReached', { days, limit }) });
  }
  if (facts.previousGrade !== null && isDowngrade(facts.previousGrade, facts.grade)) {
    warnings.push({
      kind: 'downgrade',
      message: message('churn.downgrade', { from: facts.previousGrade, to: facts.grade }),
    });
  }
  return warnings;
}

/**
 * The early warnings of the domain rules for one client. The gap beyond the grade's interval and the grade
 * downgrade belong to the lead cadence (core/status.ts followsCadence): Won clients, who have left
 * it, keep only the customer-care warnings (key person left, contract expiry near); Lost and pooled
 * clients get none.
 */
export function churnWarnings(facts: ChurnFacts, settings: ChurnSettings, today: DayKey): ChurnWarning[] {
  if (facts.status === 'lost' || facts.status === 'inPool') return [];
  const warnings = leadWarnings(facts, settings, today);
  if (facts.latestResult === 'keyPersonLeft') {
    warnings.push({ kind: 'keyPersonLeft', message: message('churn.keyPersonLeft') });
  }
  if (facts.expiryDate !== null) {
    const days = daysBetween(today, facts.expiryDate);
    const since = addDays(facts.expiryDate, -settings.expiryWarningDays);
    const reachedSince = facts.lastContact !== null && daysBetween(since, facts.lastContact) >= 0;
    if (days >= 0 && days <= settings.expiryWarningDays && !reachedSince) {
      warnings.push({ kind: 'expiryNear', message: message('churn.expiryNear', { days, since }) });
    }
  }
  return warnings;
}

export const DORMANT_BUCKETS = [7, 15, 30, 90, 180] as const;
export type DormantBucket = (typeof DORMANT_BUCKETS)[number];

/**
 * The churn report's bucket: the largest of 7 / 15 / 30 / 90 / 180 that the days since the last
 * reached contact have reached; null under 7 days.
 */
export function dormantBucket(daysSinceContact: number): DormantBucket | null {
  let bucket: DormantBucket | null = null;
  for (const b of DORMANT_BUCKETS) if (daysSinceContact >= b) bucket = b;
  return bucket;
}
