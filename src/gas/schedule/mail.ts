/**
 * Sends the emails due: today's lists and summaries plus whatever an earlier run deferred, each at
 * most once (the ledger), the most urgent first, within the remaining daily quota and the time left.
 * A quota error from MailApp is caught; the rest wait for the next run. The document lock is held
 * only to read and mark the ledger, never while sending (see sendDigests).
 */
import { type DayKey } from '../../core/dates';
import { prepareDigest, type DigestContext } from '../../core/digest/facts';
import { periodsFor } from '../../core/digest/period';
import {
  type DigestMessage,
  type Recipient,
  addressees,
  composeMessage,
  normalizeEmail,
  todaysMessages,
} from '../../core/digest/plan';
import { joinList, message, render, t } from '../../core/i18n';
import { idKey } from '../../core/ids';
import { claimQueuedHandovers, handoverContext, handoverLines } from '../handover-mail';
import { sheetsByName } from '../table';
import type { WorkbookContext } from '../context';
import { withDocumentLock } from '../lock';
import { readDigestSource } from './digest-source';
import { type DeferReason, type Pending, MailLedger } from './ledger';

/** The message Apps Script throws when the daily recipients quota is used up. */
const QUOTA_ERROR = /too many times for one day: email/i;
const KIND_ORDER = { daily: 0, weekly: 1, monthly: 2 } as const;

export interface Deadline {
  /** true when there is no longer time for one more piece of work of this kind */
  passed(kind: 'step' | 'message'): boolean;
}

export interface MailOutcome {
  sent: string[];
  alreadySent: number;
  deferred: Pending[];
  quotaHit: boolean;
  timeUp: boolean;
  noAccess: string[];
  noEmail: string[];
  badAddress: string[];
  errors: string[];
  /**
   * Sentences in the run's language: who was told about handovers typed into the sheet (or why not),
   * and who was not mailed, or mailed at a lower role, until a director confirms the Team.
   */
  notes: string[];
}

interface Candidate {
  message: DigestMessage;
  /** deferred by an earlier run: goes first */
  owed: boolean;
}

/** Summaries an earlier run could not send, composed again from today's data. */
function owedSummaries(ctx: DigestContext, ledger: MailLedger, recipients: readonly Recipient[]): DigestMessage[] {
  const byEmail = new Map(recipients.map((r) => [r.email, r]));
  const out: DigestMessage[] = [];
  for (const p of ledger.pending) {
    const r = byEmail.get(normalizeEmail(p.to));
    if (p.kind === 'daily' || !r) continue;
    const m = composeMessage(ctx, r, p.kind, p.period);
    if (m) out.push(m);
  }
  return out;
}

function plan(ctx: DigestContext, ledger: MailLedger, recipients: readonly Recipient[], today: DayKey): Candidate[] {
  const owedTo = new Set(ledger.pending.map((p) => normalizeEmail(p.to)));
  const messages = [...todaysMessages(ctx, recipients, periodsFor(today, ctx.input.settings))];
  const keys = new Set(messages.map((m) => m.key));
  for (const m of owedSummaries(ctx, ledger, recipients)) if (!keys.has(m.key)) messages.push(m);
  return messages
    .map((message) => ({ message, owed: owedTo.has(message.to) }))
    .sort(
      (a, b) =>
        Number(b.owed) - Number(a.owed) ||
        b.message.urgency - a.message.urgency ||
        a.message.to.localeCompare(b.message.to) ||
        KIND_ORDER[a.message.kind] - KIND_ORDER[b.message.kind],
    );
}

function pendingOf(m: DigestMessage, since: DayKey, reason: DeferReason): Pending {
  return { key: m.key, to: m.to, kind: m.kind, period: m.period, since, reason };
}

function send(m: DigestMessage, senderName: string): void {
  MailApp.sendEmail({ to: m.to, subject: m.subject, body: m.text, htmlBody: m.html, name: senderName });
}

