/**
 * MailApp: records every message instead of sending it, and enforces the sending quotas.
 *
 * Sources: https://developers.google.com/apps-script/reference/mail/mail-app (overloads and options),
 * https://developers.google.com/apps-script/guides/services/quotas (recipients per day: 100 consumer,
 * 1,500 Workspace; 50 recipients per message; body 200 KB / 400 KB; quotas reset 24 h after first use).
 * "Service invoked too many times for one day: email." is quoted from live logs.
 *
 * The daily quota is per sending account (the effective user) and modelled as a 24-hour window opened by
 * that account's first counted recipient, as the quotas page words it, not as a calendar day.
 * Unverified ([U]) wordings: the per-message recipient and body-size messages, and refusing a subject
 * that holds a line break.
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { readBlob } from './blob';
import { serviceState } from './state';

export type MailAccount = 'consumer' | 'workspace';

export const MAIL_LIMITS: Record<MailAccount, { recipientsPerDay: number; bodyBytes: number }> = {
  consumer: { recipientsPerDay: 100, bodyBytes: 200 * 1024 },
  workspace: { recipientsPerDay: 1500, bodyBytes: 400 * 1024 },
};
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
const QUOTA_WINDOW_MS = 86_400_000;

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: { name: string | null; contentType: string | null; size: number }[];
  /** epoch ms */
  sentAt: number;
}

export interface MailUsage {
  windowStartMs: number;
  recipients: number;
}

export interface MailState {
  account: MailAccount;
  /** overrides the account's recipients-per-day limit when set */
  dailyQuota: number | null;
  sent: SentMail[];
  /** per sending account (effective user) */
  usage: Map<string, MailUsage>;
  /** sends made while the execution held the document lock (tests; not saved with the workbook) */
  sentUnderDocumentLock: number;
}

export function mailState(env: EnvironmentState): MailState {
  return serviceState(env, 'mail', (): MailState => ({
    account: 'consumer',
    dailyQuota: null,
    sent: [],
    usage: new Map(),
    sentUnderDocumentLock: 0,
  }));
}

export interface MailOptions {
  attachments?: unknown[];
  bcc?: string;
  cc?: string;
  htmlBody?: string;
  inlineImages?: Record<string, unknown>;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
}

export interface MailMessage extends MailOptions {
  to?: string;
  subject?: string;
  body?: string;
}

export interface MailAppApi {
  sendEmail(message: MailMessage): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): void;
  sendEmail(recipient: string, replyTo: string, subject: string, body: string): void;
  getRemainingDailyQuota(): number;
}

function recipients(list: string | undefined): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const address = /<([^>]+)>\s*$/.exec(s)?.[1]?.trim() ?? s;
      if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) throw new AppsScriptException(`Invalid email: ${s}`);
      return address;
    });
}

function usageOf(state: MailState, user: string, now: number): MailUsage {
  const usage = state.usage.get(user);
  if (usage && now < usage.windowStartMs + QUOTA_WINDOW_MS) return usage;
  return { windowStartMs: now, recipients: 0 };
}

function dailyLimit(state: MailState): number {
  return state.dailyQuota ?? MAIL_LIMITS[state.account].recipientsPerDay;
}

/** Normalises the four overloads to one message. */
function toMessage(args: unknown[]): MailMessage {
  if (typeof args[0] === 'object' && args[0] !== null) return args[0] as MailMessage;
  const [recipient, a, b, c] = args as [string, string, string, unknown];
  if (typeof c === 'string') return { to: recipient, replyTo: a, subject: b, body: c };
  return { ...((c as MailOptions | undefined) ?? {}), to: recipient, subject: a, body: b };
}

export function createMailApp(exec: Execution): MailAppApi {
  const state = mailState(exec.env);

  function sendEmail(...args: unknown[]): void {
    exec.call('MailApp.sendEmail', 'mail');
    const m = toMessage(args);
    const to = recipients(m.to);
    const cc = recipients(m.cc);
    const bcc = recipients(m.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new AppsScriptException('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE)
      throw new AppsScriptException('Limit Exceeded: Email Recipients Per Message.');
    const subject = m.subject === undefined || m.subject === null ? '' : String(m.subject);
    if (/[\r\n]/.test(subject)) throw new AppsScriptException('Invalid argument: subject (it contains a line break)');
    const body = m.body === undefined || m.body === null ? '' : String(m.body);
    const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? null : String(m.htmlBody);
    const maxBody = MAIL_LIMITS[state.account].bodyBytes;
    if (Buffer.byteLength(body) > maxBody || (htmlBody !== null && Buffer.byteLength(htmlBody) > maxBody)) {
      throw new AppsScriptException('Limit Exceeded: Email Body Size.');
    }

    const now = exec.env.clock.now();
    const from = exec.effectiveUser;
    const usage = usageOf(state, from, now);
    if (usage.recipients + count > dailyLimit(state)) {
      throw new AppsScriptException('Service invoked too many times for one day: email.');
    }
    usage.recipients += count;
    state.usage.set(from, usage);

    if (exec.holdsDocumentLock) state.sentUnderDocumentLock++;
    // noReply exists only for Workspace accounts; when it applies, replyTo is ignored.
    const noReply = state.account === 'workspace' && m.noReply === true;
    state.sent.push({
      from,
      to,
      cc,
      bcc,
      subject,
      body,
      htmlBody,
      name: m.name === undefined ? null : String(m.name),
      replyTo: noReply || m.replyTo === undefined ? null : String(m.replyTo),
      noReply,
      attachments: (m.attachments ?? []).map((a) => {
        const blob = readBlob(a);
        return { name: blob?.name ?? null, contentType: blob?.contentType ?? null, size: blob?.bytes.length ?? 0 };
      }),
      sentAt: now,
    });
  }

  return {
    sendEmail: sendEmail as MailAppApi['sendEmail'],
    getRemainingDailyQuota() {
      exec.call('MailApp.getRemainingDailyQuota', 'mail');
      return dailyLimit(state) - usageOf(state, exec.effectiveUser, exec.env.clock.now()).recipients;
    },
  };
}
