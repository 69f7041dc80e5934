/** Who is at the keyboard (or whose trigger runs), and what the Team tab says about them. */
import { normalizeEmail } from '../../core/digest/plan';
import { sameEmail } from '../../core/people';
import type { TeamMember } from '../../core/schema';
import type { WorkbookContext } from '../context';
import { openTable, sheetsByName } from '../table';

/** The signed-in user's address, or the account the code runs as when the identity is hidden. */
export function currentEmail(): string {
  const active = Session.getActiveUser().getEmail();
  return normalizeEmail(active !== '' ? active : Session.getEffectiveUser().getEmail());
}

export { sameEmail } from '../../core/people';

/** The Team row with this address, or null. */
export function teamMemberByEmail(wb: WorkbookContext, email: string): TeamMember | null {
  const team = openTable(sheetsByName(wb.ss), 'team', { lang: wb.lang, tz: wb.tz });
  return team.records.find((m): m is TeamMember => m !== null && sameEmail(m.email, email)) ?? null;
}

/** Managers and directors may take over or stop a schedule someone else runs. */
export function mayManageSchedule(member: TeamMember | null): boolean {
  return member !== null && (member.role === 'manager' || member.role === 'director');
}
