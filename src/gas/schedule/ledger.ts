/**
 * The mail ledger in document properties: which messages went out (by key: recipient | kind | period,
 * hashed to a few characters) and which were deferred to the next run. Sent keys are kept only for
 * the last few sending days — enough for reruns and retries — so the store stays a few kilobytes
 * even for a big team.
 */
import { type DayKey, addDays } from '../../core/dates';
import type { DigestKind } from '../../core/digest/period';
import { type JsonSlot, jsonSlot } from './store';

const LEDGER_KEY = 'ct.mail.ledger';
/** Sending days whose keys are kept. */
const KEEP_SENT_DAYS = 3;
/** A deferred summary older than this is dropped (the next one is due by then). */
const KEEP_PENDING_DAYS = 7;

export type DeferReason = 'quota' | 'time' | 'error';

export interface Pending {
  key: string;
  to: string;
  kind: DigestKind;
  period: string;
  /** the day it was first deferred */
  since: DayKey;
  reason: DeferReason;
}

/** A message a run has claimed and is sending now (the document lock is not held while it sends). */
interface Sending {
  h: string;
  /** who and which message, for the report should the run stop before it is marked sent */
  label: string;
  /** epoch ms when it was claimed */
  at: number;
}

interface LedgerData {
  /** sending day → hashes of the keys sent that day */
  sent: Record<DayKey, string[]>;
  pending: Pending[];
  sending?: Sending[];
}

/** A claim older than the longest execution (6 minutes) was left by a run that stopped while sending. */
const STALE_SENDING_MS = 6 * 60_000;

/** Two 32-bit FNV-1a variants in base 36: short, and no collision in any realistic ledger. */
export function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36).padStart(7, '0');
}

export class MailLedger {
  private readonly slot: JsonSlot<LedgerData>;
  private readonly sentSet = new Set<string>();
  private data: LedgerData;

  constructor(
    props: GoogleAppsScript.Properties.Properties,
    private readonly today: DayKey,
  ) {
    this.slot = jsonSlot<LedgerData>(props, LEDGER_KEY, { sent: {}, pending: [] });
    const data = this.slot.value;
    const keepFrom = addDays(today, -(KEEP_SENT_DAYS - 1));
    const pendingFrom = addDays(today, -KEEP_PENDING_DAYS);
    const sent: Record<DayKey, string[]> = {};
    for (const [day, keys] of Object.entries(data.sent ?? {})) {
      if (day >= keepFrom && Array.isArray(keys)) sent[day] = keys;
    }
    for (const keys of Object.values(sent)) for (const k of keys) this.sentSet.add(k);
    this.data = {
      sent,
      pending: (data.pending ?? []).filter((p) => p.since >= pendingFrom),
      sending: Array.isArray(data.sending) ? data.sending : [],
    };
  }

  /** Sent, or being sent by a run (one in progress, or one that stopped: counted as sent, never sent twice). */
  wasSent(key: string): boolean {
    const h = hashKey(key);
    return this.sentSet.has(h) || this.sendingList.some((s) => s.h === h);
  }

  private get sendingList(): Sending[] {
    return (this.data.sending ??= []);
  }

  /** Claims a message before it is sent, and saves at once. */
  markSending(key: string, label: string, at: number): void {
    this.sendingList.push({ h: hashKey(key), label, at });
    this.slot.save(this.data);
  }

  /** Gives a claim back (the send failed: the message is deferred instead). */
  unmarkSending(key: string): void {
    const h = hashKey(key);
    this.data.sending = this.sendingList.filter((s) => s.h !== h);
    this.slot.save(this.data);
  }

  /**
   * Claims left by a run that stopped between claiming and marking sent: they count as sent (the mail
   * may have gone) and are returned once, to be reported.
   */
  takeStale(now: number): string[] {
    const stale = this.sendingList.filter((s) => s.at < now - STALE_SENDING_MS);
    if (stale.length === 0) return [];
    this.data.sending = this.sendingList.filter((s) => s.at >= now - STALE_SENDING_MS);
    for (const s of stale) {
      this.sentSet.add(s.h);
      (this.data.sent[this.today] ??= []).push(s.h);
    }
    this.slot.save(this.data);
    return stale.map((s) => s.label);
  }

  get pending(): readonly Pending[] {
    return this.data.pending;
  }

  /** Records a message as sent and saves at once, so a run stopped right after cannot send it again. */
  markSent(key: string): void {
    const h = hashKey(key);
    this.sentSet.add(h);
    (this.data.sent[this.today] ??= []).push(h);
    this.data.sending = this.sendingList.filter((s) => s.h !== h);
    this.data.pending = this.data.pending.filter((p) => p.key !== key);
    this.slot.save(this.data);
  }

  /** Replaces the deferred list (what this run could not send, plus what it did not get to). */
  setPending(pending: Pending[]): void {
    this.data.pending = pending;
    this.slot.save(this.data);
  }
}
