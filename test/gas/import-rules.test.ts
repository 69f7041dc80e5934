/**
 * Create-and-update of the fields the rules read (docs/import.md "Updating clients already in the
 * register"): Stage, the grade facts, expected date, grade override, deal value, satisfaction, expiry.
 * Proofs by comparing two paths: the same values typed into the Clients cells (onEdit through the
 * emulator) and imported end with the same Clients row and the same moves on Changes (but for By
 * and the stage move's Reason, and the import's own "Details changed" rows); Won imported
 * counts as won; Undo import gives Clients back; a batch stopped and continued records a move once;
 * equal values change nothing.
 */
import {
  type Cell,
  putListTab,
  registerWorkbook,
  stopAfterWrite,
  continueUntilDone,
  countWrites,
  type BatchResult,
  batchOf,
  previewListTab,
  runListTab,
  threeTabs,
} from './import-fixture';
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, day, editCells, rowsOf, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

function workbook(): TestWorkbook {
  return registerWorkbook((wb): Row[] => [
    {
      ID: 'KH-0001',
      Name: 'Acme',
      Owner: '张伟',
      Phone: '138 0000 1111',
      Stage: 'B2 · Proposal & site visit',
      'Need confirmed': 'Yes',
      'Budget confirmed': 'No',
      'Decision maker': 'Yes',
      'Expected date': day(wb, '2026-03-20'),
    },
    { ID: 'KH-0002', Name: 'Beta Co', Owner: 'Amy', Phone: '139 0000 2222' },
  ]);
}

const acme = (updates: Record<string, unknown>) => ({
  line: 2,
  fields: null,
  clientId: 'KH-0001',
  updates,
  contacts: [],
});
const importUpdates = (wb: TestWorkbook, clients: unknown[], user = ZHANG) =>
  wb.client('importBatch', [{ batch: '', clients }], user) as BatchResult;
/** The Changes rows since `from`, as Client ID, What, Old, New. */
const movesSince = (wb: TestWorkbook, from: number) =>
  rowsOf(wb, 'Changes')
    .slice(from)
    .map((c) => [c['Client ID'], c.What, c.Old, c.New]);

