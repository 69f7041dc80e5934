/**
 * Report · Persistence (seed 002: "44% of salespeople give up after one follow-up"): for the clients
 * that went quiet, how many contact attempts each had before it did, per owner. A client went quiet
 * when it is Lost, or when nobody has tried it for longer than the early-warning gap (gap factor ×
 * its grade's interval) and nothing is planned from today on. Won clients are left out.
 */
import { daysBetween } from '../dates';
import { t } from '../i18n';
import { intervalFor } from '../settings';
import { type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import { header } from '../schema';
import { type Cell, type CellFormat, type ReportModel, median, section, share } from './model';

/** Attempts 1, 2, 3, 4 and "5 or more". */
const BUCKETS = 5;

export function wentQuiet(client: ClientView, data: ReportData): boolean {
  if (client.status === 'lost') return true;
  const last = client.attempts[client.attempts.length - 1];
  if (last === undefined) return false;
  const { settings } = data.input;
  const gap = settings.warningGapFactor * intervalFor(settings, client.grade);
  const planned = client.nextFollowUp !== null && client.nextFollowUp >= data.today;
  return !planned && daysBetween(last.day, data.today) > gap;
}

interface Spread {
  tried: number;
  quiet: number[];
}

export function persistenceReport(data: ReportData): ReportModel {
  const { lang, now, tz } = data.input;
  const byOwner = new Map<string, Spread>();
  const team: Spread = { tried: 0, quiet: [] };
  for (const client of data.clients) {
    if (client.status === 'won' || client.attempts.length === 0) continue;
    let owner = byOwner.get(client.owner);
    if (!owner) byOwner.set(client.owner, (owner = { tried: 0, quiet: [] }));
    const quiet = wentQuiet(client, data);
    for (const s of [owner, team]) {
      s.tried++;
      if (quiet) s.quiet.push(client.attempts.length);
    }
  }
  const counts = (s: Spread): number[] => {
    const out = new Array<number>(BUCKETS).fill(0);
    for (const n of s.quiet) out[Math.min(n, BUCKETS) - 1]++;
    return out;
  };
  const cells = (s: Spread): Cell[] => {
    const c = counts(s);
    return [s.tried, s.tried - s.quiet.length, s.quiet.length, ...c, share(c[0], s.quiet.length), median(s.quiet)];
  };
  const bucketNames = Array.from({ length: BUCKETS }, (_, i) => (i + 1 < BUCKETS ? String(i + 1) : `${BUCKETS}+`));
  const perOwner = section(
    t(lang, 'report.persistence.byOwner'),
    [
      [header('clients', 'owner', lang), 'text'],
      [t(lang, 'report.validity.tried'), 'int'],
      [t(lang, 'report.col.stillFollowed'), 'int'],
      [t(lang, 'report.col.wentQuiet'), 'int'],
      ...bucketNames.map((b): [string, CellFormat] => [b, 'int']),
      [t(lang, 'report.col.quietAfterOne'), 'percent'],
      [t(lang, 'report.col.medianAttempts'), 'number'],
    ],
    [
      ...roster(data, byOwner.keys(), false).map((o) => [personLabel(o, lang), ...cells(byOwner.get(o)!)]),
      [t(lang, 'report.team'), ...cells(team)],
    ],
    true,
  );
  const teamCounts = counts(team);
  const distribution = section(
    t(lang, 'report.persistence.distribution'),
    [
      [t(lang, 'report.col.attempts'), 'text'],
      [t(lang, 'report.col.clients'), 'int'],
      [t(lang, 'report.col.shareOfQuiet'), 'percent'],
    ],
    bucketNames.map((b, i) => [b, teamCounts[i], share(teamCounts[i], team.quiet.length)]),
  );
  return {
    name: 'persistence',
    lang,
    title: t(lang, 'menu.report.persistence'),
    period: t(lang, 'report.period.allTime'),
    asOf: momentText(now, tz),
    notes: [
      ...(team.tried === 0 ? [t(lang, 'report.noContacts')] : []),
      t(lang, 'report.persistence.definition', { factor: data.input.settings.warningGapFactor }),
    ],
    sections: [perOwner, distribution],
    charts:
      team.quiet.length > 0
        ? [{ kind: 'column', title: distribution.heading, section: 1, rows: BUCKETS, columns: 2 }]
        : [],
  };
}
