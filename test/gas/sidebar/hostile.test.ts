/**
 * Whatever a user types is stored as text and read back exactly: nothing lost, nothing executed
 * (no formula, no number, date or boolean conversion), and text a cell cannot hold is refused
 * before anything is written.
 */
import { MAX_COLUMNS } from '../../../src/local/emulator/model';
import type { ClientCard, WriteResult } from '../../../src/server/api-types';
import { ACME, clientRow, rowsOf, sidebarWorkbook } from './fixture';
import { TOO_LONG, hostileCorpus } from './hostile-strings';

/** Formulas below the header row (setup's own Follow-up state formula sits in the header cell). */
function rowFormulas(sheet: { formulas: Map<number, string> }): string[] {
  return [...sheet.formulas].filter(([key]) => key >= MAX_COLUMNS).map(([, f]) => f);
}

const corpus = hostileCorpus();

describe('the hostile-string corpus', () => {
  test('has at least 200 values', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });
});

describe('logging contacts with hostile text', () => {
  const wb = sidebarWorkbook();
  const results = corpus.map(
    (text, i) =>
      wb.client('logContact', [
        {
          clientId: ACME,
          channel: 'Phone',
          outcome: 'Reached',
          summary: text,
          objections: text,
          nextTopic: text,
          date: `2026-02-${String((i % 28) + 1).padStart(2, '0')}`,
        },
      ]) as WriteResult<ClientCard>,
  );

  test('every one is saved, except a summary of spaces only, which a reached contact may not have', () => {
    const refusedTexts = corpus.filter((_, i) => !results[i].ok);
    expect(refusedTexts).toEqual(['   ']);
    const refusal = results[corpus.indexOf('   ')];
    expect(!refusal.ok && refusal.problems.map((p) => p.text)).toEqual(['“Summary” is required.']);
  });

  test('Summary, Objections and Next topic read back exactly what was typed', () => {
    const rows = rowsOf(wb, 'Contacts');
    const saved = corpus.filter((t) => t !== '   ');
    expect(rows).toHaveLength(saved.length);
    const mismatches = rows.flatMap((row, i) =>
      ['Summary', 'Objections', 'Next topic']
        .filter((h) => row[h] !== saved[i])
        .map((h) => `${i} ${h}: ${JSON.stringify(String(row[h]).slice(0, 40))}`),
    );
    expect(mismatches).toEqual([]);
  });

  test('no cell became a formula', () => {
    expect(wb.sheet('Contacts').formulas.size).toBe(0);
    expect(rowFormulas(wb.sheet('Clients'))).toEqual([]);
  });

  test('the card returns every summary as it was typed', () => {
    const last = results[results.length - 1];
    if (!last.ok) throw new Error('not saved');
    expect(new Set(last.value.history.map((h) => h.summary))).toEqual(new Set(corpus.filter((t) => t !== '   ')));
  });
});

describe('adding clients with hostile names', () => {
  test('names and notes read back exactly, and no cell is a formula', () => {
    const wb = sidebarWorkbook();
    const sample = corpus.filter((_, i) => i % 3 === 0);
    for (const text of sample) {
      const result = wb.client('addClient', [
        { name: text, notes: text, contact: text },
        { allowDuplicate: true },
      ]) as WriteResult<ClientCard>;
      if (!result.ok) {
        expect(result.problems.map((p) => p.text)).toEqual(['“Name” is required.']);
        expect(text.trim()).toBe('');
        continue;
      }
      expect(clientRow(wb, result.value.fields.id)).toMatchObject({ Name: text, Notes: text, Contact: text });
      expect(result.value.fields.name).toBe(text);
    }
    expect(rowFormulas(wb.sheet('Clients'))).toEqual([]);
  });
});

describe('text longer than a cell holds', () => {
  const wb = sidebarWorkbook();
  const before = JSON.stringify(wb.values('Clients'));
  const result = wb.client('logContact', [
    { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: TOO_LONG },
  ]) as WriteResult<ClientCard>;

  test('is refused with one sentence saying how long it is', () => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.text])).toEqual([
      ['summary', '“Summary” is 60000 characters long; a cell holds at most 50000. Shorten it and save again.'],
    ]);
  });

  test('and nothing is written anywhere', () => {
    expect(rowsOf(wb, 'Contacts')).toHaveLength(0);
    expect(JSON.stringify(wb.values('Clients'))).toBe(before);
    expect(clientRow(wb, ACME)['Last contact']).toBe('');
  });
});
