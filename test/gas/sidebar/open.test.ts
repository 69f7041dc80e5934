/**
 * Opening the sidebar (issue 6): from the menu, 300 px wide, on the client under the cursor when
 * the cursor is on Clients; and the card with the client's whole history, newest first.
 */
import { setCursor } from '../../../src/local/emulator/spreadsheet/doc';
import { uiState } from '../../../src/local/emulator/services';
import type { ClientCard, SidebarContext } from '../../../src/contract/types';
import { ACME, LI, LI_EMAIL, ZHANG, putRows, sidebarWorkbook } from './fixture';

describe('opening the sidebar', () => {
  test('the menu shows the built Sidebar page, 300 px wide, titled with the add-on name', () => {
    const wb = sidebarWorkbook();
    wb.menu('menuOpenSidebar');
    const shown = uiState(wb.env).shown;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ kind: 'sidebar', title: 'Client Tracker', width: 300 });
    expect(shown[0].content).toContain('<!doctype html>');
  });

  test('the page is sent in the workbook’s language, so its first words before the server answers are too', () => {
    const langOf = (wb: ReturnType<typeof sidebarWorkbook>): string | undefined => {
      wb.menu('menuOpenSidebar');
      return /<html lang="([^"]*)">/.exec(uiState(wb.env).shown[0].content)?.[1];
    };
    expect(langOf(sidebarWorkbook({ locale: 'zh_CN' }))).toBe('zh-CN');
    expect(langOf(sidebarWorkbook())).toBe('en');
  });

  test('with the cursor on a client row, the sidebar opens on that client', () => {
    const wb = sidebarWorkbook();
    setCursor(wb.env.spreadsheet, 'Clients', { row: 2, col: 3, numRows: 1, numCols: 1 });
    wb.menu('menuClientCard');
    const ctx = wb.client('sidebarContext', []) as SidebarContext;
    expect(ctx).toMatchObject({ lang: 'en', me: ZHANG, selectedClientId: ACME, view: 'card', today: '2026-03-02' });
    expect(ctx.team).toEqual([ZHANG, LI, 'Amy']);
    expect(ctx.intervals).toEqual({ A: 3, B: 7, C: 14, D: 30 });
  });

  test("handing over all of a person's clients is offered to a manager, not to a salesperson", () => {
    const wb = sidebarWorkbook();
    expect((wb.client('sidebarContext', []) as SidebarContext).mayHandOverAll).toBe(false);
    expect((wb.client('sidebarContext', [], LI_EMAIL) as SidebarContext).mayHandOverAll).toBe(true);
  });

  test('elsewhere (another tab, the header row) no client is selected', () => {
    const wb = sidebarWorkbook();
    setCursor(wb.env.spreadsheet, 'Clients', { row: 1, col: 1, numRows: 1, numCols: 1 });
    expect((wb.client('sidebarContext', []) as SidebarContext).selectedClientId).toBeNull();
    setCursor(wb.env.spreadsheet, 'Team', { row: 2, col: 1, numRows: 1, numCols: 1 });
    expect((wb.client('sidebarContext', []) as SidebarContext).selectedClientId).toBeNull();
  });
});

describe('the client card', () => {
  test('lists every contact newest first, whatever order the log is in, with attitudes and objections', () => {
    const wb = sidebarWorkbook({ filler: 3 });
    const at = (d: string): Date => new Date(`${d}T10:00:00+08:00`);
    putRows(wb, 'Contacts', [
      {
        ID: 'K-2',
        Date: at('2026-02-10'),
        'Client ID': ACME,
        Outcome: 'Reached',
        Attitude: 'Hesitant',
        Objections: 'price',
        'Stage after': 'A2 · First meeting',
      },
      { ID: 'K-X', Date: at('2026-02-11'), 'Client ID': 'C-F00001', Outcome: 'Busy' },
      { ID: 'K-1', Date: at('2026-01-20'), 'Client ID': ACME, Outcome: 'No answer' },
      {
        ID: 'K-3',
        Date: at('2026-02-25'),
        'Client ID': ACME,
        Outcome: 'Reached',
        Attitude: 'Friendly',
        Summary: 'wants a visit',
      },
    ]);
    const card = wb.client('getClientCard', [ACME]) as ClientCard;
    expect(card.history.map((h) => [h.id, h.day, h.outcome, h.attitude])).toEqual([
      ['K-3', '2026-02-25', 'reached', 'friendly'],
      ['K-2', '2026-02-10', 'reached', 'hesitant'],
      ['K-1', '2026-01-20', 'noAnswer', null],
    ]);
    expect(card.history[1].objections).toBe('price');
    expect(card.history[1].stageAfter).toBe('A2');
    expect(card.fields).toMatchObject({ id: ACME, name: 'Acme Trading Co., Ltd.', expectedDate: '2026-04-15' });
  });

  test('a card of 200 contacts comes back whole', () => {
    const wb = sidebarWorkbook();
    putRows(
      wb,
      'Contacts',
      Array.from({ length: 200 }, (_, i) => ({
        ID: `K-${i}`,
        Date: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000),
        'Client ID': ACME,
        Outcome: 'Reached',
        Summary: `call ${i}`,
      })),
    );
    const card = wb.client('getClientCard', [ACME]) as ClientCard;
    expect(card.history).toHaveLength(200);
    expect(card.history[0].summary).toBe('call 199');
  });
});
