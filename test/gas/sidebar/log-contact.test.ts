/**
 * Logging a contact from the sidebar (issue 6), through the built add-on in the emulator.
 */
import { mailState } from '../../../src/local/emulator/services';
import type { ClientCard, LoggedCard, SearchResult, WriteResult } from '../../../src/contract/types';
import { ACME, AMY, LI, LI_EMAIL, ZHANG, clientRow, rowsOf, sidebarWorkbook } from './fixture';

type Saved = WriteResult<LoggedCard>;

function day(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(value);
}

describe('a reached contact with no next date', () => {
  const wb = sidebarWorkbook();
  const before = rowsOf(wb, 'Contacts').length;
  const result = wb.client('logContact', [
    {
      clientId: ACME,
      channel: 'Phone',
      outcome: 'Reached',
      summary: 'Asked for the price list',
      objections: 'Too expensive',
    },
  ]) as Saved;

  test('is saved and returns the updated card', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fields.id).toBe(ACME);
    expect(result.value.added.summary).toBe('Asked for the price list');
    // A call today is the latest reached contact: the save does not read the history it need not return.
    expect(result.value.history).toBeUndefined();
    expect((wb.client('getClientCard', [ACME]) as ClientCard).history.map((h) => h.summary)).toEqual([
      'Asked for the price list',
    ]);
  });

  test('appends exactly one Contacts row, by the signed-in user, with labels in the workbook language', () => {
    const rows = rowsOf(wb, 'Contacts');
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1];
    expect(row['Client ID']).toBe(ACME);
    expect(row.Client).toBe('Acme Trading Co., Ltd.');
    expect(row.By).toBe(ZHANG);
    expect(row.Channel).toBe('Phone');
    expect(row.Outcome).toBe('Reached');
    expect(row.Summary).toBe('Asked for the price list');
    expect(row.Objections).toBe('Too expensive');
    expect(String(row.ID)).toMatch(/^K-/);
  });

  test('sets Last contact to today and the next follow-up to today + the grade B interval (7 days), owned by the owner', () => {
    const client = clientRow(wb, ACME);
    expect(day(client['Last contact'])).toBe('2026-03-02');
    expect(day(client['Next follow-up'])).toBe('2026-03-09');
    expect(client['Next owner']).toBe(ZHANG);
    expect(result.ok && result.notices.map((n) => n.text)).toEqual(['Next follow-up set to 2026-03-09, 7 days on.']);
  });

  test('the card says the grade and why, and proposes the next date', () => {
    if (!result.ok) throw new Error('not saved');
    expect(result.value.grade).toBe('B');
    expect(result.value.gradeReasons.map((r) => r.key)).toEqual(['grade.withinB', 'grade.budgetNotConfirmed']);
    expect(result.value.proposedNextFollowUp).toBe('2026-03-09');
    expect(result.value.state).toBe('upcoming');
  });
});

describe('calling too often (DOMAIN: the tracker can warn about over-calling)', () => {
  const log = (wb: ReturnType<typeof sidebarWorkbook>, date: string): Saved =>
    wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: `call on ${date}`, date },
    ]) as Saved;

  test('a grade B client reached again the next day is saved, with a note that B calls for about 7 days', () => {
    const wb = sidebarWorkbook();
    expect(log(wb, '2026-02-27').ok).toBe(true);
    const again = log(wb, '2026-02-28');
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.notices.map((n) => n.text)).toContain(
      'Note: reached again only 1 day after the last time; grade B calls for about one contact every 7 days, and calling too often can put a client off.',
    );
    expect(rowsOf(wb, 'Contacts').filter((r) => r['Client ID'] === ACME)).toHaveLength(2);
  });

  test('reached again after half the interval or more: no note', () => {
    const wb = sidebarWorkbook();
    log(wb, '2026-02-23');
    const later = log(wb, '2026-02-27');
    expect(later.ok && later.notices.some((n) => n.text.includes('reached again only'))).toBe(false);
  });
});

describe('a contact attempt that did not reach the client', () => {
  const wb = sidebarWorkbook();
  const result = wb.client('logContact', [{ clientId: ACME, channel: 'Phone', outcome: 'No answer' }]) as Saved;

  test('is logged without a summary, and Last contact and the next follow-up stay as they were', () => {
    expect(result.ok).toBe(true);
    const client = clientRow(wb, ACME);
    expect(client['Last contact']).toBe('');
    expect(client['Next follow-up']).toBe('');
    expect(rowsOf(wb, 'Contacts').map((r) => r.Outcome)).toEqual(['No answer']);
  });
});

