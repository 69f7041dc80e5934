/**
 * The mail a next step handed to a colleague for today calls for (docs/rule-path.md, "Mail a typed row
 * calls for"), when the contact comes in by an import (docs/import.md). Proof by comparing the doors:
 * the same contact logged in the sidebar, typed into Contacts, and imported from a tab ends with Li Na
 * told exactly once; a step due tomorrow, or handed to the person who made the contact, mails nobody;
 * a batch continued, or stopped in the middle of its writes and continued, mails nobody twice.
 */
import { putListTab, stopAfterWrite, continueUntilDone, countWrites } from './import-fixture';
import { mailState } from '../../src/local/emulator/services';
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, editCells, nextRow, rowsOf, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

const DAY = '2026-03-02';
const TOMORROW = '2026-03-03';
const CLIENTS: Row[] = [
  {
    ID: 'C-1',
    Name: 'Acme',
    Owner: '张伟',
    'Next follow-up': '2026-03-09',
    Contact: '王经理',
    Phone: '0138 0013 8000',
  },
  { ID: 'C-2', Name: 'Beta', Owner: 'Amy', 'Next follow-up': '2026-03-09' },
];

function workbook(team: Row[] = TEAM): TestWorkbook {
  const wb = trackerWorkbook({ now: `${DAY}T01:00:00Z` });
  addRows(wb, 'Team', team);
  addRows(wb, 'Clients', CLIENTS);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  wb.clock.set(Date.parse(`${DAY}T02:00:00Z`)); // 10:00 in Shanghai
  return wb;
}

/** 王总 met Acme today and hands today's follow-up to Li Na. */
interface Step {
  by: string;
  due: string;
  owner: string;
}
const LI_NA_TODAY: Step = { by: '王总', due: DAY, owner: 'Li Na' };

const HEAD = ['Name', 'Date', 'By', 'Channel', 'Outcome', 'Summary', 'Next follow-up', 'Next owner', 'Next topic'];
function listRow(name: string, step: Step): string[] {
  return [name, DAY, step.by, 'Visit', 'Reached', 'Wants a quote today', step.due, step.owner, 'send the quote'];
}

/** The list as Sheets' File ▸ Import leaves it with "Convert text…" unticked: every cell text. */
function putList(wb: TestWorkbook, rows: string[][]): void {
  putListTab(wb, [HEAD, ...rows], 'all');
}

type Run =
  { ok: true; batch: string; done: number; total: number; text: string; mail: string[] } | { ok: false; text: string };
const run = (wb: TestWorkbook, batch = '', size?: number) =>
  wb.client('importRun', [{ tab: '名单', update: true, batch, ...(size ? { size } : {}) }], WANG) as Run;

const mailsAboutAcme = (wb: TestWorkbook) =>
  mailState(wb.env)
    .sent.filter((m) => /follow up Acme|请跟进 Acme/.test(m.subject))
    .map((m) => ({ to: [m.to].flat().join(','), subject: m.subject, body: m.body }));

type Door = 'sidebar' | 'typed' | 'imported';

/** The contact entered through one door, then whatever that door's user does next (a Refresh, for a typed row). */
function enter(door: Door, step: Step = LI_NA_TODAY, team?: Row[]): { wb: TestWorkbook; said: string[] } {
  const wb = workbook(team);
  if (door === 'sidebar') {
    const done = wb.client(
      'logContact',
      [
        {
          clientId: 'C-1',
          date: `${DAY}T01:15:00.000Z`,
          channel: 'Visit',
          outcome: 'Reached',
          summary: 'Wants a quote today',
          nextFollowUp: step.due,
          nextOwner: step.owner,
          nextTopic: 'send the quote',
        },
      ],
      // The sidebar's By is whoever is signed in: the person who made the contact logs it.
      { 王总: WANG, 'Li Na': LINA }[step.by] ?? WANG,
    ) as { ok: boolean; notices: { text: string }[] };
    expect(done.ok).toBe(true);
    return { wb, said: done.notices.map((n) => n.text) };
  }
  if (door === 'typed') {
    const at = nextRow(wb, 'Contacts');
    const row: Row = {
      Date: `${DAY} 09:15`,
      'Client ID': 'C-1',
      By: step.by,
      Channel: 'Visit',
      Outcome: 'Reached',
      Summary: 'Wants a quote today',
      'Next follow-up': step.due,
      'Next owner': step.owner,
      'Next topic': 'send the quote',
    };
    for (const [header, value] of Object.entries(row)) editCells(wb, 'Contacts', at, header, [[value]]);
    wb.menu('menuRefresh', ZHANG);
    return { wb, said: [String(wb.alerts().at(-1))] };
  }
  putList(wb, [listRow('Acme', step)]);
  const r = run(wb);
  expect(r).toMatchObject({ ok: true, done: 1, total: 1 });
  return { wb, said: r.ok ? [r.text, ...r.mail] : [] };
}

