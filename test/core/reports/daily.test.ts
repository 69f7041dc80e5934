/**
 * Report · Daily on the hand-checked fixture, Monday 2 March 2026: 张伟 made three attempts (two
 * reached, on Acme and Beta), Amy two (one reached, on Acme); Li Na none.
 */
import { buildReport } from '../../../src/core/reports';
import { section } from './helpers';
import { EMPTY, client, day, fixture } from './fixture';

describe('the daily work report for 2 March', () => {
  const report = buildReport('daily', fixture(), { day: '2026-03-02' });

  test('the title states the day and the time it was made', () => {
    expect(report.title).toBe('Daily work report');
    expect(report.period).toBe('2026-03-02');
    expect(report.asOf).toBe('2026-03-02 18:00');
  });

  test('per person: attempts, reached, clients reached, new clients, moves and what is due tomorrow; team total', () => {
    const s = section(report, 'Per person');
    expect(s.columns).toEqual([
      'Person',
      'Attempts',
      'Reached',
      'Reached %',
      'Clients reached',
      'New clients',
      'Upgrades',
      'Downgrades',
      'Stage moves',
      'Due next day',
    ]);
    expect(s.rows).toEqual([
      // Acme moved B1 → B2; Beta fell C → D and is due on the 3rd.
      ['张伟', 3, 2, 0.667, 2, 1, 0, 1, 1, 1],
      // Gamma fell A → B.
      ['Amy', 2, 1, 0.5, 1, 0, 0, 1, 0, 0],
      ['Li Na', 0, 0, null, 0, 0, 0, 0, 0, 0],
      // Acme was reached by both: one client for the team.
      ['Team', 5, 3, 0.6, 2, 1, 0, 2, 1, 1],
    ]);
    expect(s.total).toBe(true);
  });

  test('due next day counts leads only: Won, Lost and pooled clients due tomorrow are not', () => {
    const tomorrow = day('2026-03-03');
    const clients = [
      client({ id: 'W1', name: 'Won Co', stage: 'won', nextFollowUp: tomorrow }),
      client({ id: 'L1', name: 'Lost Co', stage: 'lost', nextFollowUp: tomorrow }),
      client({ id: 'P1', name: 'Pool Co', owner: '', status: 'inPool', nextFollowUp: tomorrow }),
      client({ id: 'A1', name: 'Lead Co', stage: 'B1', nextFollowUp: tomorrow }),
    ];
    const daily = buildReport('daily', fixture({ clients }), { day: '2026-03-02' });
    expect(section(daily, 'Per person').rows.at(-1)?.at(-1)).toBe(1);
  });

  test('attempts by channel and by outcome add up to the attempts', () => {
    const channels = section(report, 'Contact attempts by channel');
    expect(channels.columns).toEqual(['Person', 'Phone', 'SMS', 'Email', 'WeChat', 'Visit', 'Meeting']);
    expect(channels.rows.at(-1)).toEqual(['Team', 3, 1, 0, 1, 0, 0]);
    const outcomes = section(report, 'Contact attempts by outcome');
    expect(outcomes.rows[0]).toEqual(['张伟', 2, 1, 0, 0, 0, 0, 0, 0]);
    expect(outcomes.rows[1]).toEqual(['Amy', 1, 0, 1, 0, 0, 0, 0, 0]);
  });

  test('the moves of the day are listed with where they came from', () => {
    expect(section(report, 'Grade and stage moves').rows).toEqual([
      ['Beta', 'C2', '张伟', 'Grade', 'C', 'D'],
      ['Gamma', 'C3', 'Amy', 'Grade', 'A', 'B'],
      ['Acme', 'C1', '张伟', 'Stage', 'B1 · Needs analysed', 'B2 · Proposal & site visit'],
    ]);
  });

  test('what is due the next day, with the topic', () => {
    expect(section(report, 'Due on 2026-03-03').rows).toEqual([
      ['张伟', 'Beta', 'C2', 'D', 'A · Contacted not met', ''],
    ]);
  });

  test('a chart of attempts per person over the last 14 days', () => {
    const s = section(report, 'Contact attempts per person, last 14 days');
    expect(s.columns).toEqual(['Day', '张伟', 'Amy', 'Li Na']);
    expect(s.rows).toHaveLength(14);
    expect(s.rows[0]).toEqual(['2026-02-17', 0, 0, 0]);
    expect(s.rows[3]).toEqual(['2026-02-20', 1, 0, 0]);
    expect(s.rows[13]).toEqual(['2026-03-02', 3, 2, 0]);
    expect(report.charts).toEqual([{ kind: 'line', title: s.heading, section: 5, rows: 14, columns: 4 }]);
  });

  test('without a day it reports today', () => {
    expect(buildReport('daily', fixture()).period).toBe('2026-03-02');
  });
});

describe('the daily report on a day without contacts', () => {
  test('says there were no contacts, with zero rows for the team', () => {
    const report = buildReport('daily', fixture(), { day: '2026-02-28' });
    expect(report.notes).toEqual(['No contacts in this period.']);
    expect(section(report, 'Per person').rows.at(-1)).toEqual(['Team', 0, 0, null, 0, 0, 0, 0, 0, 0]);
  });

  test('an empty workbook gives the sentence and no error', () => {
    const report = buildReport('daily', fixture(EMPTY));
    expect(report.notes).toEqual(['No contacts in this period.']);
    expect(section(report, 'Per person').rows).toEqual([['Team', 0, 0, null, 0, 0, 0, 0, 0, 0]]);
    expect(report.charts).toEqual([]);
  });

  test('in Chinese the sentence and the headings are Chinese', () => {
    const report = buildReport('daily', fixture({ ...EMPTY, lang: 'zh-CN' }));
    expect(report.title).toBe('日工作报表');
    expect(report.notes).toEqual(['本期间没有跟进记录。']);
    expect(report.sections[0].rows).toEqual([['团队合计', 0, 0, null, 0, 0, 0, 0, 0, 0]]);
  });
});
