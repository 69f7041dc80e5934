/**
 * The one rule for who may receive mail about the clients in this file (docs/roles.md, "Mail"): one
 * plain address ("Name <addr>" forms and two addresses in a cell are refused), and that address has
 * access to the file — listed individually as an editor or viewer, or recorded as having run the
 * add-on in this file (that proves access: files shared with a group, a domain, a link or a shared
 * drive list nobody individually). Never by mail domain. Every mail the product sends asks this.
 */
import { emailKey, isSingleAddress } from './people';

export type MailRefusal = 'noEmail' | 'badAddress' | 'noAccess';

export type MailPermission = { ok: true; email: string } | { ok: false; reason: MailRefusal };

/** `access`: lower-case addresses that can open the file (listed or recorded). */
export function mailPermission(email: string, access: ReadonlySet<string>): MailPermission {
  if (email.trim() === '') return { ok: false, reason: 'noEmail' };
  if (!isSingleAddress(email)) return { ok: false, reason: 'badAddress' };
  const key = emailKey(email);
  return access.has(key) ? { ok: true, email: key } : { ok: false, reason: 'noAccess' };
}
