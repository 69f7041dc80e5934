/**
 * Who has access to this file, for the mail rule (core/recipients.ts, docs/roles.md): the editors and
 * viewers listed individually, plus everyone recorded as having run the add-on here. Running any
 * add-on action in a file proves the person can open it, so the signed-in address is recorded
 * (document properties) the first time they do; it is never inferred from a mail domain.
 */
import { emailKey } from '../core/people';
import { jsonSlot } from './schedule/store';

const SEEN_KEY = 'ct.seen';
/** Addresses kept; the oldest go first beyond this (a property store holds 500 KB). */
const KEEP_SEEN = 2_000;

function seenSlot() {
  return jsonSlot<string[]>(PropertiesService.getDocumentProperties(), SEEN_KEY, []);
}

/** Records that this address ran the add-on in this file; writes only the first time. */
export function recordSeen(email: string): void {
  const key = emailKey(email);
  if (key === '') return;
  const slot = seenSlot();
  const seen = Array.isArray(slot.value) ? slot.value : [];
  if (seen.includes(key)) return;
  slot.save([...seen, key].slice(-KEEP_SEEN));
}

/** Lower-case addresses that can open the file: listed editors and viewers, and those recorded. */
export function accessList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<string> {
  const listed = [...ss.getEditors(), ...ss.getViewers()].map((u) => emailKey(u.getEmail()));
  const seen = seenSlot().value;
  return new Set([...listed, ...(Array.isArray(seen) ? seen.map(String) : [])].filter((e) => e !== ''));
}
