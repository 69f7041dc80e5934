/**
 * A contact dated before the client's stage was last set never changes the stage (docs/rule-path.md,
 * Stage set). Two calls to Acme: Friday's left it in negotiation, Monday's won it. Whichever order the
 * rows are applied in — both seen as typed, Friday's edit lost and caught up by Refresh after Monday's,
 * Friday's pasted where onEdit never ran, both typed in the app where onEdit does not run — Acme ends
 * Won and stays counted as won. A row whose stage could not apply says so, in the row's note, in
 * Refresh's report and in the sidebar.
 */
import type { Assumptions } from '../../src/local/emulator';
import { MAX_COLUMNS } from '../../src/local/emulator/model';
import type { TestWorkbook } from '../helpers/workbook';
import {
  type Row,
  addRows,
  client,
  dayText,
  editCells,
  nextRow,
  pasteRows,
  rowsOf,
  trackerWorkbook,
} from './clients-fixture';
import { TEAM, ZHANG, LINA, WANG, AMY } from './schedule/fixture';
import { confirmTeamRoles } from '../helpers/roles';

const NEGOTIATION = 'B3 · Negotiation';

function workbook(readings?: Assumptions, locale?: string): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z', readings, locale });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme', Owner: '张伟', Stage: 'A2 · First meeting' }]);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  wb.menu('menuRefresh', ZHANG); // a workbook in use: the stage is recorded
  wb.clock.set(Date.parse('2026-03-02T06:00:00Z')); // Monday 14:00 in Shanghai
  return wb;
}

const FRIDAY: Row = {
  Date: '2026-02-27 10:00',
  'Client ID': 'C-1',
  By: '张伟',
  Channel: 'Visit',
  Outcome: 'Reached',
  Summary: 'Walked them through the proposal',
  'Stage after': NEGOTIATION,
};
const MONDAY: Row = { ...FRIDAY, Date: '2026-03-02 10:00', Summary: 'Signed', 'Stage after': 'Won' };

type Path =
  | 'both seen as typed'
  | "Friday's edit lost, caught up after Monday's"
  | "Friday's paste unseen, caught up after Monday's"
  | 'both typed in the app, onEdit silent';

function type(wb: TestWorkbook, row: Row, fire: boolean): void {
  const at = nextRow(wb, 'Contacts');
  for (const [header, value] of Object.entries(row)) editCells(wb, 'Contacts', at, header, [[value]], { fire });
}

/** Friday's row is entered first (it sits above Monday's); the path decides who applies it, and when. */
function week(path: Path): TestWorkbook {
  const wb = workbook(path === 'both typed in the app, onEdit silent' ? { mobileOnEdit: 'silent' } : undefined);
  if (path.startsWith("Friday's paste")) pasteRows(wb, 'Contacts', nextRow(wb, 'Contacts'), [FRIDAY], { fire: false });
  else type(wb, FRIDAY, path === 'both seen as typed');
  type(wb, MONDAY, path !== 'both typed in the app, onEdit silent');
  wb.menu('menuRefresh', ZHANG);
  return wb;
}

const moves = (wb: TestWorkbook) =>
  rowsOf(wb, 'Changes')
    .filter((c) => c.What === 'Stage change' && c['Client ID'] === 'C-1')
    .map((c) => `${String(c.Old)} → ${String(c.New)}`);

const note = (wb: TestWorkbook, row: number): string => wb.sheet('Contacts').notes.get((row - 1) * MAX_COLUMNS) ?? '';