describe('the retry date the sidebar proposes after an unanswered call', () => {
  test('the card proposes today + Settings’ retry days, and the plan changes only when the contact is saved with it', () => {
    const wb = sidebarWorkbook();
    const card = wb.client('getClientCard', [ACME]) as ClientCard;
    expect([card.proposedRetry, card.retryDays]).toEqual(['2026-03-03', 1]);
    wb.client('logContact', [{ clientId: ACME, channel: 'Phone', outcome: 'No answer' }]);
    expect(clientRow(wb, ACME)['Next follow-up']).toBe('');
    wb.client('logContact', [{ clientId: ACME, channel: 'Phone', outcome: 'Busy', nextFollowUp: card.proposedRetry }]);
    expect(clientRow(wb, ACME)['Next follow-up']).toEqual(new Date('2026-03-03T00:00:00+08:00'));
  });
});

describe('the next step', () => {
  test('owned by someone else and due today is emailed to them at once (seed 000)', () => {
    const wb = sidebarWorkbook();
    const result = wb.client('logContact', [
      {
        clientId: ACME,
        channel: 'Meeting',
        outcome: 'Reached',
        summary: 'Analysis meeting',
        nextFollowUp: '2026-03-02',
        nextOwner: 'li na',
        nextTopic: 'Call the director about the quote',
        stageAfter: 'B2',
      },
    ]) as Saved;
    expect(result.ok && result.notices.map((n) => n.text)).toEqual(['Emailed Li Na about the next step due today.']);
    const sent = mailState(wb.env).sent;
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual([LI_EMAIL]);
    expect(sent[0].subject).toBe('Client Tracker: follow up Acme Trading Co., Ltd. today');
    expect(sent[0].body).toContain('Call the director about the quote');
    const client = clientRow(wb, ACME);
    expect(client['Next owner']).toBe(LI);
    expect(client.Stage).toBe('B2 · Proposal & site visit');
    expect(client['Next topic']).toBe('Call the director about the quote');
  });

  test('owned by the person logging, or due another day, sends no email', () => {
    const wb = sidebarWorkbook();
    wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'x', nextFollowUp: '2026-03-02' },
    ]);
    wb.client('logContact', [
      {
        clientId: ACME,
        channel: 'Phone',
        outcome: 'Reached',
        summary: 'y',
        nextFollowUp: '2026-03-03',
        nextOwner: AMY,
      },
    ]);
    expect(mailState(wb.env).sent).toHaveLength(0);
  });
});

describe('checking what was typed', () => {
  const wb = sidebarWorkbook();
  const result = wb.client('logContact', [
    {
      clientId: ACME,
      channel: 'Pigeon',
      outcome: 'Reached',
      summary: '',
      date: '2026-03-05',
      nextFollowUp: 'next week',
      nextOwner: 'Nobody Known',
    },
  ]) as Saved;

  test('every bad field gets one sentence and nothing is written', () => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.text)).toEqual([
      '“Channel”: “Pigeon” is not one of Phone, SMS, Email, WeChat, Visit, Meeting.',
      '“Summary” is required.',
      'The contact date 2026-03-05 is in the future; log a contact once it has happened.',
      '“Next follow-up”: “next week” is not a date; use YYYY-MM-DD.',
      '“Next owner”: “Nobody Known” is not on the Team tab; pick a name from the list or add them to Team.',
    ]);
    expect(rowsOf(wb, 'Contacts')).toHaveLength(0);
  });

  test('nothing chosen and nothing typed: the client, the outcome and the summary are all named at once', () => {
    const empty = wb.client('logContact', [{ clientId: '', channel: 'Phone', outcome: '' }]) as Saved;
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(empty.problems.map((p) => `${p.field}: ${p.text}`)).toEqual([
      'clientId: Pick a client first.',
      'outcome: “Outcome” is required.',
      'summary: “Summary” is required when the client was reached.',
    ]);
  });

  test('an unknown client ID is one sentence thrown to the sidebar', () => {
    expect(() => wb.client('logContact', [{ clientId: 'C-NOPE', channel: 'Phone', outcome: 'Busy' }])).toThrow(
      'There is no client with ID “C-NOPE”.',
    );
    expect(rowsOf(wb, 'Contacts')).toHaveLength(0);
  });
});

