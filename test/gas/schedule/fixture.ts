/**
 * A team's tracker in the emulator for the daily run: a set-up workbook with a Team tab (salespeople,
 * a manager, a director, someone whose address cannot open the file, someone who opted out), their
 * clients, and helpers to run the built add-on as the trigger does.
 */
import { mailState, propertiesState, triggerState, uiState } from '../../../src/local/emulator/services';
import { run, type RunResult } from '../../../src/local/runner';
import { bundle } from '../../helpers/bundle';
import { confirmTeamRoles } from '../../helpers/roles';
import { OWNER, type TestWorkbook } from '../../helpers/workbook';
import { type Row, addRows, trackerWorkbook } from '../clients-fixture';

export { OWNER };
export const ZHANG = 'zhangwei@example.com';
export const AMY = 'amy@example.com';
export const LINA = 'lina@example.com';
export const WANG = 'wang@example.com';
export const OUTSIDER = 'outsider@example.com';

export const TEAM: Row[] = [
  { Name: '张伟', Email: ZHANG, Role: 'Salesperson', Manager: 'Li Na', Active: 'Yes', Digest: 'Yes' },
  { Name: 'Amy', Email: AMY, Role: 'Salesperson', Manager: 'Li Na', Active: 'Yes', Digest: 'Yes' },
  { Name: 'Li Na', Email: LINA, Role: 'Manager', Manager: '王总', Active: 'Yes', Digest: 'Yes' },
  { Name: '王总', Email: WANG, Role: 'Director', Active: 'Yes', Digest: 'Yes', Language: '简体中文' },
  { Name: 'Outsider', Email: OUTSIDER, Role: 'Salesperson', Manager: 'Li Na', Active: 'Yes', Digest: 'Yes' },
  { Name: 'Quiet', Email: 'quiet@example.com', Role: 'Salesperson', Manager: 'Li Na', Active: 'Yes', Digest: 'No' },
];

/** Every person with a digest has something due on 2026-03-02 (a Monday). */
export const CLIENTS: Row[] = [
  { ID: 'C-1', Name: 'Acme', Owner: '张伟', 'Next follow-up': '2026-02-26', 'Next topic': 'send the quote' },
  { ID: 'C-2', Name: 'Beta', Owner: '张伟', 'Next follow-up': '2026-03-02' },
  { ID: 'C-3', Name: 'Gamma', Owner: 'Amy', 'Next follow-up': '2026-03-02' },
  { ID: 'C-4', Name: 'Delta', Owner: 'Li Na', 'Next follow-up': '2026-03-01' },
  { ID: 'C-5', Name: 'Epsilon', Owner: '王总', Stage: 'B3', 'Next follow-up': '2026-03-02' },
  { ID: 'C-6', Name: 'Zeta', Owner: 'Outsider', 'Next follow-up': '2026-02-01' },
  { ID: 'C-7', Name: 'Eta', Owner: 'Quiet', 'Next follow-up': '2026-02-01' },
];

export function teamWorkbook(
  opts: { now?: string; timeZone?: string; clients?: Row[]; team?: Row[] } = {},
): TestWorkbook {
  const wb = trackerWorkbook({ now: opts.now ?? '2026-03-02T00:30:00Z', timeZone: opts.timeZone });
  addRows(wb, 'Team', opts.team ?? TEAM);
  addRows(wb, 'Clients', opts.clients ?? CLIENTS);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, 'quiet@example.com');
  wb.env.spreadsheet.viewers.push(AMY);
  confirmTeamRoles(wb);
  return wb;
}

/** What the time-driven trigger does: runs the handler as the trigger's creator, with no Ui. */
export function fireTrigger(wb: TestWorkbook, creator = OWNER, fn = 'runDaily'): RunResult {
  // The event names the trigger that fired: the creator's for this handler (none: a run with no trigger).
  const trigger = triggerState(wb.env).triggers.find((t) => t.creator === creator && t.handler === fn);
  const event = { authMode: 'FULL', triggerUid: trigger?.id ?? '' };
  // With no trigger installed the run is "Run now" by the creator (docs/roles.md), as the CLI's daily.
  const activeUser = trigger ? undefined : creator;
  return run(bundle(), wb.env, { authMode: 'FULL', kind: 'timeDriven', effectiveUser: creator, activeUser }, fn, () => [
    event,
  ]);
}

export function recipients(wb: TestWorkbook): string[] {
  return [...new Set(mailState(wb.env).sent.flatMap((m) => m.to))].sort();
}

export function ourTriggers(wb: TestWorkbook) {
  return triggerState(wb.env).triggers.filter((t) => t.handler === 'runDaily');
}

export function lastDialog(wb: TestWorkbook): string {
  const shown = uiState(wb.env).shown;
  return shown[shown.length - 1]?.content ?? '';
}

/** The dialog's text without tags, for reading like a person. */
export function dialogText(wb: TestWorkbook): string {
  return lastDialog(wb)
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/\n+/g, '\n')
    .trim();
}

export function documentPropertyBytes(wb: TestWorkbook): number {
  let n = 0;
  for (const [k, v] of propertiesState(wb.env).document) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

export function advance(wb: TestWorkbook, hours: number): void {
  wb.clock.advance(hours * 3_600_000);
}
