/**
 * Who gets which email today. Only Team members with Digest = yes get mail, and only when their
 * address can open the spreadsheet (anyone who can edit the sheet can edit Team, so a Team row alone
 * proves nothing); the others are named in the run's outcome. Each message has a key
 * (recipient | kind | period) so that a rerun sends nothing twice.
 */
import type { Lang } from '../i18n';
import { emailKey } from '../people';
import { type MailRefusal, mailPermission } from '../recipients';
import type { TeamMember } from '../schema';
import { dailyCount, dailyDoc, dailyList } from './daily';
import type { DigestContext } from './facts';
import { type RenderedEmail, renderDoc } from './layout';
import { monthlyDoc, monthlySummary } from './monthly';
import { type DigestKind, type Periods } from './period';
import { weeklyDoc, weeklySummary } from './weekly';

export interface Recipient {
  member: TeamMember;
  /** lower case */
  email: string;
  lang: Lang;
}

export type SkipReason = MailRefusal;

export interface Skipped {
  name: string;
  email: string;
  reason: SkipReason;
}

export interface Addressees {
  recipients: Recipient[];
  skipped: Skipped[];
}

/** Addresses are compared by the one rule (core/people.ts). */
export function normalizeEmail(email: string): string {
  return emailKey(email);
}

/** Team members with Digest = yes that the mail rule (core/recipients.ts) lets receive mail. */
export function addressees(team: readonly TeamMember[], access: ReadonlySet<string>, workbookLang: Lang): Addressees {
  const recipients: Recipient[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const member of team) {
    if (!member.digest) continue;
    const allowed = mailPermission(member.email, access);
    if (!allowed.ok) {
      skipped.push({ name: member.name.trim(), email: member.email.trim(), reason: allowed.reason });
      continue;
    }
    const email = allowed.email;
    if (!seen.has(email)) {
      seen.add(email);
      recipients.push({ member, email, lang: member.language ?? workbookLang });
    }
  }
  return { recipients, skipped };
}

export function messageKey(email: string, kind: DigestKind, period: string): string {
  return `${normalizeEmail(email)}|${kind}|${period}`;
}

export interface DigestMessage extends RenderedEmail {
  key: string;
  to: string;
  name: string;
  kind: DigestKind;
  period: string;
  /** Overdue clients the email is about: when the quota is short the most urgent go first. */
  urgency: number;
}

/**
 * One recipient's email of a kind, or null when there is nothing to say (an empty daily list, a
 * weekly summary for someone who is not a manager of anyone, a monthly report for a non-director).
 */
export function composeMessage(
  ctx: DigestContext,
  recipient: Recipient,
  kind: DigestKind,
  period: string,
): DigestMessage | null {
  const { member, email, lang } = recipient;
  const base = { key: messageKey(email, kind, period), to: email, name: member.name.trim(), kind, period };
  if (kind === 'daily') {
    const list = dailyList(ctx, member);
    if (dailyCount(list) === 0) return null;
    return { ...base, urgency: list.overdue.length, ...renderDoc(dailyDoc(ctx, list, lang)) };
  }
  if (kind === 'weekly') {
    if (member.role !== 'manager') return null;
    const summary = weeklySummary(ctx, member);
    if (summary === null) return null;
    return { ...base, urgency: summary.overdue, ...renderDoc(weeklyDoc(ctx, summary, lang)) };
  }
  if (member.role !== 'director') return null;
  const report = monthlySummary(ctx, member);
  return { ...base, urgency: report.headline.overdue, ...renderDoc(monthlyDoc(ctx, report, lang)) };
}

/** Every email due today, for every recipient. */
export function todaysMessages(
  ctx: DigestContext,
  recipients: readonly Recipient[],
  periods: Periods,
): DigestMessage[] {
  const out: DigestMessage[] = [];
  for (const r of recipients) {
    for (const kind of ['daily', 'weekly', 'monthly'] as const) {
      const period = periods[kind];
      if (period === null) continue;
      const m = composeMessage(ctx, r, kind, period);
      if (m) out.push(m);
    }
  }
  return out;
}
