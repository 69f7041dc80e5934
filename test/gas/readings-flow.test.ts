/**
 * One working day end to end — setup, a client added and a contact logged in the sidebar, a Stage
 * typed into the sheet, Refresh, All reports, the daily run — under every reading of Google's
 * undocumented behaviour (test/helpers/readings.ts): the register, the report tabs and the emails
 * must be the same whichever way Google goes.
 */
import { run } from '../../src/local/runner';
import { reading } from '../../src/local/emulator';
import { mailState } from '../../src/local/emulator/services';
import { bundle } from '../helpers/bundle';
import { disagreements, underEachReading, type ReadingCase } from '../helpers/readings';
import type { TestWorkbook } from '../helpers/workbook';
import { addRows, asEditor, headerIndex, trackerWorkbook } from './clients-fixture';
import { AMY, CLIENTS, LINA, TEAM, WANG, ZHANG, fireTrigger } from './schedule/fixture';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** A person types one cell; onEdit runs unless the reading says the (mobile) app does not fire it. */
function typeCell(wb: TestWorkbook, tab: string, row: number, header: string, value: string): void {
  const col = headerIndex(wb, tab, header) + 1;
  const old = wb.sheet(tab).values[row - 1]?.[col - 1] ?? '';
  asEditor(wb, (ss) => ss.getSheetByName(tab)!.getRange(row, col).setValue(value));
  if (reading(wb.env, 'mobileOnEdit') === 'silent') return;
  run(bundle(), wb.env, { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '' }, 'onEdit', (_e, g) => {
    const ss = (g.SpreadsheetApp as SpreadsheetApp).getActiveSpreadsheet();
    const event: Record<string, unknown> = {
      authMode: 'LIMITED',
      range: ss.getSheetByName(tab)!.getRange(row, col),
      source: ss,
      user: { getEmail: () => '' },
      value: String(wb.sheet(tab).values[row - 1][col - 1]),
    };
    if (old !== '') event.oldValue = String(old);
    return [event];
  });
}

interface Outcome {
  register: unknown[][];
  /** The Changes tab apart from who and when. */
  changes: unknown[][];
  reports: Record<string, unknown[][]>;
  mail: Array<{ to: string[]; subject: string; body: string }>;
}

function workingDay(c: ReadingCase): Outcome {
  const wb = trackerWorkbook({ now: '2026-03-02T00:30:00Z', mode: c.mode, readings: c.readings });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', CLIENTS);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, 'quiet@example.com');
  wb.env.spreadsheet.viewers.push(AMY);
  // A workbook in use: Refresh has run once since the rows were entered.
  wb.menu('menuRefresh');
  const added = wb.client('addClient', [{ name: '广州某公司', phone: '02087654321', contact: "O'Brien" }]) as {
    ok: boolean;
  };
  if (!added.ok) throw new Error(`addClient refused: ${JSON.stringify(added)}`);
  const logged = wb.client('logContact', [
    { clientId: 'C-2', channel: 'Phone', outcome: 'Reached', summary: "'=quoted' and 0138 0013 8000" },
  ]) as { ok: boolean };
  if (!logged.ok) throw new Error(`logContact refused: ${JSON.stringify(logged)}`);
  typeCell(wb, 'Clients', 4, 'Stage', 'B2');
  // Epsilon (B3) is won, typed on a phone: onEdit may never see it.
  typeCell(wb, 'Clients', 6, 'Stage', 'Won');
  wb.menu('menuRefresh');
  wb.menu('menuReportsAll');
  fireTrigger(wb);
  const tables = ['Clients', 'Contacts', 'Team', 'Settings'];
  return {
    register: wb.values('Clients'),
    changes: wb.values('Changes').map((r) => r.filter((_, i) => ![0, 1, 6].includes(i))),
    reports: Object.fromEntries(
      wb
        .sheetNames()
        .filter((n) => !tables.includes(n))
        .map((n) => [n, wb.values(n)]),
    ),
    mail: mailState(wb.env).sent.map((m) => ({ to: m.to, subject: m.subject, body: m.body })),
  };
}

describe('a working day under every reading of Google’s undocumented behaviour', () => {
  // The daily run without its document (scheduledRunDocument=missing) cannot send anything: its
  // outcome is a recorded failure (src/gas/schedule/no-document.ts), not these emails.
  const { cases, outcomes } = underEachReading(workingDay, { skip: ['scheduledRunDocument'] });

  test('the flow ran under the emulator’s answers, each mode, each reading flipped alone and all unkind together', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    const baseline = outcomes.values().next().value as Outcome;
    expect(baseline.mail.length).toBeGreaterThan(0);
    expect(Object.keys(baseline.reports).length).toBeGreaterThan(3);
  });

  test('the register, the report tabs and the emails are the same under every reading', () => {
    expect(disagreements(outcomes).map(([label]) => label)).toEqual([]);
  });

  test('the Stage typed in the sheet is one move on Changes under every reading, and counts as won', () => {
    for (const outcome of outcomes.values()) {
      const moves = outcome.changes.filter((r) => r[1] === 'Stage change');
      expect(moves.filter((r) => r[0] === 'C-5')).toEqual([
        [
          'C-5',
          'Stage change',
          'B3 · Negotiation',
          'Won',
          'Stage changed in the sheet itself (typed, pasted or by a script).',
        ],
      ]);
    }
    const baseline = outcomes.values().next().value as Outcome;
    const monthly = baseline.reports['Report · Monthly'];
    const head = monthly.find((r) => r[0] === 'Person')!;
    const wang = monthly.find((r) => r[0] === '王总')!;
    expect(wang[head.indexOf('Won')]).toBe(1);
  });

  test('what was typed reads back exactly: the phone keeps its 0, the apostrophe and "=" stay text', () => {
    const baseline = outcomes.values().next().value as Outcome;
    const [head, ...rows] = baseline.register;
    const added = rows.find((r) => r[head.indexOf('Name')] === '广州某公司')!;
    expect(added[head.indexOf('Phone')]).toBe('02087654321');
    expect(added[head.indexOf('Contact')]).toBe("O'Brien");
  });
});
