/**
 * Adding a client without creating a duplicate (issue 6): same phone digits, same email, or a very
 * similar name — also across Chinese/English punctuation and spacing — returns the candidates and
 * adds nothing, unless the user asks again with allowDuplicate.
 */
import type { ClientCard, WriteResult } from '../../../src/contract/types';
import { ACME, HUAWEI, ZHANG, clientRow, rowsOf, sidebarWorkbook } from './fixture';

type Added = WriteResult<ClientCard>;

function candidates(result: unknown): string[] {
  const r = result as Added;
  return r.ok ? [] : r.duplicates.map((d) => `${d.id} ${d.reasons.join('+')}`);
}

describe('the duplicate check while the form is typed (checkDuplicates)', () => {
  const wb = sidebarWorkbook({ filler: 20 });
  const check = (query: unknown): string[] =>
    (wb.client('checkDuplicates', [query]) as { id: string; reasons: string[] }[]).map(
      (d) => `${d.id} ${d.reasons.join('+')}`,
    );

  test('finds what Save would refuse, by the same rule, and writes nothing', () => {
    const fields = { name: 'ACME trading co ltd', phone: '+86 138-0013-8000' };
    const before = wb.sheet('Clients').values.length;
    expect(check(fields)).toEqual([`${ACME} phone+name`]);
    expect(candidates(wb.client('addClient', [fields]))).toEqual(check(fields));
    expect(wb.sheet('Clients').values.length).toBe(before);
  });

  test('a name typed so far that is one letter from a client is already flagged', () => {
    expect(check({ name: 'Acme Tradin' })).toEqual([`${ACME} name`]);
    expect(check({ name: 'Acme' })).toEqual([]);
  });

  test('blank, missing or odd input finds nothing and does not fail', () => {
    expect(check({})).toEqual([]);
    expect(check(null)).toEqual([]);
    expect(check({ name: 42, phone: ['13800138000'] })).toEqual([]);
    expect(check({ email: 'BUYER@acme.example' })).toEqual([`${ACME} email`]);
  });
});

describe('the duplicate check', () => {
  const wb = sidebarWorkbook({ filler: 20 });
  const add = (fields: Record<string, string>): unknown => wb.client('addClient', [fields]);

  test('the same phone in another format is a duplicate', () => {
    expect(candidates(add({ name: 'Someone Else', phone: '+86 138-0013-8000' }))).toEqual([`${ACME} phone`]);
  });

  test('the same email in other case is a duplicate', () => {
    expect(candidates(add({ name: 'New Name', email: ' Buyer@ACME.example ' }))).toEqual([`${ACME} email`]);
  });

  test('the same name with other punctuation, spacing, width or company form is a duplicate', () => {
    expect(candidates(add({ name: 'ACME TRADING CO LTD' }))).toEqual([`${ACME} name`]);
    expect(candidates(add({ name: 'Acme  Trading' }))).toEqual([`${ACME} name`]);
    expect(candidates(add({ name: '华为技术(深圳)有限公司' }))).toEqual([`${HUAWEI} name`]);
    expect(candidates(add({ name: '华为技术 （深圳） 公司' }))).toEqual([`${HUAWEI} name`]);
    expect(candidates(add({ name: 'Acme Tradng' }))).toEqual([`${ACME} name`]);
  });

  test('several reasons at once are all named', () => {
    expect(candidates(add({ name: 'Acme Trading', phone: '13800138000', email: 'buyer@acme.example' }))).toEqual([
      `${ACME} phone+email+name`,
    ]);
  });

  test('nothing was added by any of these', () => {
    expect(rowsOf(wb, 'Clients')).toHaveLength(22);
  });

  test('a different client is added at once, with a new ID, Created today, owned by the signed-in user', () => {
    const result = add({
      name: 'Bright Future School',
      phone: '021 5555 0000',
      kind: 'Potential',
      needConfirmed: 'yes',
    }) as Added;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const id = result.value.fields.id;
    expect(id).toMatch(/^C-/);
    const row = clientRow(wb, id);
    expect(row).toMatchObject({
      Name: 'Bright Future School',
      Phone: '021 5555 0000',
      Owner: ZHANG,
      Kind: 'Potential',
      'Need confirmed': 'Yes',
      Grade: 'D',
      Status: 'Active',
    });
    expect(result.value.fields.created).toBe('2026-03-02');
    expect(rowsOf(wb, 'Changes').map((c) => [c['Client ID'], c.What, c.New])).toEqual([
      [id, 'Client added', 'Bright Future School'],
    ]);
  });
});

describe('adding anyway', () => {
  test('with allowDuplicate the client is added even though it looks like another', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('addClient', [{ name: 'Acme Trading' }, { allowDuplicate: true }]) as Added;
    expect(result.ok).toBe(true);
    expect(rowsOf(wb, 'Clients').map((r) => r.Name)).toContain('Acme Trading');
  });
});

describe('checking the fields', () => {
  test('each bad field gets one sentence and nothing is added', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('addClient', [
      {
        name: '',
        email: 'not-an-email',
        owner: 'Stranger',
        expectedDate: 'soon',
        stage: 'Dreaming',
        dealValue: 'lots',
      },
    ]) as Added;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.text)).toEqual([
      '“Name” is required.',
      '“Email”: “not-an-email” is not an email address.',
      '“Owner”: “Stranger” is not on the Team tab; pick a name from the list or add them to Team.',
      '“Stage”: “Dreaming” is not one of A · Contacted not met, A2 · First meeting, B1 · Needs analysed, B2 · Proposal & site visit, B3 · Negotiation, Won, Lost.',
      '“Expected date”: “soon” is not a date; use YYYY-MM-DD.',
      '“Deal value”: “lots” is not a number.',
    ]);
    expect(rowsOf(wb, 'Clients')).toHaveLength(2);
  });
});
