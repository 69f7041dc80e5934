/**
 * Seed 000: whoever the meeting names for the next step must hear about it the same day. When a
 * contact sets a next step for someone else due today, they get an email at once, in their own
 * language (Team ▸ Language, else the workbook's).
 */
import { message, t } from '../../core/i18n';
import type { ClientRecord } from '../../core/schema';
import type { Notice } from '../../server/api-types';
import { notice } from './results';
import { type SidebarSession, memberByName } from './session';

export function mailNextStep(
  s: SidebarSession,
  step: { to: string; client: ClientRecord; topic: string; by: string },
): Notice {
  const { lang } = s.ctx;
  const member = memberByName(s.team, step.to);
  const email = member?.email.trim() ?? '';
  if (email === '') return notice(lang, message('sidebar.notice.noEmail', { name: step.to }));
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