export function sendDigests(wb: WorkbookContext, deadline: Deadline): MailOutcome {
  const source = readDigestSource(wb);
  const ctx = prepareDigest(source.input);
  const today = source.input.today;
  const { recipients, skipped } = addressees(ctx.team, source.access, source.lang);
  const props = PropertiesService.getDocumentProperties();
  const locked = <T>(fn: () => T): T => withDocumentLock(source.lang, fn);
  // The document lock is held only to read and mark the ledger, never while a message is sent (a
  // send takes about a second; sidebar saves and onEdit wait for the lock meanwhile). A message is
  // claimed ("sending") before it is sent and marked sent after, so "Run now" during the scheduled
  // run cannot send it twice; a claim left by a run that stopped counts as sent and is reported.
  const start = locked(() => {
    // Handovers typed into the sheet since the last run that could mail (gas/handover-mail.ts) go first.
    const byId = new Map(source.input.clients.flatMap((c) => (c === null ? [] : [[idKey(c.id), c] as const])));
    const handing = claimQueuedHandovers({
      ...handoverContext(wb, sheetsByName(wb.ss, wb.lang)),
      lang: source.lang,
      clients: () => byId,
    });
    const ledger = new MailLedger(props, today);
    const stale = ledger.takeStale(new Date().getTime());
    const since = new Map(ledger.pending.map((p) => [p.key, p.since]));
    const candidates = plan(ctx, ledger, recipients, today);
    const fresh = candidates.filter((c) => !ledger.wasSent(c.message.key));
    return { handing, stale, since, candidates, fresh };
  });
  const { handing, stale, since, candidates, fresh } = start;
  const handed = handing(); // claimed above, under the lock; mailed now, outside it
  const outcome: MailOutcome = {
    sent: [],
    alreadySent: candidates.length - fresh.length,
    deferred: [],
    quotaHit: false,
    timeUp: false,
    noAccess: skipped.filter((s) => s.reason === 'noAccess').map((s) => s.email),
    noEmail: skipped.filter((s) => s.reason === 'noEmail').map((s) => s.name),
    badAddress: skipped.filter((s) => s.reason === 'badAddress').map((s) => s.name),
    errors: [],
    notes: [
      ...handoverLines(handed, source.lang),
      ...source.waiting,
      ...(stale.length > 0 ? [message('mail.staleSending', { list: joinList(stale, source.lang) })] : []),
    ].map((m) => render(source.lang, m)),
  };
  outcome.sent.push(...handed.sent.map((name) => `${name} (${t(source.lang, 'handover.kind')})`));
  outcome.sent.push(...handed.imported.map((name) => `${name} (${t(source.lang, 'handover.kindImported')})`));
  const defer = (m: DigestMessage, reason: DeferReason): void => {
    outcome.deferred.push(pendingOf(m, since.get(m.key) ?? today, reason));
  };
  let quota = fresh.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  const senderName = t(source.lang, 'app.name');
  for (const { message: m } of fresh) {
    if (outcome.quotaHit || outcome.timeUp) {
      defer(m, outcome.quotaHit ? 'quota' : 'time');
      continue;
    }
    if (deadline.passed('message')) {
      outcome.timeUp = true;
      defer(m, 'time');
      continue;
    }
    if (quota <= 0) {
      outcome.quotaHit = true;
      defer(m, 'quota');
      continue;
    }
    const label = `${m.to} (${m.kind})`;
    const claimed = locked(() => {
      const ledger = new MailLedger(props, today);
      if (ledger.wasSent(m.key)) return false;
      ledger.markSending(m.key, label, new Date().getTime());
      return true;
    });
    if (!claimed) {
      // another run sent it (or is sending it) since this one planned
      outcome.alreadySent++;
      continue;
    }
    try {
      send(m, senderName);
    } catch (err) {
      locked(() => new MailLedger(props, today).unmarkSending(m.key));
      const text = err instanceof Error ? err.message : String(err);
      if (QUOTA_ERROR.test(text)) outcome.quotaHit = true;
      else outcome.errors.push(`${m.to}: ${text}`);
      defer(m, outcome.quotaHit ? 'quota' : 'error');
      continue;
    }
    quota--;
    locked(() => new MailLedger(props, today).markSent(m.key));
    outcome.sent.push(label);
  }
  return locked(() => {
    const ledger = new MailLedger(props, today);
    // A daily list deferred on an earlier day is replaced by today's; its reader still goes first.
    const carried = ledger.pending.filter(
      (p) =>
        !(p.kind === 'daily' && p.period < today) &&
        !outcome.deferred.some((d) => d.key === p.key) &&
        !ledger.wasSent(p.key),
    );
    ledger.setPending([...outcome.deferred, ...carried]);
    return outcome;
  });
}
