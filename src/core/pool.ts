/**
 * The shared pool (公海): a client with no reached contact for N days (N per grade) loses its owner
 * and becomes claimable by anyone — except the former owner, for the reclaim wait. Off by default.
 */
import { type DayKey, addDays, dayKey, daysBetween } from './dates';
import { type Message, message } from './i18n';
import type { Grade, Stage } from './lists';
import { idKey } from './ids';
import { samePerson } from './people';
import type { ChangeRecord } from './schema';
import { type Settings, poolDaysFor } from './settings';

export interface PoolFacts {
  grade: Grade;
  stage: Stage | null;
  owner: string;
  lastContact: DayKey | null;
  created: DayKey | null;
  expiryDate: DayKey | null;
}

export type PoolExemption = 'disabled' | 'won' | 'lost' | 'renewal' | 'inPool' | 'noDate';

export interface PoolOutlook {
  /** The day the client will drop into the pool; null when it never will (see exemption). */
  releaseDay: DayKey | null;
  exemption: PoolExemption | null;
  /** Release day reached: the pool release step will release it. */
  due: boolean;
  /** Days left before release (0 when due). */
  daysLeft: number | null;
  /** Within the pool warning days, not yet due. */
  warning: boolean;
}

type PoolSettings = Pick<
  Settings,
  'poolEnabled' | 'poolDaysA' | 'poolDaysB' | 'poolDaysC' | 'poolDaysD' | 'poolExemptRenewal' | 'poolWarningDays'
>;

function never(exemption: PoolExemption): PoolOutlook {
  return { releaseDay: null, exemption, due: false, daysLeft: null, warning: false };
}

/**
 * Release day = the latest reached contact (or Created when never reached) + poolDays[grade].
 * Won clients have left the lead cadence and are never released (docs/follow-up-state.md); clients
 * with an open renewal (Expiry date today or later) are exempt when Settings says so.
 */
export function poolOutlook(facts: PoolFacts, settings: PoolSettings, today: DayKey): PoolOutlook {
  if (!settings.poolEnabled) return never('disabled');
  if (facts.stage === 'lost') return never('lost');
  if (facts.stage === 'won') return never('won');
  if (facts.owner.trim() === '') return never('inPool');
  if (settings.poolExemptRenewal && facts.expiryDate !== null && daysBetween(today, facts.expiryDate) >= 0) {
    return never('renewal');
  }
  const since = facts.lastContact ?? facts.created;
  if (since === null) return never('noDate');
  const releaseDay = addDays(since, poolDaysFor(settings, facts.grade));
  const daysLeft = Math.max(0, daysBetween(today, releaseDay));
  const due = daysLeft === 0;
  return { releaseDay, exemption: null, due, daysLeft, warning: !due && daysLeft <= settings.poolWarningDays };
}

/** Why a due client is released, for the Changes row. */
export function releaseReason(facts: PoolFacts, settings: PoolSettings, today: DayKey): Message {
  const since = facts.lastContact ?? facts.created;
  return message('pool.released', {
    days: since === null ? 0 : daysBetween(since, today),
    grade: facts.grade,
    limit: poolDaysFor(settings, facts.grade),
  });
}

export interface Release {
  formerOwner: string;
  releasedOn: DayKey;
}

export type ClaimCheck = { ok: true } | { ok: false; from: DayKey; reason: Message };

/** Anyone may claim a pooled client, but its former owner (the one person rule) only reclaimDays after the release. */
export function canClaim(
  claimant: string,
  lastRelease: Release | null,
  settings: Pick<Settings, 'reclaimDays'>,
  today: DayKey,
): ClaimCheck {
  if (lastRelease === null || !samePerson(lastRelease.formerOwner, claimant)) return { ok: true };
  const from = addDays(lastRelease.releasedOn, settings.reclaimDays);
  if (daysBetween(today, from) <= 0) return { ok: true };
  return { ok: false, from, reason: message('pool.reclaimWait', { released: lastRelease.releasedOn, from }) };
}

/** The latest pool release of a client, from the Changes log (Old holds the former owner). */
export function lastRelease(changes: readonly ChangeRecord[], clientId: string, tz: string): Release | null {
  let best: { at: number; release: Release } | null = null;
  for (const change of changes) {
    if (change.what !== 'poolRelease' || idKey(change.clientId) !== idKey(clientId) || change.date === null) continue;
    const at = change.date.getTime();
    if (best === null || at >= best.at) {
      best = { at, release: { formerOwner: change.old, releasedOn: dayKey(change.date, tz) } };
    }
  }
  return best === null ? null : best.release;
}
