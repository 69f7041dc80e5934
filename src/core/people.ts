/**
 * One rule for "the same person", everywhere (sidebar, digests, reports, pool, hand-over): a person is
 * their Team email first; names are compared trimmed and case-insensitive, nothing more. "Lina" and
 * "Li Na" are two people, as are "张伟" and "张 伟": folding spaces, punctuation or width would let one
 * Team row read another's clients. See docs/roles.md.
 */
import type { TeamMember } from './schema';

/** A name as people are compared: trimmed, lower case (Unicode case folding of the default locale). */
export function personKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Two names are one person; a blank name is nobody, never the same as another blank. */
export function samePerson(a: string, b: string): boolean {
  const ka = personKey(a);
  return ka !== '' && ka === personKey(b);
}

/** An address as addresses are compared: trimmed, lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function sameEmail(a: string, b: string): boolean {
  const ka = emailKey(a);
  return ka !== '' && ka === emailKey(b);
}

/**
 * One plain address and nothing else: "Name <addr>" forms, two addresses in one cell, or spaces inside
 * are not a single address, and mail is never sent to them.
 */
export function isSingleAddress(email: string): boolean {
  return /^[^\s@<>,;"()[\]]+@[^\s@<>,;"()[\]]+\.[^\s@<>,;"()[\]]+$/.test(email.trim());
}

/** The Team row of an address, or null. */
export function memberByEmail<M extends Pick<TeamMember, 'email'>>(team: readonly M[], email: string): M | null {
  return team.find((m) => sameEmail(m.email, email)) ?? null;
}

/** The Team row of a name, or null; with duplicate names, the first (duplicates are flagged). */
export function memberByName<M extends Pick<TeamMember, 'name'>>(team: readonly M[], name: string): M | null {
  return team.find((m) => samePerson(m.name, name)) ?? null;
}

/** Names two or more Team rows share (by the one rule), each as first written. */
export function duplicateNames(team: readonly Pick<TeamMember, 'name'>[]): string[] {
  const seen = new Map<string, number>();
  const first = new Map<string, string>();
  for (const m of team) {
    const key = personKey(m.name);
    if (key === '') continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (!first.has(key)) first.set(key, m.name.trim());
  }
  return [...seen].filter(([, n]) => n > 1).map(([key]) => first.get(key) as string);
}
