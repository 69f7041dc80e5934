/**
 * The roles table (docs/roles.md), row by row, for each role and for a blank identity, through the
 * built bundle's exposures called as a menu click or google.script.run would call them.
 */
import { t } from '../../src/core/i18n';
import { mailState, uiState } from '../../src/local/emulator/services';
import { addRows, day } from './clients-fixture';
import { EXPOSURES } from '../../src/server/exposures';
import { LINA, WANG, ZHANG, ourTriggers, teamWorkbook } from './schedule/fixture';

const REFUSALS = [
  'roles.refused.blankIdentity',
  'roles.refused.waiting',
  'roles.refused.work',
  'roles.refused.handOverOne',
  'roles.refused.handOverAll',
  'roles.refused.runNow',
  'roles.refused.scheduleOff',
  'roles.refused.setup',
  'roles.refused.confirmRoles',
  'roles.refused.notYours',
  'roles.refused.notYourTeam',
] as const;
const OUTSIDER = 'stranger@example.com';
const refusal = (text: string): boolean =>
  text.startsWith('Your address stranger@example.com is not on the confirmed Team') ||
  REFUSALS.some((k) => t('en', k, { owner: '张伟' }) === text);

type Wb = ReturnType<typeof teamWorkbook>;

/** Calls an exposure as `user`; true when it was refused for their role (one sentence saying why). */
function refused(wb: Wb, name: keyof typeof EXPOSURES, args: unknown[], user: string): boolean {
  if (EXPOSURES[name].kind === 'menu') {
    const before = uiState(wb.env).dialogs.length;
    wb.menu(name, user);
    return uiState(wb.env)
      .dialogs.slice(before)
      .some((d) => refusal(d.prompt));
  }
  try {
    wb.client(name, args, user);
    return false;
  } catch (err) {
    if (refusal((err as Error).message)) return true;
    throw err;
  }
}

const ALL = ['salesperson', 'manager', 'director', 'outsider', 'blank'];
const WORK = ['salesperson', 'manager', 'director'];
/** 张伟's clients, counted as the person confirming "hand over all" sees them. */
const ownedBy = (wb: Wb, owner: string): number => {
  const [head, ...rows] = wb.values('Clients');
  return rows.filter((r) => r[head.indexOf('Owner')] === owner).length;
};

// Every exposure that checks a role, in an order where one call does not change the next one's answer
// (turning the schedule on and handing everything over come last).
const ROWS: { name: keyof typeof EXPOSURES; args?: (wb: Wb) => unknown[]; allowed: string[] }[] = [
  { name: 'searchClients', args: () => ['Acme'], allowed: ALL },
  { name: 'sidebarContext', allowed: ALL },
  { name: 'warmClientRows', allowed: ALL },
  { name: 'getClientCard', args: () => ['C-1'], allowed: ALL },
  { name: 'checkDuplicates', args: () => [{ name: 'Acme' }], allowed: ALL },
  { name: 'menuOpenSidebar', allowed: ALL },
  { name: 'menuAddClient', allowed: ALL },
  { name: 'menuClientCard', allowed: ALL },
  { name: 'menuScheduleStatus', allowed: ALL },
  {
    name: 'logContact',
    args: () => [{ clientId: 'C-1', channel: 'Phone', outcome: 'Reached', summary: 'talked' }],
    allowed: WORK,
  },
  { name: 'addClient', args: () => [{ name: 'Brand New Co' }], allowed: WORK },
  { name: 'claimClient', args: () => ['C-1'], allowed: WORK },
  { name: 'importBatch', args: () => [{ batch: '', clients: [] }], allowed: WORK },
  { name: 'undoImport', args: () => ['I-NONE'], allowed: WORK },
  { name: 'importTabs', allowed: WORK },
  { name: 'importPreview', args: () => [{ tab: 'none' }], allowed: WORK },
  { name: 'importRun', args: () => [{ tab: 'none' }], allowed: WORK },
  { name: 'menuImport', allowed: WORK },
  { name: 'menuRefresh', allowed: WORK },
  { name: 'menuPreviewEmail', allowed: WORK },
  { name: 'menuReportDaily', allowed: WORK },
  { name: 'menuReportMonthly', allowed: WORK },
  { name: 'menuReportFunnel', allowed: WORK },
  { name: 'menuReportOverdue', allowed: WORK },
  { name: 'menuReportChurn', allowed: WORK },
  { name: 'menuReportValidity', allowed: WORK },
  { name: 'menuReportPersistence', allowed: WORK },
  { name: 'menuReportsAll', allowed: WORK },
  { name: 'buildAllReports', allowed: WORK },
  { name: 'reassignClient', args: () => ['C-1', 'Amy', 'moves north'], allowed: WORK },
  { name: 'countClientsOf', args: () => ['张伟'], allowed: ['manager', 'director'] },
  { name: 'menuScheduleRunNow', allowed: WORK },
  { name: 'menuPoolRelease', allowed: WORK },
  { name: 'runDaily', args: () => [{ triggerUid: 'forged' }], allowed: WORK },
  { name: 'runDigests', args: () => [{ triggerUid: 'forged' }], allowed: WORK },
  { name: 'menuSelfCheck', allowed: ['director'] },
  { name: 'menuSetup', allowed: ['director'] },
  { name: 'menuConfirmRoles', allowed: ['director'] },
  // A salesperson may turn a schedule on while none is, and off when it is their own.
  { name: 'menuScheduleOn', allowed: WORK },
  { name: 'menuScheduleOff', allowed: WORK },
  {
    name: 'reassignClients',
    args: (wb) => ['张伟', 'Amy', 'moves north', ownedBy(wb, '张伟')],
    allowed: ['manager', 'director'],
  },
];