describe('two calls applied in either order end in the same stage', () => {
  const paths: Path[] = [
    'both seen as typed',
    "Friday's edit lost, caught up after Monday's",
    "Friday's paste unseen, caught up after Monday's",
    'both typed in the app, onEdit silent',
  ];
  const books = new Map(paths.map((p) => [p, week(p)]));

  test.each(paths)('%s: Acme is Won, set at Monday’s call', (path) => {
    const wb = books.get(path)!;
    const acme = client(wb, 'Acme');
    expect(acme.Stage).toBe('Won');
    expect(acme['Stage recorded']).toBe('Won');
    expect(dayText(wb, acme['Stage set'])).toBe('2026-03-02');
    expect(dayText(wb, acme['Last contact'])).toBe('2026-03-02');
  });

  test.each(paths)('%s: the last move on Changes is the win, and nothing moves Acme out of Won', (path) => {
    const all = moves(books.get(path)!);
    expect(all.at(-1)).toMatch(/→ Won$/);
    expect(all.filter((m) => m.startsWith('Won →'))).toEqual([]);
  });

  test.each(paths)('%s: both rows keep the stage typed on them', (path) => {
    const rows = rowsOf(books.get(path)!, 'Contacts');
    expect(rows.map((r) => r['Stage after'])).toEqual([NEGOTIATION, 'Won']);
    expect(rows.every((r) => String(r.ID).startsWith('K-'))).toBe(true);
  });

  test('applied in date order, both moves are on Changes', () => {
    expect(moves(books.get('both seen as typed')!)).toEqual([
      `A2 · First meeting → ${NEGOTIATION}`,
      `${NEGOTIATION} → Won`,
    ]);
  });

  test("caught up late, Friday's row is applied (its call counts) but its stage is not, and Refresh says why", () => {
    const wb = books.get("Friday's edit lost, caught up after Monday's")!;
    expect(moves(wb)).toEqual(['A2 · First meeting → Won']);
    expect(wb.alerts().at(-1)).toContain(
      `Stage after (${NEGOTIATION}) was not applied: the client's stage was set later (Won, 2026-03-02).`,
    );
  });
});

describe('a row typed later but dated earlier', () => {
  test("onEdit leaves the later stage and the row's note says why; a later call still moves the stage", () => {
    const wb = workbook();
    type(wb, MONDAY, true);
    type(wb, FRIDAY, true);
    expect(client(wb, 'Acme').Stage).toBe('Won');
    expect(note(wb, 3)).toContain(`Stage after (${NEGOTIATION}) was not applied`);
    expect(note(wb, 2)).toBe('');
    // Not a rule that a stage never goes back: a call after the win that reopens talks moves it.
    type(wb, { ...FRIDAY, Date: '2026-03-02 11:30', Summary: 'They want to renegotiate' }, true);
    expect(client(wb, 'Acme').Stage).toBe(NEGOTIATION);
    expect(moves(wb)).toEqual(['A2 · First meeting → Won', `Won → ${NEGOTIATION}`]);
  });

  test('in a Chinese workbook the note is in Chinese', () => {
    const wb = trackerWorkbook({ now: '2026-03-02T06:00:00Z', locale: 'zh_CN' });
    addRows(wb, '客户', [{ 编号: 'C-1', 客户名称: 'Acme', 负责人: '张伟', 阶段: 'A2 · 初次会谈' }]);
    wb.menu('menuRefresh');
    const zh = (row: Row, stage: string): Row => ({
      日期: row.Date,
      客户编号: 'C-1',
      跟进人: '张伟',
      联系情况: '已联系上',
      跟进后阶段: stage,
    });
    for (const row of [zh(MONDAY, '成交'), zh(FRIDAY, 'B3 · 商务谈判')]) {
      const at = nextRow(wb, '跟进记录');
      for (const [header, value] of Object.entries(row)) editCells(wb, '跟进记录', at, header, [[value]]);
    }
    expect(rowsOf(wb, '客户').find((r) => r['客户名称'] === 'Acme')!['阶段']).toBe('成交');
    expect(wb.sheet('跟进记录').notes.get(2 * MAX_COLUMNS)).toContain(
      '这条跟进已记录，但其中的阶段“B3 · 商务谈判”没有生效：这个客户的阶段在这之后又改过（成交，2026-03-02）。',
    );
  });

  test('the sidebar saves a backdated call, keeps the stage and says so', () => {
    const wb = workbook();
    type(wb, MONDAY, true);
    const done = wb.client(
      'logContact',
      [
        {
          clientId: 'C-1',
          date: '2026-02-27T02:00:00.000Z',
          channel: 'Visit',
          outcome: 'Reached',
          summary: 'Walked them through the proposal',
          stage: NEGOTIATION,
        },
      ],
      ZHANG,
    ) as { ok: boolean; notices: { text: string }[] };
    expect(done.ok).toBe(true);
    expect(done.notices.map((n) => n.text)).toContain(
      `Logged. This contact is dated before the client's stage was last set, so the stage stays Won, not ${NEGOTIATION}.`,
    );
    expect(client(wb, 'Acme').Stage).toBe('Won');
    expect(rowsOf(wb, 'Contacts').at(-1)!['Stage after']).toBe(NEGOTIATION);
  });
});

