/**
 * Seed 000: whoever the meeting names for the next step must hear about it the same day. When a
 * contact sets a next step for someone else due today, they get an email at once, in their own
 * language (Team ▸ Language, else the workbook's), when the mail rule lets them receive it; else the
 * sidebar says who was not told, why, and what to do. A row typed into Contacts calls for the same
 * mail, sent by the next run that may send mail (gas/handover-mail.ts), which says so.
 */
import { type Lang, type Message, message, t } from '../../core/i18n';
import type { Notice } from '../../contract/types';
import { notice } from './results';
import { firstPhone } from '../../core/digest/facts';
import { memberByName } from '../../core/people';
import type { TeamMember } from '../../core/schema';
import { mailPermission } from '../../core/recipients';
import { teamAsConfirmed } from '../../core/roles';
import { accessList } from '../mail-access';
import type { SidebarSession } from './session';

export interface StepMail {
  to: string;
  client: { id: string; name: string; contact?: string; phone?: string };
  topic: string;
  by: string;
}

/**
 * The line that says whom to call, as the daily list gives it (contact person · first number), with
 * the line break before it; '' when the register has neither.
 */
export function callLine(client: { contact?: string; phone?: string }, lang: Lang): string {
  const who = [(client.contact ?? '').trim(), firstPhone(client.phone ?? '')].filter((p) => p !== '');
  return who.length === 0 ? '' : `\n${t(lang, 'mail.whoToCall', { who: who.join(' · ') })}`;
}

/** What became of one handover mail: sent, or why not, as a sentence in the workbook's language. */
export type StepMailResult = { sent: true; text: Message } | { sent: false; text: Message };

/**
 * Mails a next step to its owner when the one mail rule lets them receive it (core/recipients.ts,
 * docs/roles.md). `compose` writes the subject and body in the owner's language.
 */
export function sendStepMail(
  team: readonly TeamMember[],
  access: ReadonlySet<string>,
  to: string,
  compose: (lang: Lang | null) => { subject: string; body: string },
): StepMailResult {
  const member = memberByName(team, to);
  const allowed = mailPermission(member?.email ?? '', access);
  if (!allowed.ok) {
    const key = {
      noEmail: 'sidebar.notice.noEmail',
      badAddress: 'sidebar.notice.notMailedBadAddress',
      noAccess: 'sidebar.notice.notMailedNoAccess',
    } as const;
    return { sent: false, text: message(key[allowed.reason], { name: to }) };
  }
  const mail = compose(member?.language ?? null);
  try {
    // A subject may not hold a line break (a client's name might).
    MailApp.sendEmail(allowed.email, mail.subject.replace(/[\r\n]+/g, ' '), mail.body);
  } catch (e) {
    // The contact is saved either way; say plainly that the reminder did not go out.
    return { sent: false, text: message('sidebar.notice.mailFailed', { name: to, error: (e as Error).message }) };
  }
  return { sent: true, text: message('sidebar.notice.mailed', { name: to }) };
}

export function mailNextStep(s: SidebarSession, step: StepMail): Notice {
  const { lang } = s.ctx;
  const team = teamAsConfirmed(s.team, s.roles.confirmed);
  const result = sendStepMail(team, accessList(s.ctx.ss), step.to, (theirs) => {
    const theirLang = theirs ?? lang;
    const params = {
      name: step.to,
      client: step.client.name,
      id: step.client.id,
      topic: step.topic === '' ? t(theirLang, 'sidebar.mail.noTopic') : step.topic,
      by: step.by,
      call: callLine(step.client, theirLang),
    };
    return { subject: t(theirLang, 'sidebar.mail.subject', params), body: t(theirLang, 'sidebar.mail.body', params) };
  });
  return notice(lang, result.text);
}
