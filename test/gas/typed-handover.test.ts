/**
 * The mail a typed row calls for (docs/rule-path.md): a contact that hands today's next step to a
 * colleague mails them. The sidebar mails at once; a row typed or pasted into Contacts cannot (onEdit
 * may not send mail, and under the other reading of the Sheets app onEdit does not run at all), so the
 * next run that may send mail — Refresh from the menu, or the daily run — sends it, once, saying why
 * it comes late. Every way of entering the contact ends with the colleague told exactly once.
 */
import { mailState } from '../../src/local/emulator/services';
import type { Assumptions } from '../../src/local/emulator';
import type { TestWorkbook } from '../helpers/workbook';
import { type Row, addRows, editCells, nextRow, pasteRows, trackerWorkbook } from './clients-fixture';
import { TEAM, WANG, ZHANG, LINA, AMY, fireTrigger } from './schedule/fixture';
import { confirmTeamRoles } from '../helpers/roles';

const DAY = '2026-03-02';
const CLIENTS: Row[] = [
  {
    ID: 'C-1',
    Name: 'Acme',
    Owner: '张伟',
    'Next follow-up': '2026-03-09',
    Contact: '王经理',
    Phone: '0138 0013 8000 / 020-8765 4321',
  },
  { ID: 'C-2', Name: 'Beta', Owner: 'Amy', 'Next follow-up': '2026-03-09' },
];

/** 王总 met Acme this morning and hands today's follow-up to Li Na. */
const ROW: Row = {
  Date: `${DAY} 09:15`,
  'Client ID': 'C-1',
  By: '王总',
  Channel: 'Visit',
  Outcome: 'Reached',
  Summary: 'Wants a quote today',
  'Next follow-up': DAY,
  'Next owner': 'Li Na',
  'Next topic': 'send the quote',
};

function workbook(readings?: Assumptions, team: Row[] = TEAM): TestWorkbook {
  const wb = trackerWorkbook({ now: `${DAY}T01:00:00Z`, readings });
  addRows(wb, 'Team', team);
  addRows(wb, 'Clients', CLIENTS);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  wb.clock.set(Date.parse(`${DAY}T02:00:00Z`)); // 10:00 in Shanghai
  return wb;
}

type Way = 'typed' | 'typed, onEdit silent' | 'pasted' | 'pasted, onEdit silent';

function enter(wb: TestWorkbook, way: Way, row: Row = ROW): void {
  const fire = !way.endsWith('silent');
  const at = nextRow(wb, 'Contacts');
  if (way.startsWith('pasted')) pasteRows(wb, 'Contacts', at, [row], { fire });
  else for (const [header, value] of Object.entries(row)) editCells(wb, 'Contacts', at, header, [[value]], { fire });
}

const handovers = (wb: TestWorkbook) =>
  mailState(wb.env)
    .sent.filter((m) => /follow up Acme|请跟进 Acme/.test(m.subject))
    .map((m) => ({ ...m, to: [m.to].flat().join(',') }));

const WAYS: Way[] = ['typed', 'typed, onEdit silent', 'pasted', 'pasted, onEdit silent'];

