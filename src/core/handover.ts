/**
 * Seed 000: whoever a contact names for the next step must hear about it the same day. A step set
 * for someone else and due today (or already due) is mailed to them: at once by the sidebar; a row
 * typed or pasted into Contacts is applied where no mail may be sent (onEdit) or by a run that sends
 * its mail later (the daily run's Refresh), so its mail waits in a queue and goes out with the next
 * run that may send mail, saying so (docs/rule-path.md, "Mail a typed row calls for").
 */
import { type DayKey, addDays } from './dates';
import type { NextStep } from './next-step';
import { samePerson } from './people';

/** A handover mail waiting for a run that may send it. */
export interface QueuedHandover {
  /** The contact row's ID: one mail per contact, however many doors see the row. */
  contactId: string;
  clientId: string;
  client: string;
  to: string;
  day: DayKey;
  topic: string;
  /** Who typed the row (By): blank when the sheet did not say. */
  by: string;
  /** When the contact was entered (ISO), for the sentence that says why the mail comes late. */
  at: string;
  /** The import batch (I-…) that logged the contact; absent for a row typed into the sheet. */
  batch?: string;
  /**
   * Set just before the mail is sent, and kept while the step is recent: an entry a crash left
   * "sending" counts as sent, and a later edit of the same row (a topic corrected) mails nobody twice.
   */
  sent?: boolean;
}

/** One mail per contact row and step: the same row seen again, or edited, is the same handover. */
export function handoverKey(entry: Pick<QueuedHandover, 'contactId' | 'to' | 'day'>): string {
  return `${entry.contactId}|${entry.to.trim().toLowerCase()}|${entry.day}`;
}

/**
 * A handover is mailed while its day is today or yesterday: the run after a day's typing comes by the
 * next morning, and an older step is in the daily digest as overdue already (a log adopted with years
 * of rows mails nobody about them).
 */
export const HANDOVER_DAYS = 2;
/** At most this many wait: the queue lives in document properties (9 KB a value, 500 KB a store). */
export const HANDOVER_QUEUE_MAX = 200;

/**
 * Whether a step set by `by` calls for a mail to its owner: someone else's, due today (or yesterday,
 * for a row applied the morning after). A blank By is nobody in particular, so the owner is told (they
 * may have typed it themselves; a needless mail is cheaper than a missed follow-up).
 */
export function handoverCalledFor(step: NextStep | null, by: string, today: DayKey): step is NextStep {
  return (
    step !== null &&
    step.day <= today &&
    step.day >= oldestHandoverDay(today) &&
    step.owner.trim() !== '' &&
    !samePerson(step.owner, by)
  );
}

export function oldestHandoverDay(today: DayKey): DayKey {
  return addDays(today, -(HANDOVER_DAYS - 1));
}

/** The queue with `entries` added (one per handoverKey: a sent one stays, a waiting one takes the latest), stale ones dropped, at most HANDOVER_QUEUE_MAX kept. */
export function enqueueHandovers(
  queue: readonly QueuedHandover[],
  entries: readonly QueuedHandover[],
  today: DayKey,
): QueuedHandover[] {
  const oldest = oldestHandoverDay(today);
  // A row edited again before the run (the topic typed after the owner) replaces its waiting entry.
  const byId = new Map<string, QueuedHandover>();
  for (const entry of [...queue, ...entries]) {
    const key = handoverKey(entry);
    if (byId.get(key)?.sent !== true) byId.set(key, entry);
  }
  const kept = [...byId.values()].filter((e) => e.day >= oldest);
  return kept.slice(Math.max(0, kept.length - HANDOVER_QUEUE_MAX));
}

/** Whether a queued handover is still the client's step: a plan set since replaces it, and nobody is mailed. */
export function stillInForce(entry: QueuedHandover, day: DayKey | null, owner: string): boolean {
  return day === entry.day && samePerson(owner, entry.to);
}
