/**
 * Stage recorded: a Stage changed without being recorded (typed on a phone where onEdit may not run,
 * pasted, set by a script) is one move on Changes whichever path sees it first — Refresh, onEdit (both
 * through refreshClients) or a contact applied through applyContact — and never a phantom move.
 */
import { applyContact } from '../../src/core/apply-contact';
import { startOfDay } from '../../src/core/dates';
import { refreshClients } from '../../src/core/refresh';
import type { ClientRecord } from '../../src/core/schema';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { countsAsMove } from '../../src/core/reports/moves';
import { record } from '../helpers/records';

const SH = 'Asia/Shanghai';
const today = '2026-03-02';
const now = new Date('2026-03-02T01:00:00Z');

function client(over: Partial<Record<keyof ClientRecord, unknown>>): ClientRecord {
  return record('clients', {
    id: 'C-1',
    name: 'Acme',
    owner: '张伟',
    created: startOfDay('2026-01-05', SH),
    ...over,
  } as Partial<ClientRecord>);
}

function refreshed(c: ClientRecord, lang: 'en' | 'zh-CN' = 'en') {
  const result = refreshClients([c], [], DEFAULT_SETTINGS, today, SH, { now, lang });
  return {
    recorded: result.clients[0]?.stageRecorded,
    moves: result.changes.filter((x) => x.what === 'stageChange').map((x) => [x.clientId, x.old, x.new, x.reason.key]),
  };
}

describe('a Stage cell measured against Stage recorded', () => {
  test('a Stage changed since it was recorded is one move, and Stage recorded follows', () => {
    expect(refreshed(client({ stage: 'B2', stageRecorded: 'A2' }))).toEqual({
      recorded: 'B2 · Proposal & site visit',
      moves: [['C-1', 'A2', 'B2', 'change.stageTyped']],
    });
  });
  test('recorded in the other language still matches: no move, the cell is rewritten in the workbook’s', () => {
    const out = refreshed(client({ stage: 'B2', stageRecorded: 'B2 · Proposal & site visit' }), 'zh-CN');
    expect(out.moves).toEqual([]);
    expect(out.recorded).not.toBe('B2 · Proposal & site visit');
    expect(refreshed(client({ stage: 'B2', stageRecorded: out.recorded })).moves).toEqual([]);
  });
  test('a blank Stage recorded (a client from before the column) is adopted without a move', () => {
    expect(refreshed(client({ stage: 'won', stageRecorded: '' }))).toEqual({ recorded: 'Won', moves: [] });
    expect(refreshed(client({ stage: null, stageRecorded: '' }))).toEqual({ recorded: '—', moves: [] });
  });
  test('a blank stage recorded as such, then typed Won: a first Won, which counts as won', () => {
    const out = refreshed(client({ stage: 'won', stageRecorded: '—' }));
    expect(out.moves).toEqual([['C-1', '', 'won', 'change.stageFirst']]);
    expect(countsAsMove(null, 'won')).toBe(true);
  });
  test('a client new to the tracker (no ID) gets its first stage recorded, under its new ID', () => {
    const result = refreshClients([client({ id: '', stage: 'A1' })], [], DEFAULT_SETTINGS, today, SH, { now });
    const id = result.clients[0]!.id;
    expect(result.changes.filter((x) => x.what === 'stageChange').map((x) => [x.clientId, x.old, x.new])).toEqual([
      [id, '', 'A1'],
    ]);
  });
  test('a Stage cleared is no move; the blank is what is now recorded', () => {
    expect(refreshed(client({ stage: null, stageRecorded: 'A2' }))).toEqual({ recorded: '—', moves: [] });
  });
  test('an unreadable Stage recorded is adopted, not turned into a move', () => {
    expect(refreshed(client({ stage: 'A2', stageRecorded: 'garbage' }))).toEqual({
      recorded: 'A2 · First meeting',
      moves: [],
    });
  });
});

describe('a contact applied to a client whose Stage changed unrecorded', () => {
  const c = client({ stage: 'B1', stageRecorded: 'A2' });
  const facts = {
    date: new Date('2026-03-02T02:00:00Z'),
    outcome: 'reached' as const,
    result: null,
    attitude: null,
    nextFollowUp: null,
    nextOwner: '',
    nextTopic: '',
  };
  test('logs the typed move first, then the contact’s own, and records the stage after', () => {
    const applied = applyContact(c, { ...facts, stage: 'B2' }, DEFAULT_SETTINGS, today, SH);
    expect(applied.changes.filter((x) => x.what === 'stageChange').map((x) => [x.old, x.new, x.reason.key])).toEqual([
      ['A2', 'B1', 'change.stageTyped'],
      ['B1', 'B2', 'change.stageByContact'],
    ]);
    // Refresh after the save finds nothing left to record.
    expect(refreshed(applied.after).moves).toEqual([]);
  });
  test('a contact that leaves the stage still records the typed move, once', () => {
    const applied = applyContact(c, { ...facts, stage: null }, DEFAULT_SETTINGS, today, SH);
    expect(applied.changes.filter((x) => x.what === 'stageChange').map((x) => [x.old, x.new])).toEqual([['A2', 'B1']]);
    expect(refreshed(applied.after).moves).toEqual([]);
  });
});