describe('an update import of the fields the rules read ends as the same values typed into Clients do', () => {
  test('Won imported (by an alias) and Won typed: the same row, one stage move each, counted as won', () => {
    const typed = workbook();
    const imported = workbook();
    const fromT = rowsOf(typed, 'Changes').length;
    const fromI = rowsOf(imported, 'Changes').length;
    editCells(typed, 'Clients', 2, 'Stage', [['Won']]);
    const r = importUpdates(imported, [acme({ stage: '签单' })]);
    expect(r).toMatchObject({ ok: true });

    // Cell for cell, Stage set included: each path records the move at its own moment, and the
    // emulated clock stands still between them.
    expect(rowsOf(imported, 'Clients')).toEqual(rowsOf(typed, 'Clients'));
    expect(rowsOf(imported, 'Clients')[0]).toMatchObject({ Stage: 'Won', Status: 'Won', 'Stage recorded': 'Won' });
    expect(rowsOf(imported, 'Clients')[0]['Stage set']).toBeInstanceOf(Date);
    expect(movesSince(imported, fromI)).toEqual(movesSince(typed, fromT));
    expect(movesSince(imported, fromI)).toEqual([['KH-0001', 'Stage change', 'B2', 'won']].map(shownMove(imported)));
    const row = rowsOf(imported, 'Changes')[fromI];
    expect([row.By, row.Reason]).toEqual(['张伟', `Stage updated by import (batch ${batchOf(r)}).`]);
    // Counted as won where wins are counted: the Changes rows of moves to Won.
    const won = (wb: TestWorkbook) => rowsOf(wb, 'Changes').filter((c) => c.What === 'Stage change' && c.New === 'Won');
    expect(won(imported)).toHaveLength(1);
    expect(won(typed)).toHaveLength(1);
  });

  test('a first stage imported as Won counts as won, as typed: one Changes row', () => {
    const typed = workbook();
    const imported = workbook();
    const fromT = rowsOf(typed, 'Changes').length;
    const fromI = rowsOf(imported, 'Changes').length;
    editCells(typed, 'Clients', 3, 'Stage', [['Won']]);
    const beta = { line: 3, fields: null, clientId: 'KH-0002', updates: { stage: '成交入会' }, contacts: [] };
    expect(importUpdates(imported, [beta], AMY)).toMatchObject({ ok: true });
    expect(rowsOf(imported, 'Clients')).toEqual(rowsOf(typed, 'Clients'));
    expect(movesSince(imported, fromI)).toEqual(movesSince(typed, fromT));
    expect(movesSince(imported, fromI)).toEqual([['KH-0002', 'Stage change', '', 'Won']]);
  });

  test('a grade fact changing the grade logs one grade move, as typing it does', () => {
    const typed = workbook();
    const imported = workbook();
    const fromT = rowsOf(typed, 'Changes').length;
    const fromI = rowsOf(imported, 'Changes').length;
    expect(rowsOf(typed, 'Clients')[0].Grade).toBe('B');
    editCells(typed, 'Clients', 2, 'Budget confirmed', [['Yes']]);
    expect(importUpdates(imported, [acme({ budgetConfirmed: '是' })])).toMatchObject({ ok: true });

    // Typed, the row keeps its Stage set; the grade fact is not a stage move.
    expect(rowsOf(imported, 'Clients')).toEqual(rowsOf(typed, 'Clients'));
    expect(rowsOf(imported, 'Clients')[0].Grade).toBe('A');
    const grades = (wb: TestWorkbook, from: number) => movesSince(wb, from).filter((c) => c[1] === 'Grade change');
    expect(grades(imported, fromI)).toEqual(grades(typed, fromT));
    expect(grades(imported, fromI)).toEqual([['KH-0001', 'Grade change', 'B', 'A']]);
    // The import's own record of the field, as for every field it changes.
    expect(movesSince(imported, fromI).filter((c) => c[1] === 'Details changed')).toEqual([
      ['KH-0001', 'Details changed', 'No', 'Yes'],
    ]);
  });

  test('the list’s values first, then its history: a contact dated before the import does not undo the list’s stage', () => {
    const wb = workbook();
    const contact = {
      line: 2,
      date: '2026-02-26',
      channel: 'phone',
      outcome: 'reached',
      summary: 'Talked terms',
      stageAfter: 'B3',
    };
    expect(importUpdates(wb, [{ ...acme({ stage: 'won' }), contacts: [contact] }])).toMatchObject({ ok: true });
    expect(rowsOf(wb, 'Clients')[0]).toMatchObject({ Stage: 'Won', Status: 'Won' });
    // Without a stage in the list, the same contact moves the stage, as Log contact would.
    const alone = workbook();
    expect(importUpdates(alone, [{ ...acme({}), contacts: [contact] }])).toMatchObject({ ok: true });
    expect(rowsOf(alone, 'Clients')[0].Stage).toBe('B3 · Negotiation');
  });

  test('values equal after the validation’s reading, and empty ones, change nothing', () => {
    const wb = workbook();
    const before = wb.values('Clients');
    const changes = wb.values('Changes').length;
    const same = {
      stage: 'B2',
      needConfirmed: '是',
      budgetConfirmed: '否',
      expectedDate: '2026年3月20日',
      dealValue: '',
    };
    expect(importUpdates(wb, [acme(same)])).toMatchObject({ ok: true });
    expect(wb.values('Clients')).toEqual(before);
    expect(wb.values('Changes').length).toBe(changes);
  });

  test('a bad stage refuses the row with the sidebar’s sentence, nothing written', () => {
    const wb = workbook();
    const before = wb.values('Clients');
    const r = importUpdates(wb, [acme({ stage: 'Z9' })]);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.text).toMatch(/^Row 2 was refused, so nothing of this batch was written: “Stage”: “Z9”/);
    expect(wb.values('Clients')).toEqual(before);
  });

  test('Undo import gives the cells and the derived ones back, and logs the moves back and itself', () => {
    const wb = workbook();
    const before = JSON.stringify(wb.values('Clients'));
    const r = importUpdates(wb, [acme({ stage: 'won', budgetConfirmed: true, dealValue: 120000 })]);
    expect(rowsOf(wb, 'Clients')[0]).toMatchObject({ Stage: 'Won', Status: 'Won', 'Deal value': 120000 });
    const changes = rowsOf(wb, 'Changes').length;
    expect(wb.client('undoImport', [batchOf(r)], ZHANG)).toMatchObject({ ok: true });
    expect(JSON.stringify(wb.values('Clients'))).toBe(before);
    // The moves back are moves too (one Changes row each, by who undid it), then the undo's own row.
    const undone = `Stage put back by undoing import ${batchOf(r)}.`;
    expect(
      rowsOf(wb, 'Changes')
        .slice(changes)
        .map((c) => [c.What, c.Old, c.New, c.By, c.Reason]),
    ).toEqual([
      ['Stage change', 'Won', 'B2 · Proposal & site visit', '张伟', undone],
      ['Grade change', 'A', 'B', '张伟', `Grade put back by undoing import ${batchOf(r)}.`],
      [
        'Import undone',
        batchOf(r),
        '',
        '张伟',
        `Import ${batchOf(r)} undone: the fields it changed are restored and its 0 contacts removed.`,
      ],
    ]);
  });
});