describe('Stage after changed on a row already applied', () => {
  /** Monday's win is logged; then someone changes that row's Stage after to Lost. */
  function edited(seen: boolean, readings?: Assumptions): TestWorkbook {
    const wb = workbook(readings);
    type(wb, MONDAY, true);
    editCells(wb, 'Contacts', 2, 'Stage after', [['Lost']], { fire: seen });
    wb.menu('menuRefresh', ZHANG);
    return wb;
  }
  const ways: [string, () => TestWorkbook][] = [
    ['seen as typed', () => edited(true)],
    ['edit lost, found by Refresh', () => edited(false)],
    ['edited in the app, onEdit silent', () => edited(false, { mobileOnEdit: 'silent' })],
  ];

  test.each(ways)('%s: Acme is Lost, one move from Won, dated at the row', (_, make) => {
    const wb = make();
    expect(client(wb, 'Acme').Stage).toBe('Lost');
    expect(moves(wb)).toEqual(['A2 · First meeting → Won', 'Won → Lost']);
    const last = rowsOf(wb, 'Changes')
      .filter((c) => c.What === 'Stage change')
      .at(-1)!;
    expect(dayText(wb, last.Date)).toBe('2026-03-02');
    expect(last.By).toBe('张伟');
  });

  test('a second Refresh records nothing more', () => {
    const wb = edited(false);
    const before = rowsOf(wb, 'Changes').length;
    wb.menu('menuRefresh', ZHANG);
    expect(rowsOf(wb, 'Changes')).toHaveLength(before);
  });

  test('a Stage changed on the client since is not undone by the older row', () => {
    const wb = workbook();
    type(wb, MONDAY, true);
    wb.clock.set(Date.parse('2026-03-02T07:00:00Z'));
    editCells(wb, 'Clients', 2, 'Stage', [[NEGOTIATION]]);
    wb.menu('menuRefresh', ZHANG);
    expect(client(wb, 'Acme').Stage).toBe(NEGOTIATION);
    expect(moves(wb)).toEqual(['A2 · First meeting → Won', `Won → ${NEGOTIATION}`]);
  });

  test('an older row whose stage a later one outranks moves nothing when edited', () => {
    const wb = workbook();
    type(wb, MONDAY, true);
    type(wb, FRIDAY, true);
    editCells(wb, 'Contacts', 3, 'Stage after', [['Lost']], { fire: false });
    wb.menu('menuRefresh', ZHANG);
    expect(client(wb, 'Acme').Stage).toBe('Won');
    expect(moves(wb)).toEqual(['A2 · First meeting → Won']);
  });
});

describe('Next follow-up changed on a row already applied', () => {
  const PLANNED: Row = {
    ...MONDAY,
    'Stage after': '',
    'Next follow-up': '2026-03-09',
    'Next topic': 'send the contract',
  };
  function moved(seen: boolean, readings?: Assumptions): TestWorkbook {
    const wb = workbook(readings);
    type(wb, PLANNED, true);
    editCells(wb, 'Contacts', 2, 'Next follow-up', [['2026-03-12']], { fire: seen });
    editCells(wb, 'Contacts', 2, 'Next topic', [['bring the signed contract']], { fire: seen });
    wb.menu('menuRefresh', ZHANG);
    return wb;
  }
  const plan = (wb: TestWorkbook) => {
    const acme = client(wb, 'Acme');
    return [dayText(wb, acme['Next follow-up']), acme['Next topic'], acme['Next owner'], String(acme['Next step set'])];
  };
  const seen = plan(moved(true));

  test('seen as typed, the client follows the row', () => {
    expect(seen.slice(0, 3)).toEqual(['2026-03-12', 'bring the signed contract', '张伟']);
  });
  test.each([
    ['edit lost, found by Refresh', () => moved(false)],
    ['edited in the app, onEdit silent', () => moved(false, { mobileOnEdit: 'silent' })],
  ] as [string, () => TestWorkbook][])('%s: the same next step as when seen', (_, make) => {
    expect(plan(make())).toEqual(seen);
  });

  test('a plan typed on the client since, or a new next owner, is not undone by the older row', () => {
    const wb = workbook();
    type(wb, PLANNED, true);
    wb.clock.set(Date.parse('2026-03-02T07:00:00Z'));
    editCells(wb, 'Clients', 2, 'Next follow-up', [['2026-03-20']]);
    editCells(wb, 'Clients', 2, 'Next owner', [['Amy']]);
    wb.menu('menuRefresh', ZHANG);
    const acme = client(wb, 'Acme');
    expect(dayText(wb, acme['Next follow-up'])).toBe('2026-03-20');
    expect(acme['Next owner']).toBe('Amy');
  });
});
