/**
 * A small team, hand-checked: three people, seven clients, eleven contacts, four changes, on
 * Monday 2 March 2026 at 18:00 in Shanghai. The expected numbers in the report tests are worked out
 * from this by hand (see the comments there).
 */
import { startOfDay } from '../../../src/core/dates';
import type { Lang } from '../../../src/core/i18n';
import { type ReportData, type ReportInput, prepareReports } from '../../../src/core/reports';
import type { ChangeRecord, ClientRecord, ContactRecord, TeamMember } from '../../../src/core/schema';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { record } from '../../helpers/records';

export const TZ = 'Asia/Shanghai';
export const NOW = new Date('2026-03-02T10:00:00Z');
export const day = (d: string): Date => startOfDay(d, TZ);
/** A moment in Shanghai: '2026-03-02 09:00'. */
export const at = (moment: string): Date => new Date(`${moment.replace(' ', 'T')}:00+08:00`);

export function client(over: Partial<ClientRecord>): ClientRecord {
  return record('clients', {
    id: 'C1',
    name: 'Acme',
    owner: '张伟',
    stage: 'A',
    created: day('2026-01-05'),
    ...over,
  });
}

export function contact(over: Partial<ContactRecord>): ContactRecord {
  return record('contacts', {
    date: at('2026-03-02 09:00'),
    clientId: 'C1',
    by: '张伟',
    channel: 'phone',
    outcome: 'reached',
    ...over,
  });
}

export function change(over: Partial<ChangeRecord>): ChangeRecord {
  return record('changes', {
    date: at('2026-03-02 08:00'),
    clientId: 'C1',
    what: 'gradeChange',
    ...over,
  });
}

export function member(name: string, role: TeamMember['role'] = 'salesperson'): TeamMember {
  return { name, email: `${name}@example.com`, role, manager: '', active: true, digest: true, language: null };
}

export const TEAM = [member('张伟'), member('Amy'), member('Li Na', 'manager')];

export const CLIENTS: ClientRecord[] = [
  // Grade A (need, budget, decision maker, expected in 18 days); overdue since 25 Feb, Li Na's next step.
  client({
    id: 'C1',
    name: 'Acme',
    stage: 'B2',
    needConfirmed: true,
    budgetConfirmed: true,
    decisionMaker: true,
    expectedDate: day('2026-03-20'),
    nextFollowUp: day('2026-02-25'),
    nextOwner: 'Li Na',
    nextTopic: 'send the quote',
    dealValue: 50_000,
  }),
  // New today, grade D, due tomorrow.
  client({ id: 'C2', name: 'Beta', stage: 'A', nextFollowUp: day('2026-03-03'), created: day('2026-03-02') }),
  // Grade B (no budget yet, expected in 44 days); nothing planned.
  client({
    id: 'C3',
    name: 'Gamma',
    owner: 'Amy',
    stage: 'B3',
    needConfirmed: true,
    decisionMaker: true,
    expectedDate: day('2026-04-15'),
    created: day('2026-02-01'),
  }),
  client({
    id: 'C4',
    name: 'Delta',
    owner: 'Amy',
    stage: 'won',
    expiryDate: day('2026-04-10'),
    dealValue: 120_000,
    created: day('2025-06-01'),
  }),
  client({ id: 'C5', name: 'Epsilon', owner: 'Amy', stage: 'lost', lostReason: 'price', created: day('2025-12-01') }),
  // Never tried; due in April.
  client({ id: 'C6', name: 'Zeta', stage: 'A2', nextFollowUp: day('2026-04-03'), created: day('2026-02-20') }),
  // One unanswered call in December, then nothing: dormant, and quiet after one attempt.
  client({ id: 'C7', name: 'Eta', stage: 'A', created: day('2025-11-20') }),
];

export const CONTACTS: ContactRecord[] = [
  contact({
    date: at('2026-02-20 10:00'),
    clientId: 'C1',
    channel: 'visit',
    summary: 'Needs analysed',
    stageAfter: 'B1',
  }),
  contact({
    date: at('2026-03-02 09:00'),
    clientId: 'C1',
    result: 'opportunity',
    summary: 'Asked for a quote',
    stageAfter: 'B2',
  }),
  contact({ date: at('2026-03-02 09:30'), clientId: 'C2', outcome: 'noAnswer' }),
  contact({ date: at('2026-03-02 11:00'), clientId: 'C2', channel: 'sms', result: 'noNeed' }),
  contact({ date: at('2026-03-02 14:00'), clientId: 'C3', by: 'Amy', channel: 'wechat', outcome: 'busy' }),
  contact({ date: at('2026-03-02 15:00'), clientId: 'C1', by: 'Amy', result: 'opportunity', summary: 'Joint call' }),
  contact({
    date: at('2026-02-10 10:00'),
    clientId: 'C3',
    by: 'Amy',
    channel: 'meeting',
    result: 'inService',
    summary: 'Budget talk',
  }),
  contact({ date: at('2026-01-15 10:00'), clientId: 'C5', by: 'Amy', outcome: 'noSuchNumber' }),
  contact({ date: at('2026-01-16 10:00'), clientId: 'C5', by: 'Amy', outcome: 'wrongNumber' }),
  contact({ date: at('2025-12-20 10:00'), clientId: 'C4', by: 'Amy', channel: 'visit', result: 'hostile' }),
  contact({ date: at('2025-12-01 10:00'), clientId: 'C7', outcome: 'noAnswer' }),
];

export const CHANGES: ChangeRecord[] = [
  // The stage moves of C1's contacts, as the sidebar records them (moves are counted from Changes only).
  change({ date: at('2026-02-20 10:00'), clientId: 'C1', what: 'stageChange', old: '', new: 'B1' }),
  change({ date: at('2026-03-02 09:00'), clientId: 'C1', what: 'stageChange', old: 'B1', new: 'B2' }),
  change({ clientId: 'C3', what: 'gradeChange', old: 'A', new: 'B' }),
  change({ clientId: 'C2', what: 'gradeChange', old: 'C', new: 'D' }),
  change({ date: at('2026-02-25 16:00'), clientId: 'C4', what: 'stageChange', old: 'B3 · Negotiation', new: 'Won' }),
  change({ date: at('2026-02-26 16:00'), clientId: 'C5', what: 'stageChange', old: 'A2', new: 'Lost' }),
];

export function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    clients: CLIENTS,
    contacts: CONTACTS,
    changes: CHANGES,
    team: TEAM,
    settings: { ...DEFAULT_SETTINGS },
    now: NOW,
    tz: TZ,
    lang: 'en' as Lang,
    ...over,
  };
}

export function fixture(over: Partial<ReportInput> = {}): ReportData {
  return prepareReports(input(over));
}

export const EMPTY: Partial<ReportInput> = { clients: [], contacts: [], changes: [], team: [] };