describe('the rules run on the rows the import already read', () => {
  test('a batch of stage moves reads no more than one: the recompute reads nothing, each row writes its cells', () => {
    const cost = (n: number, updates: Record<string, unknown>) => {
      const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
      addRows(wb, 'Team', TEAM);
      addRows(
        wb,
        'Clients',
        Array.from({ length: 40 }, (_, i) => ({
          ID: `P-${i}`,
          Name: `Client ${i}`,
          Owner: '张伟',
          Phone: `136 0000 ${1000 + i}`,
          Stage: 'B2 · Proposal & site visit',
        })),
      );
      wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
      confirmTeamRoles(wb);
      wb.menu('menuRefresh', WANG);
      const calls = wb.env.counters.spreadsheetCalls();
      const reads = wb.env.counters.total('Range.getValues');
      const clients = Array.from({ length: n }, (_, i) => ({
        line: i + 2,
        fields: null,
        clientId: `P-${i}`,
        updates,
        contacts: [],
      }));
      expect(importUpdates(wb, clients)).toMatchObject({ ok: true });
      const moves = rowsOf(wb, 'Changes').filter((c) => c.What === 'Stage change' && c.New === 'Won').length;
      return {
        calls: wb.env.counters.spreadsheetCalls() - calls,
        reads: wb.env.counters.total('Range.getValues') - reads,
        moves,
      };
    };
    const plain = cost(40, { notes: 'imported' });
    const one = cost(1, { stage: 'won' });
    const forty = cost(40, { stage: 'won' });
    console.log(
      `importBatch: 40 plain-field updates ${JSON.stringify(plain)}; 1 stage move ${JSON.stringify(one)}; 40 stage moves ${JSON.stringify(forty)}`,
    );
    expect([one.moves, forty.moves]).toEqual([1, 40]);
    expect(forty.reads).toBe(one.reads);
    expect(forty.reads).toBe(plain.reads);
    // What grows is each client's changed cells (Stage, Status, Stage recorded, Stage set…: a getRange
    // and a setValues per run of neighbouring columns).
    expect(forty.calls - one.calls).toBeLessThanOrEqual(39 * 2 * 5);
  });
});

function tabWorkbook(list: Cell[][]): TestWorkbook {
  const wb = workbook();
  putListTab(wb, list);
  return wb;
}

describe('Import from a tab…, create-and-update of the stage', () => {
  test('the preview lists the stage with the field changes and counts the moves; a stopped batch, continued, records each move once', () => {
    const rows: Cell[][] = [
      ['客户名称', '联系电话', '负责人', '阶段', '预算', '最近跟进', '联系情况', '跟进内容'],
      ['腾讯科技', '010-6552-1234', 'Amy', '', '', '2026年2月20日', '无人接听', ''],
      ['远山物业', '021-5555-0000', 'Amy', '', '', '', '', ''],
      ['Acme', '', '张伟', '签单', '是', '2026年2月26日', '已联系上', '老客户回访'],
    ];
    const preview = previewListTab;
    const go = (wb: TestWorkbook, batch: string) => runListTab(wb, batch, 2);
    const everything = threeTabs;

    const straight = tabWorkbook(rows);
    const shown = preview(straight);
    expect(shown.lines).toContain(
      'Clients already in the register whose details change: 1 (Stage: 1, Budget confirmed: 1).',
    );
    expect(shown.lines).toContain('  Row 4: Acme (KH-0001), Stage: “B2 · Proposal & site visit” → “Won”');
    expect(shown.lines).toContain('  Row 4: Acme (KH-0001), Budget confirmed: “No” → “Yes”');
    expect(shown.lines.some((l) => l.startsWith('Of these, clients whose stage moves: 1 '))).toBe(true);
    const first = go(straight, '');
    const { value: rest, writes } = countWrites(straight, () => go(straight, batchOf(first)));
    expect(rest).toMatchObject({ ok: true, done: 3, total: 3 });
    // The list's stage wins over its history's: the contact is dated before the import set it.
    expect(rowsOf(straight, 'Clients')[0]).toMatchObject({ Stage: 'Won', Status: 'Won', Grade: 'A' });
    const wins = rowsOf(straight, 'Changes').filter((c) => c.What === 'Stage change' && c['Client ID'] === 'KH-0001');
    // Recorded by the import (the importer, the batch), not left for the contact to find as a typed move.
    expect(wins.map((c) => [c.Old, c.New, c.By, c.Reason])).toEqual([
      ['B2 · Proposal & site visit', 'Won', '王总', `Stage updated by import (batch ${batchOf(first)}).`],
    ]);
    expect(writes).toBeGreaterThan(3);

    for (let k = 1; k <= writes; k++) {
      const wb = tabWorkbook(rows);
      const batch = batchOf(go(wb, ''));
      // The k-th write goes through; the clock then passes the 6-minute limit and the next call throws.
      const stopped = stopAfterWrite(wb, k, () => go(wb, batch));
      continueUntilDone(() => go(wb, batch), 3);
      expect({ k, stopped, ...everything(wb) }).toEqual({ k, stopped, ...everything(straight) });
    }
  });
});

/** A move as the Changes tab shows it: stages by their labels. */
function shownMove(_wb: TestWorkbook) {
  const labels: Record<string, string> = { B2: 'B2 · Proposal & site visit', won: 'Won' };
  return ([id, what, old, now]: string[]) => [id, what, labels[old] ?? old, labels[now] ?? now];
}
