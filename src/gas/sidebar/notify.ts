/**
 * Seed 000: whoever the meeting names for the next step must hear about it the same day. When a
 * contact sets a next step for someone else due today, they get an email at once, in their own
 * language (Team ▸ Language, else the workbook's), when the mail rule lets them receive it; else the
 * sidebar says who was not told, why, and what to do.
 */
import { message, t } from '../../core/i18n';
import type { ClientRecord } from '../../core/schema';
import type { Notice } from '../../server/api-types';
import { notice } from './results';
import { memberByName } from '../../core/people';
import { mailPermission } from '../../core/recipients';
import { teamAsConfirmed } from '../../core/roles';
import { accessList } from '../mail-access';
import type { SidebarSession } from './session';

export function mailNextStep(
  s: SidebarSession,
  step: { to: string; client: ClientRecord; topic: string; by: string },
): Notice {
  const { lang } = s.ctx;
  // The person as the confirmed Team knows them, and the one mail rule (core/recipients.ts, docs/roles.md).
  const member = memberByName(teamAsConfirmed(s.team, s.roles.confirmed), step.to);
  const allowed = mailPermission(member?.email ?? '', accessList(s.ctx.ss));
  if (!allowed.ok) {
    const key = {
      noEmail: 'sidebar.notice.noEmail',
      badAddress: 'sidebar.notice.notMailedBadAddress',
      noAccess: 'sidebar.notice.notMailedNoAccess',
    } as const;
    return notice(lang, message(key[allowed.reason], { name: step.to }));
  }
  const email = allowed.email;
  const theirLang = member?.language ?? lang;
  const params = {
    name: step.to,
    client: step.client.name,
    id: step.client.id,
    topic: step.topic === '' ? t(theirLang, 'sidebar.mail.noTopic') : step.topic,
    by: step.by,
  };
  try {
    // A subject may not hold a line break (a client's name might).
    const subject = t(theirLang, 'sidebar.mail.subject', params).replace(/[\r\n]+/g, ' ');
    MailApp.sendEmail(email, subject, t(theirLang, 'sidebar.mail.body', params));
  } catch (e) {
    // The contact is saved either way; say plainly that the reminder did not go out.
    return notice(lang, message('sidebar.notice.mailFailed', { name: step.to, error: (e as Error).message }));
  }
  return notice(lang, message('sidebar.notice.mailed', { name: step.to }));
}