describe('a next step handed to a colleague for today', () => {
  test('the sidebar mails Li Na at once', () => {
    const wb = workbook();
    const done = wb.client(
      'logContact',
      [
        {
          clientId: 'C-1',
          date: `${DAY}T01:15:00.000Z`,
          channel: 'Visit',
          outcome: 'Reached',
          summary: 'Wants a quote today',
          nextFollowUp: DAY,
          nextOwner: 'Li Na',
          nextTopic: 'send the quote',
        },
      ],
      WANG,
    ) as { ok: boolean };
    expect(done.ok).toBe(true);
    expect(handovers(wb).map((m) => m.to)).toEqual([LINA]);
    expect(handovers(wb)[0].body).toContain('What about: send the quote\nWho to call: 王经理 · 0138 0013 8000\n');
  });

  test.each(WAYS)('%s: nothing is mailed while typing; the next Refresh mails Li Na once, saying why late', (way) => {
    const wb = workbook(way.endsWith('silent') ? { mobileOnEdit: 'silent' } : undefined);
    enter(wb, way);
    expect(handovers(wb)).toHaveLength(0);
    wb.menu('menuRefresh', ZHANG);
    const sent = handovers(wb);
    expect(sent.map((m) => m.to)).toEqual([LINA]);
    expect(sent[0].subject).toBe('Client Tracker: follow up Acme, due 2026-03-02');
    expect(sent[0].body).toContain('王总 has handed you the next step for Acme (C-1), due 2026-03-02.');
    // Whom to call, as the sidebar's mail and the daily list give it.
    expect(sent[0].body).toContain('What about: send the quote\nWho to call: 王经理 · 0138 0013 8000\n');
    expect(sent[0].body).toContain('The contact (2026-03-02 09:15) was typed straight into the sheet');
    expect(wb.alerts().at(-1)).toContain('Emailed Li Na about next steps typed into the sheet for today.');
    // Later runs, and an edit of the same row (a corrected summary), mail nobody twice.
    wb.menu('menuRefresh', ZHANG);
    editCells(wb, 'Contacts', nextRow(wb, 'Contacts') - 1, 'Summary', [['Wants a quote by 5pm']], {
      fire: !way.endsWith('silent'),
    });
    wb.menu('menuRefresh', ZHANG);
    fireTrigger(wb);
    expect(handovers(wb).map((m) => m.to)).toEqual([LINA]);
  });

  test.each(WAYS)('%s: with no Refresh that day, the next morning’s daily run mails it', (way) => {
    const wb = workbook(way.endsWith('silent') ? { mobileOnEdit: 'silent' } : undefined);
    enter(wb, way);
    wb.clock.set(Date.parse('2026-03-03T00:30:00Z'));
    const run = fireTrigger(wb);
    const sent = handovers(wb).filter((m) => m.subject.includes('due 2026-03-02'));
    expect(sent.map((m) => m.to)).toEqual([LINA]);
    expect(JSON.stringify(run)).not.toMatch(/TypeError|ReferenceError/);
    fireTrigger(wb);
    expect(handovers(wb).filter((m) => m.subject.includes('due 2026-03-02'))).toHaveLength(1);
  });

  test('neither Refresh nor the daily run holds the document lock while the mail goes out', () => {
    const wb = workbook();
    enter(wb, 'pasted');
    wb.menu('menuRefresh', ZHANG);
    expect(handovers(wb)).toHaveLength(1);
    const other = workbook();
    enter(other, 'pasted');
    other.clock.set(Date.parse('2026-03-03T00:30:00Z'));
    fireTrigger(other);
    expect(handovers(other)).toHaveLength(1);
    expect(mailState(wb.env).sentUnderDocumentLock + mailState(other.env).sentUnderDocumentLock).toBe(0);
  });

  test('Li Na’s own language is used (Team ▸ Language)', () => {
    const team = TEAM.map((m) => (m.Name === 'Li Na' ? { ...m, Language: '简体中文' } : m));
    const wb = workbook(undefined, team);
    enter(wb, 'pasted');
    wb.menu('menuRefresh', ZHANG);
    const [mail] = handovers(wb);
    expect(mail.subject).toBe('客户跟踪：请跟进 Acme，2026-03-02 到期');
    expect(mail.body).toContain('这条跟进记录（2026-03-02 09:15）是直接填在表格里的');
    expect(mail.body).toContain('联系谁：王经理 · 0138 0013 8000');
  });

  test('a step replaced before the run is not mailed; a step for the typist, or for another day, never is', () => {
    const wb = workbook();
    enter(wb, 'pasted');
    // An hour later Li Na's step is replaced: 王总 will call Acme himself tomorrow.
    enter(wb, 'pasted', {
      ...ROW,
      Date: `${DAY} 10:05`,
      Summary: 'Called back',
      'Next follow-up': '2026-03-03',
      'Next owner': '王总',
    });
    enter(wb, 'pasted', { ...ROW, 'Client ID': 'C-2', 'Next owner': '王总' });
    enter(wb, 'pasted', { ...ROW, 'Client ID': 'C-2', Date: `${DAY} 09:30`, 'Next follow-up': '2026-03-04' });
    wb.menu('menuRefresh', ZHANG);
    fireTrigger(wb);
    expect(mailState(wb.env).sent.filter((m) => /next step for/.test(m.body))).toHaveLength(0);
  });

  test('when Li Na cannot be mailed, Refresh says who was not told and why', () => {
    const team = TEAM.map((m) => (m.Name === 'Li Na' ? { ...m, Email: '' } : m));
    const wb = workbook(undefined, team);
    enter(wb, 'typed');
    wb.menu('menuRefresh', ZHANG);
    expect(handovers(wb)).toHaveLength(0);
    expect(wb.alerts().at(-1)).toContain(
      'Li Na has no email on the Team tab, so nobody was told about today’s next step.',
    );
  });
});

describe('a typed contact with no By', () => {
  test.each(WAYS)('%s: By stays blank, Refresh lists the row until someone fills it in', (way) => {
    const wb = workbook(way.endsWith('silent') ? { mobileOnEdit: 'silent' } : undefined);
    const { By: _by, ...row } = ROW;
    enter(wb, way, { ...row, 'Next owner': '张伟' });
    wb.menu('menuRefresh', ZHANG);
    const at = nextRow(wb, 'Contacts') - 1;
    expect(wb.alerts().at(-1)).toContain(
      `Contacts: contacts from the last 7 days with no “By”: rows ${at}. Fill in who made each one`,
    );
    // Never filled with whoever ran Refresh; the Changes rows it caused name nobody either.
    const [head, ...rows] = wb.values('Contacts');
    expect(rows.at(-1)?.[head.indexOf('By')]).toBe('');
    editCells(wb, 'Contacts', at, 'By', [['王总']], { fire: !way.endsWith('silent') });
    wb.menu('menuRefresh', ZHANG);
    expect(wb.alerts().at(-1)).not.toContain('with no “By”');
  });
});
