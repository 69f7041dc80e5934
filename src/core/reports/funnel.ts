/**
 * Report · Funnel: clients by stage × grade with deal value and median days in the current stage;
 * conversion between consecutive stages over a period (from the stage moves in Changes and Stage
 * after); and the director's view (seed 000): every B2-and-beyond client with owner, next step, who
 * and when.
 */
import { type DayKey, daysBetween } from '../dates';
import { t } from '../i18n';
import { type Grade, type Stage, codes, isB2OrBeyond, label, stageRank } from '../lists';
import { header } from '../schema';
import { type ClientView, type ReportData, momentText, personLabel } from './data';
import { nextOwnerOf } from './daily';
import { type Cell, type CellFormat, type ReportModel, median, section, share } from './model';
import { type DayRange } from '../dates';

const OPEN_STAGES: readonly Stage[] = ['A', 'A2', 'B1', 'B2', 'B3'];

/** The day the client entered its current stage: its last move there, else Created. */
function enteredStage(client: ClientView): DayKey | null {
  for (let i = client.moves.length - 1; i >= 0; i--) {
    const move = client.moves[i];
    if (move.kind === 'stage' && move.to === client.stage) return move.day;
  }
  return client.created;
}

/** The stages a client stood at during the period, in order: the one it started in, then each move. */
function stagesDuring(client: ClientView, period: DayRange): Stage[] {
  if (client.created !== null && client.created > period.to) return [];
  let start: Stage | null = null;
  let known = false;
  const visited: Stage[] = [];
  for (const move of client.moves) {
    if (move.kind !== 'stage') continue;
    if (move.day > period.to) {
      // A later move tells where the client stood; the current Stage would be after it.
      if (!known) {
        start = move.from;
        known = true;
      }
      break;
    }
    if (move.day < period.from) {
      start = move.to;
      known = true;
      continue;
    }
    if (!known) {
      start = move.from;
      known = true;
    }
    visited.push(move.to);
  }
  if (!known) start = client.stage;
  return start === null ? visited : [start, ...visited];
}

export function funnelReport(data: ReportData, period: DayRange): ReportModel {
  const { lang, now, tz } = data.input;
  const grades = codes('grades');
  const stages: (Stage | null)[] = [...codes('stages')];
  if (data.clients.some((c) => c.stage === null)) stages.push(null);
  const grid = new Map<Stage | null, { grades: Map<Grade, number>; value: number; days: number[] }>();
  for (const s of stages) grid.set(s, { grades: new Map(), value: 0, days: [] });
  const wereAt = new Map<Stage, number>();
  const movedOn = new Map<Stage, number>();
  let moves = 0;
  for (const client of data.clients) {
    const cell = grid.get(client.stage)!;
    cell.grades.set(client.grade, (cell.grades.get(client.grade) ?? 0) + 1);
    cell.value += client.record.dealValue ?? 0;
    const entered = enteredStage(client);
    if (entered !== null && client.stage !== null && OPEN_STAGES.includes(client.stage)) {
      cell.days.push(Math.max(0, daysBetween(entered, data.today)));
    }
    const visited = stagesDuring(client, period);
    moves += client.moves.filter((m) => m.kind === 'stage' && m.day >= period.from && m.day <= period.to).length;
    for (const s of OPEN_STAGES) {
      const at = visited.indexOf(s);
      if (at < 0) continue;
      wereAt.set(s, (wereAt.get(s) ?? 0) + 1);
      if (visited.slice(at + 1).some((later) => stageRank(later) > stageRank(s)))
        movedOn.set(s, (movedOn.get(s) ?? 0) + 1);
    }
  }
  const stageLabel = (s: Stage | null): string => (s === null ? t(lang, 'report.none') : label('stages', s, lang));
  const totals = { grades: new Map<Grade, number>(), value: 0 };
  for (const cell of grid.values()) {
    for (const g of grades) totals.grades.set(g, (totals.grades.get(g) ?? 0) + (cell.grades.get(g) ?? 0));
    totals.value += cell.value;
  }
  const count = (m: Map<Grade, number>): number => grades.reduce((s, g) => s + (m.get(g) ?? 0), 0);
  const byStage = section(
    t(lang, 'report.funnel.byStage'),
    [
      [header('clients', 'stage', lang), 'text'],
      ...grades.map((g): [string, CellFormat] => [g, 'int']),
      [t(lang, 'report.col.total'), 'int'],
      [header('clients', 'dealValue', lang), 'money'],
      [t(lang, 'report.col.medianDays'), 'number'],
    ],
    [
      ...stages.map((s): Cell[] => {
        const cell = grid.get(s)!;
        return [
          stageLabel(s),
          ...grades.map((g) => cell.grades.get(g) ?? 0),
          count(cell.grades),
          cell.value,
          median(cell.days),
        ];
      }),
      [
        t(lang, 'report.col.total'),
        ...grades.map((g) => totals.grades.get(g) ?? 0),
        count(totals.grades),
        totals.value,
        null,
      ],
    ],
    true,
  );
  const nextStage: Record<string, Stage> = { A: 'A2', A2: 'B1', B1: 'B2', B2: 'B3', B3: 'won' };
  const conversion = section(
    t(lang, 'report.funnel.conversion'),
    [
      [t(lang, 'report.col.from'), 'text'],
      [t(lang, 'report.col.to'), 'text'],
      [t(lang, 'report.col.wereAt'), 'int'],
      [t(lang, 'report.col.movedOn'), 'int'],
      [t(lang, 'report.col.conversion'), 'percent'],
    ],
    OPEN_STAGES.map((s) => {
      const n = wereAt.get(s) ?? 0;
      const m = movedOn.get(s) ?? 0;
      return [stageLabel(s), stageLabel(nextStage[s]), n, m, share(m, n)];
    }),
  );
  const leading = data.clients
    .filter((c) => isB2OrBeyond(c.stage))
    .sort(
      (a, b) =>
        (a.nextFollowUp ?? '9999').localeCompare(b.nextFollowUp ?? '9999') ||
        stageRank(b.stage!) - stageRank(a.stage!) ||
        a.name.localeCompare(b.name),
    );
  const director = section(
    t(lang, 'report.funnel.director'),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'stage', lang), 'text'],
      [header('clients', 'grade', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [header('clients', 'nextTopic', lang), 'text'],
      [header('clients', 'nextOwner', lang), 'text'],
      [header('clients', 'nextFollowUp', lang), 'date'],
      [header('clients', 'dealValue', lang), 'money'],
    ],
    leading.map((c) => [
      c.name,
      c.id,
      stageLabel(c.stage),
      c.grade,
      personLabel(c.owner, lang),
      c.record.nextTopic,
      personLabel(nextOwnerOf(c), lang),
      c.nextFollowUp,
      c.record.dealValue,
    ]),
  );
  const notes: string[] = [];
  if (data.clients.length === 0) notes.push(t(lang, 'report.noClients'));
  else if (moves === 0) notes.push(t(lang, 'report.funnel.noMoves'));
  return {
    name: 'funnel',
    lang,
    title: t(lang, 'menu.report.funnel'),
    period: t(lang, 'report.period.range', { from: period.from, to: period.to }),
    asOf: momentText(now, tz),
    notes,
    sections: [byStage, conversion, director],
    // Open stages and Won, stacked by grade: Lost and the total stay out of the picture.
    charts: [
      {
        kind: 'stackedBar',
        title: byStage.heading,
        section: 0,
        rows: OPEN_STAGES.length + 1,
        columns: 1 + grades.length,
      },
    ],
  };
}
