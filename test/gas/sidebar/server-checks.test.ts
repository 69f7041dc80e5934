/**
 * Values are checked in the server, not only in the form: google.script.run can send anything, so
 * a value outside its list or range, a name that is not text, or a contact later than now is refused
 * with one sentence and nothing is written (docs/text.md).
 */
import type { ClientCard, WriteResult } from '../../../src/contract/types';
import { ACME, rowsOf, sidebarWorkbook } from './fixture';

type Result = WriteResult<ClientCard>;

function refusal(result: Result): [string, string][] {
  return result.ok ? [] : result.problems.map((p) => [p.field, p.text]);
}

describe('addClient', () => {
  test('refuses Satisfaction 7: it is 1 to 5', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('addClient', [{ name: 'Seven Co', satisfaction: '7' }, { allowDuplicate: true }]);
    expect(refusal(result as Result)).toEqual([['satisfaction', '“Satisfaction”: 7 is not between 1 and 5.']]);
    expect(rowsOf(wb, 'Clients').map((r) => r.Name)).not.toContain('Seven Co');
  });

  test('refuses a Satisfaction of 0, of 4.5 and of the number 6; takes 5', () => {
    const wb = sidebarWorkbook();
    for (const satisfaction of ['0', '4.5', 6]) {
      const result = wb.client('addClient', [{ name: 'X', satisfaction }, { allowDuplicate: true }]) as Result;
      expect(result.ok).toBe(false);
    }
    const five = wb.client('addClient', [{ name: 'Five', satisfaction: 5 }, { allowDuplicate: true }]) as Result;
    expect(five.ok && five.value.fields.satisfaction).toBe(5);
  });

  test('refuses a name sent as an object instead of storing "[object Object]"', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('addClient', [{ name: { toString: 'x' } }, { allowDuplicate: true }]) as Result;
    expect(refusal(result)).toEqual([['name', '“Name” must be text.']]);
    expect(rowsOf(wb, 'Clients').map((r) => r.Name)).not.toContain('[object Object]');
  });

  test('refuses a Stage that is not on the list, sent as an array', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('addClient', [{ name: 'Arr', stage: ['B1'] }, { allowDuplicate: true }]) as Result;
    expect(result.ok).toBe(false);
    expect(refusal(result)[0][1]).toContain('“Stage”: “["B1"]” is not one of');
  });

  test('says it in Chinese in a Chinese workbook', () => {
    const wb = sidebarWorkbook({ locale: 'zh_CN' });
    const result = wb.client('addClient', [{ name: '七分', satisfaction: '7' }, { allowDuplicate: true }]) as Result;
    expect(refusal(result)).toEqual([['satisfaction', '“满意度”：7 不在 1 到 5 之间。']]);
    const bad = wb.client('addClient', [{ name: '坏\uFFFF字' }, { allowDuplicate: true }]) as Result;
    expect(refusal(bad)).toEqual([['name', '“客户名称”含有无法保存的字符（U+FFFF，第 2 个字符）；请删除后再保存。']]);
  });
});

describe('logContact', () => {
  // The workbook's clock: 2026-03-02 09:00 in Shanghai.
  test('refuses a contact timed later today than now', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'x', date: '2026-03-02T15:00:00+08:00' },
    ]) as Result;
    expect(refusal(result)).toEqual([
      ['date', 'The contact time 2026-03-02T15:00:00+08:00 is later than now; log a contact once it has happened.'],
    ]);
    expect(rowsOf(wb, 'Contacts')).toHaveLength(0);
  });

  test('takes a contact earlier today, and one a minute ahead of the server’s clock', () => {
    const wb = sidebarWorkbook();
    for (const date of ['2026-03-02T08:00:00+08:00', '2026-03-02T09:01:00+08:00']) {
      const result = wb.client('logContact', [
        { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'x', date },
      ]) as Result;
      expect(result.ok).toBe(true);
    }
  });

  test('refuses a summary with U+FFFE, naming the character, and writes nothing', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'ok \uFFFE' },
    ]) as Result;
    expect(refusal(result)).toEqual([
      [
        'summary',
        '“Summary” contains a character that cannot be stored (U+FFFE, character 4); delete it and save again.',
      ],
    ]);
    expect(rowsOf(wb, 'Contacts')).toHaveLength(0);
  });

  test('refuses a 32,768-character summary (Excel’s limit) and takes one of 32,767', () => {
    const wb = sidebarWorkbook();
    const long = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'y'.repeat(32_768) },
    ]) as Result;
    expect(refusal(long)).toEqual([
      [
        'summary',
        '“Summary” is 32768 characters long; a cell that Excel can also open holds at most 32767. Shorten it and save again.',
      ],
    ]);
    const fits = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'y'.repeat(32_767) },
    ]) as Result;
    expect(fits.ok).toBe(true);
    expect(rowsOf(wb, 'Contacts')[0].Summary).toBe('y'.repeat(32_767));
  });
});

describe('text already in a cell that breaks the rule', () => {
  test('is listed by Refresh with its tab, client and column, and kept as it is', () => {
    const wb = sidebarWorkbook();
    const clients = wb.sheet('Clients');
    const name = clients.values[0].indexOf('Name');
    const satisfaction = clients.values[0].indexOf('Satisfaction');
    clients.values[1][name] = 'n'.repeat(40_000);
    clients.values[2][name] = 'Hua\u0000wei';
    clients.values[1][satisfaction] = 7;
    wb.menu('menuRefresh');
    const alert = wb.alerts().at(-1) ?? '';
    expect(alert).toContain(
      'Clients, C-ACME: “Name” holds 40000 characters, more than the 32767 a cell in Excel holds. It is kept as it is; shorten it before the workbook goes to Excel.',
    );
    expect(alert).toContain(
      'Clients, C-HW: “Name” holds a character that cannot be stored (U+0000, character 4); delete it.',
    );
    expect(alert).toContain('Clients, C-ACME: “Satisfaction” holds 7, which is not between 1 and 5.');
    expect(clients.values[1][name]).toBe('n'.repeat(40_000));
    expect(clients.values[2][name]).toBe('Hua\u0000wei');
  });
});