const DOORS: Door[] = ['sidebar', 'typed', 'imported'];

describe('a next step an imported contact hands to a colleague for today', () => {
  test('sidebar, typed row and import each end with Li Na told exactly once, whom to call included', () => {
    const ends = DOORS.map((door) => {
      const { wb, said } = enter(door);
      // Later runs that may mail find nothing left to send.
      wb.menu('menuRefresh', ZHANG);
      const mails = mailsAboutAcme(wb);
      const client = rowsOf(wb, 'Clients')[0];
      return {
        door,
        said,
        to: mails.map((m) => m.to),
        call: mails.map((m) => /What about: .*\nWho to call: .*\n/.exec(m.body)?.[0]),
        step: [client['Next owner'], client['Next topic']],
        underLock: mailState(wb.env).sentUnderDocumentLock,
        body: mails[0]?.body ?? '',
      };
    });
    for (const end of ends) {
      expect({ door: end.door, to: end.to, call: end.call, step: end.step, underLock: end.underLock }).toEqual({
        door: end.door,
        to: [LINA],
        call: ['What about: send the quote\nWho to call: 王经理 · 0138 0013 8000\n'],
        step: ['Li Na', 'send the quote'],
        underLock: 0,
      });
    }
    const imported = ends[2];
    expect(imported.said).toContain('Emailed Li Na about next steps due today that imported contacts handed to them.');
    expect(imported.body).toContain('王总 has handed you the next step for Acme (C-1), due 2026-03-02.');
    expect(imported.body).toMatch(/came in with a client list imported into the sheet \(batch I-[^)]+\)/);
  });

  test.each(DOORS)('%s: a step due tomorrow, or handed to the one who made the contact, mails nobody', (door) => {
    for (const step of [
      { ...LI_NA_TODAY, due: TOMORROW },
      { ...LI_NA_TODAY, by: 'Li Na' },
    ]) {
      const { wb, said } = enter(door, step);
      wb.menu('menuRefresh', ZHANG);
      expect(mailsAboutAcme(wb)).toEqual([]);
      expect(said.join(' ')).not.toMatch(/Emailed/);
    }
  });

  test('Li Na with no email: the import’s report says nobody was told, and why', () => {
    const team = TEAM.map((m) => (m.Name === 'Li Na' ? { ...m, Email: '' } : m));
    const { wb, said } = enter('imported', LI_NA_TODAY, team);
    expect(mailsAboutAcme(wb)).toEqual([]);
    expect(said).toContain('Li Na has no email on the Team tab, so nobody was told about today’s next step.');
  });

  test('a continued batch, or a re-run of a finished one, mails nobody twice', () => {
    const wb = workbook();
    putList(wb, [listRow('Acme', LI_NA_TODAY), listRow('Beta', { ...LI_NA_TODAY, owner: 'Amy', by: '王总' })]);
    const first = run(wb, '', 1);
    expect(first).toMatchObject({ ok: true, done: 1, total: 2 });
    const batch = first.ok ? first.batch : '';
    expect(mailsAboutAcme(wb).map((m) => m.to)).toEqual([LINA]);
    const second = run(wb, batch, 1);
    expect(second).toMatchObject({ ok: true, done: 2, total: 2 });
    run(wb, batch, 1);
    wb.menu('menuRefresh', ZHANG);
    expect(mailsAboutAcme(wb).map((m) => m.to)).toEqual([LINA]);
    const beta = mailState(wb.env).sent.filter((m) => /follow up Beta/.test(m.subject));
    expect(beta.map((m) => [m.to].flat().join(','))).toEqual([AMY]);
  });

  test('a batch stopped after any of its writes, then continued, mails Li Na once', () => {
    // Acme is the second batch's: the one stopped.
    const list = [listRow('Beta', { ...LI_NA_TODAY, owner: 'Amy' }), listRow('Acme', LI_NA_TODAY)];
    const probe = workbook();
    putList(probe, list);
    const batchOf = (r: Run) => (r.ok ? r.batch : '');
    const probeBatch = batchOf(run(probe, '', 1));
    const { value: rest, writes } = countWrites(probe, () => run(probe, probeBatch, 1));
    expect(rest).toMatchObject({ ok: true, done: 2 });
    expect(writes).toBeGreaterThan(3);
    for (let k = 1; k <= writes; k++) {
      const wb = workbook();
      putList(wb, list);
      const batch = batchOf(run(wb, '', 1));
      // The k-th write goes through; the clock then passes the 6-minute limit and the next call throws.
      const stopped = stopAfterWrite(wb, k, () => run(wb, batch, 1));
      continueUntilDone(() => run(wb, batch, 1), 2);
      wb.menu('menuRefresh', ZHANG);
      expect({ k, stopped, to: mailsAboutAcme(wb).map((m) => m.to) }).toEqual({ k, stopped, to: [LINA] });
    }
  });
});
