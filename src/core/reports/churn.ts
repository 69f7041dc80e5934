/**
 * Report · Churn (客户流失): open clients by days since the last reached contact (7 / 15 / 30 / 90 /
 * 180), the early warnings of core/churn-rules.ts with their reasons, clients about to drop into the shared
 * pool, and the lost reasons of seed 002.
 */
import { addDays, daysBetween } from '../dates';
import { DORMANT_BUCKETS, type DormantBucket, churnWarnings, dormantBucket } from '../churn-rules';
import { type Lang, joinSentences, render, t } from '../i18n';
import { type Grade, type LostReason, type Result, codes, label } from '../lists';
import { poolOutlook } from '../pool';
import { header } from '../schema';
import { type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import { type Cell, type CellFormat, type ReportModel, byCode, section, share } from './model';

/** A grade that fell within this many days still warns, though the refresh has already written it. */
const DOWNGRADE_LOOKBACK_DAYS = 30;

function bucketLabel(bucket: DormantBucket, lang: Lang): string {
  const i = DORMANT_BUCKETS.indexOf(bucket);
  const next = DORMANT_BUCKETS[i + 1];
  return next === undefined
    ? t(lang, 'report.churn.bucketOpen', { from: bucket })
    : t(lang, 'report.churn.bucket', { from: bucket, to: next - 1 });
}

function latestResult(client: ClientView): Result | null {
  for (let i = client.attempts.length - 1; i >= 0; i--) {
    const result = client.attempts[i].result;
    if (result !== null) return result;
  }
  return null;
}

/** The grade before the recent grade moves (within the lookback), so a fresh downgrade still warns. */
function gradeBefore(client: ClientView, since: string): Grade | null {
  for (const move of client.moves) {
    if (move.kind === 'grade' && move.day >= since && move.from !== null) return move.from;
  }
  return null;
}

export function churnReport(data: ReportData): ReportModel {
  const { lang, now, tz, settings } = data.input;
  const today = data.today;
  const team = new Map<DormantBucket, number>();
  const byOwner = new Map<string, Map<DormantBucket, number>>();
  const warnings: { client: ClientView; text: string }[] = [];
  const pool: { client: ClientView; release: string; daysLeft: number }[] = [];
  const lost = new Map<LostReason | null, number>();
  let lostCount = 0;
  const lookback = addDays(today, -DOWNGRADE_LOOKBACK_DAYS);
  for (const client of data.clients) {
    if (client.status === 'lost') {
      lostCount++;
      lost.set(client.record.lostReason, (lost.get(client.record.lostReason) ?? 0) + 1);
      continue;
    }
    if (client.status === 'inPool') continue;
    const since = client.lastContact ?? client.created;
    const bucket = since === null ? null : dormantBucket(daysBetween(since, today));
    if (bucket !== null) {
      team.set(bucket, (team.get(bucket) ?? 0) + 1);
      let owner = byOwner.get(client.owner);
      if (!owner) byOwner.set(client.owner, (owner = new Map()));
      owner.set(bucket, (owner.get(bucket) ?? 0) + 1);
    }
    const found = churnWarnings(
      {
        grade: client.grade,
        previousGrade: gradeBefore(client, lookback),
        status: client.status,
        lastContact: client.lastContact,
        created: client.created,
        latestResult: latestResult(client),
        expiryDate: client.expiry,
      },
      settings,
      today,
    );
    if (found.length > 0)
      warnings.push({
        client,
        text: joinSentences(
          found.map((w) => render(lang, w.message)),
          lang,
        ),
      });
    const outlook = poolOutlook(
      {
        grade: client.grade,
        stage: client.stage,
        owner: client.owner,
        lastContact: client.lastContact,
        created: client.created,
        expiryDate: client.expiry,
      },
      settings,
      today,
    );
    if (outlook.releaseDay !== null && outlook.daysLeft !== null && outlook.daysLeft <= settings.poolWarningDays) {
      pool.push({ client, release: outlook.releaseDay, daysLeft: outlook.daysLeft });
    }
  }
  const clientsCol = t(lang, 'report.col.clients');
  const buckets = section(
    t(lang, 'report.churn.buckets'),
    [
      [t(lang, 'report.col.daysSince'), 'text'],
      [clientsCol, 'int'],
    ],
    DORMANT_BUCKETS.map((b) => [bucketLabel(b, lang), team.get(b) ?? 0]),
  );
  const ownerCells = (m: Map<DormantBucket, number> | undefined): Cell[] => {
    const counts = DORMANT_BUCKETS.map((b) => m?.get(b) ?? 0);
    return [...counts, counts.reduce((s, n) => s + n, 0)];
  };
  const perOwner = section(
    t(lang, 'report.churn.bucketsByOwner'),
    [
      [header('clients', 'owner', lang), 'text'],
      ...DORMANT_BUCKETS.map((b): [string, CellFormat] => [bucketLabel(b, lang), 'int']),
      [t(lang, 'report.col.total'), 'int'],
    ],
    [
      ...roster(data, byOwner.keys(), false).map((o) => [personLabel(o, lang), ...ownerCells(byOwner.get(o))]),
      [t(lang, 'report.team'), ...ownerCells(team)],
    ],
    true,
  );
  // Most urgent first (a list may be cut at Settings' row limit): key clients before small ones
  // (seed 002's recall priority), then the ones silent longest; the owner is a column to filter by.
  warnings.sort(
    (a, b) =>
      byCode(a.client.grade, b.client.grade) ||
      byCode(a.client.lastContact ?? '', b.client.lastContact ?? '') ||
      a.client.owner.localeCompare(b.client.owner) ||
      a.client.name.localeCompare(b.client.name),
  );
  const warningList = section(
    t(lang, 'report.churn.warnings'),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [header('clients', 'grade', lang), 'text'],
      [header('clients', 'status', lang), 'text'],
      [header('clients', 'lastContact', lang), 'date'],
      [t(lang, 'report.col.warning'), 'text'],
    ],
    warnings.map(({ client, text }) => [
      client.name,
      client.id,
      personLabel(client.owner, lang),
      client.grade,
      label('statuses', client.status, lang),
      client.lastContact,
      text,
    ]),
  );
  pool.sort((a, b) => a.daysLeft - b.daysLeft || a.client.name.localeCompare(b.client.name));
  const poolList = section(
    t(lang, 'report.churn.pool', { days: settings.poolWarningDays }),
    [
      [header('clients', 'name', lang), 'text'],
      [header('clients', 'id', lang), 'text'],
      [header('clients', 'owner', lang), 'text'],
      [header('clients', 'grade', lang), 'text'],
      [header('clients', 'lastContact', lang), 'date'],
      [header('clients', 'poolRelease', lang), 'date'],
      [t(lang, 'report.col.daysLeft'), 'int'],
    ],
    pool.map(({ client, release, daysLeft }) => [
      client.name,
      client.id,
      personLabel(client.owner, lang),
      client.grade,
      client.lastContact,
      release,
      daysLeft,
    ]),
  );
  const reasons: (LostReason | null)[] = [...codes('lostReasons'), ...(lost.has(null) ? [null] : [])];
  const lostReasons = section(
    t(lang, 'report.churn.lostReasons'),
    [
      [header('clients', 'lostReason', lang), 'text'],
      [clientsCol, 'int'],
      [t(lang, 'report.col.shareOfLost'), 'percent'],
    ],
    [
      ...reasons.map((r): Cell[] => {
        const n = lost.get(r) ?? 0;
        return [r === null ? t(lang, 'report.none') : label('lostReasons', r, lang), n, share(n, lostCount)];
      }),
      [t(lang, 'report.col.total'), lostCount, share(lostCount, lostCount)],
    ],
    true,
  );
  const notes: string[] = [];
  if (data.clients.length === 0) notes.push(t(lang, 'report.noClients'));
  if (!settings.poolEnabled) notes.push(t(lang, 'report.churn.poolOff'));
  return {
    name: 'churn',
    lang,
    title: t(lang, 'menu.report.churn'),
    period: today,
    asOf: momentText(now, tz),
    notes,
    sections: [buckets, perOwner, warningList, poolList, lostReasons],
    charts: [{ kind: 'column', title: buckets.heading, section: 0, rows: DORMANT_BUCKETS.length, columns: 2 }],
  };
}