describe('rows moved between search and submit', () => {
  test('the user sorted Clients after searching: the contact still lands on the right client', () => {
    const wb = sidebarWorkbook({ filler: 30 });
    const found = wb.client('searchClients', ['acme']) as SearchResult;
    expect(found.hits.map((h) => h.id)).toEqual([ACME]);
    const sheet = wb.sheet('Clients');
    const [header, ...rows] = sheet.values;
    sheet.values = [header, ...rows.reverse()];
    const result = wb.client('logContact', [
      {
        clientId: found.hits[0].id,
        channel: 'Phone',
        outcome: 'Reached',
        summary: 'after the sort',
        nextTopic: 'send quote',
      },
    ]) as Saved;
    expect(result.ok).toBe(true);
    expect(clientRow(wb, ACME)['Next topic']).toBe('send quote');
    expect(rowsOf(wb, 'Clients').filter((r) => r['Next topic'] !== '')).toHaveLength(1);
    // and search finds the moved row again
    const again = wb.client('searchClients', ['acme']) as SearchResult;
    expect(again.hits.map((h) => h.id)).toEqual([ACME]);
  });
});

describe('two submissions interleaved', () => {
  test('a second execution that runs while the first is starting: both contacts are kept, with different IDs', () => {
    const wb = sidebarWorkbook();
    let slipped = false;
    wb.env.hooks.push((exec, method) => {
      if (!slipped && method === 'Lock.tryLock') {
        slipped = true;
        wb.client('logContact', [
          { clientId: ACME, channel: 'SMS', outcome: 'Reached', summary: 'second, finished first' },
        ]);
      }
    });
    const first = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'first' },
    ]) as Saved;
    wb.env.hooks.length = 0;
    expect(first.ok).toBe(true);
    const rows = rowsOf(wb, 'Contacts');
    expect(rows.map((r) => r.Summary)).toEqual(['second, finished first', 'first']);
    expect(new Set(rows.map((r) => r.ID)).size).toBe(2);
    if (first.ok) expect(first.value.added.summary).toBe('first');
    const card = wb.client('getClientCard', [ACME]) as ClientCard;
    expect(card.history.map((h) => h.summary)).toEqual(['first', 'second, finished first']);
  });

  test('a second execution while the first holds the lock waits, says the sheet is busy, and writes nothing', () => {
    const wb = sidebarWorkbook();
    let error: unknown = null;
    wb.env.hooks.push((exec, method) => {
      if (error === null && method === 'Range.setValues') {
        try {
          wb.client('logContact', [{ clientId: ACME, channel: 'SMS', outcome: 'Reached', summary: 'second' }]);
          error = 'no error';
        } catch (e) {
          error = (e as Error).message;
        }
      }
    });
    const first = wb.client('logContact', [
      { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'first' },
    ]) as Saved;
    wb.env.hooks.length = 0;
    expect(error).toBe('Another Client Tracker task is still working on this spreadsheet. Try again in a minute.');
    expect(first.ok).toBe(true);
    expect(rowsOf(wb, 'Contacts').map((r) => r.Summary)).toEqual(['first']);
  });
});

describe('a sidebar page left open from the version before (it names three fields its own way)', () => {
  const today = { nextFollowUp: '2026-03-06', stageAfter: 'B1', gradeAfter: 'A' };
  const earlier = { nextDate: '2026-03-06', stage: 'B1', gradeOverride: 'A' };
  const save = (fields: Record<string, string>) => {
    const wb = sidebarWorkbook();
    const base = { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'Wants the quote' };
    const result = wb.client('logContact', [{ ...base, ...fields }]) as Saved;
    const { ID: _id, ...contact } = rowsOf(wb, 'Contacts')[0] ?? {};
    return { result, client: clientRow(wb, ACME), contact };
  };
  const now = save(today);
  const before = save(earlier);

  test('today’s keys set the next follow-up, the stage and the grade by hand', () => {
    expect(now.result.ok).toBe(true);
    expect(day(now.client['Next follow-up'])).toBe('2026-03-06');
    expect(now.client.Stage).toBe('B1 · Needs analysed');
    expect(now.client['Grade override']).toBe('A');
    expect(now.contact['Grade after']).toBe('A');
  });

  test('the earlier page’s save leaves the same client and the same contact row', () => {
    expect(before.result.ok).toBe(true);
    expect(before.client).toEqual(now.client);
    expect(before.contact).toEqual(now.contact);
  });
});