test('every exposure that checks a role has a row here', () => {
  const gated = Object.entries(EXPOSURES)
    .filter(([, e]) => e.permission !== null)
    .map(([name]) => name)
    .sort();
  expect(ROWS.map((r) => r.name).sort()).toEqual(gated);
});

const PEOPLE: Record<string, string> = {
  salesperson: ZHANG,
  manager: LINA,
  director: WANG,
  outsider: OUTSIDER,
  blank: '',
};

describe.each(Object.keys(PEOPLE))('as %s', (who) => {
  const wb = teamWorkbook();
  test.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(refused(wb, row.name, row.args?.(wb) ?? [], PEOPLE[who])).toBe(!row.allowed.includes(who));
  });
});

describe('run now and hand over all while a schedule is on', () => {
  const wb = teamWorkbook();
  wb.menu('menuScheduleOn', WANG);

  test('a salesperson may not run it now or turn it on again; a manager may', () => {
    expect(refused(wb, 'menuScheduleRunNow', [], ZHANG)).toBe(true);
    expect(refused(wb, 'runDaily', [], ZHANG)).toBe(true);
    expect(refused(wb, 'menuScheduleRunNow', [], LINA)).toBe(false);
  });

  test('a forged event naming the recorded trigger is not the schedule: as a salesperson it is refused', () => {
    const id = ourTriggers(wb)[0].id;
    expect(refused(wb, 'runDaily', [{ triggerUid: id }], ZHANG)).toBe(true);
    expect(ourTriggers(wb)).toHaveLength(1);
  });

  test('a manager hands over all of her team member’s clients only with the count she confirmed', () => {
    const count = wb.client('countClientsOf', ['张伟'], LINA) as { count: number };
    expect(count.count).toBe(2);
    const wrong = wb.client('reassignClients', ['张伟', 'Amy', '张伟 left', 5], LINA) as {
      ok: boolean;
      problems: { text: string }[];
    };
    expect(wrong.ok).toBe(false);
    expect(wrong.problems.map((p) => p.text)).toEqual([
      '张伟 now owns 2 clients, not the 5 you confirmed. Nothing was handed over; look at the count again and confirm.',
    ]);
    const done = wb.client('reassignClients', ['张伟', 'Amy', '张伟 left', 2], LINA) as { ok: boolean };
    expect(done.ok).toBe(true);
  });
});

describe('the confirmed roles, not the Team tab as typed', () => {
  test('a salesperson who types himself director still may not hand over all, and is told it waits for a director', () => {
    const wb = teamWorkbook();
    const team = wb.sheet('Team');
    const row = team.values.findIndex((r) => r[1] === ZHANG);
    team.values[row][2] = 'Director';
    let message = '';
    try {
      wb.client('countClientsOf', ['Amy'], ZHANG);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(t('en', 'roles.refused.waiting'));
  });
});

describe('one rule for the same person, through the built bundle', () => {
  test('salesperson "Lina" does not get manager "Li Na"’s client in her daily email', () => {
    const wb = teamWorkbook({
      team: [
        {
          Name: 'Lina',
          Email: 'lina2@example.com',
          Role: 'Salesperson',
          Manager: 'Boss',
          Active: 'Yes',
          Digest: 'Yes',
        },
        { Name: 'Li Na', Email: LINA, Role: 'Manager', Manager: 'Boss', Active: 'Yes', Digest: 'Yes' },
        { Name: 'Boss', Email: WANG, Role: 'Director', Active: 'Yes', Digest: 'No' },
      ],
      clients: [
        { ID: 'C-S', Name: 'LiNa Secret Deal', Owner: 'Li Na', 'Next follow-up': '2026-03-01' },
        { ID: 'C-L', Name: 'Lina Own Deal', Owner: 'Lina', 'Next follow-up': '2026-03-01' },
      ],
    });
    wb.env.spreadsheet.editors.push('lina2@example.com');
    wb.client('runDaily', [], WANG);
    const sent = mailState(wb.env).sent;
    const linaMail = sent.filter((m) => m.to.includes('lina2@example.com')).map((m) => `${m.subject} ${m.body}`);
    const liNaMail = sent.filter((m) => m.to.includes(LINA)).map((m) => `${m.subject} ${m.body}`);
    expect(linaMail.join(' ')).toContain('Lina Own Deal');
    expect(linaMail.join(' ')).not.toContain('LiNa Secret Deal');
    expect(liNaMail.join(' ')).toContain('LiNa Secret Deal');
  });

  test('a client the pool released from "alice" cannot be handed to "Alice" before the reclaim wait', () => {
    const wb = teamWorkbook({
      team: [
        { Name: 'Alice', Email: ZHANG, Role: 'Salesperson', Manager: 'Boss', Active: 'Yes' },
        { Name: 'Boss', Email: WANG, Role: 'Director', Active: 'Yes' },
      ],
      clients: [{ ID: 'C-P', Name: 'Pooled', Owner: '' }],
    });
    addRows(wb, 'Changes', [
      { ID: 'X-1', Date: day(wb, '2026-03-01'), 'Client ID': 'C-P', What: 'Released to pool', Old: 'alice', New: '' },
    ]);
    const handed = wb.client('reassignClient', ['C-P', 'Alice', 'back to her'], WANG) as {
      ok: boolean;
      problems: { text: string }[];
    };
    expect(handed.ok).toBe(false);
    expect(handed.problems.map((p) => p.text)).toEqual([
      'Alice lost this client to the pool on 2026-03-01; it can go back to them from 2026-03-08.',
    ]);
    const claimed = wb.client('claimClient', ['C-P'], ZHANG) as { ok: boolean };
    expect(claimed.ok).toBe(false);
  });
});
