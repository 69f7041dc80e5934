/**
 * Pool release (公海): its own step, from the menu and the daily run, and only when Settings turns the
 * pool on — it is the one automatic change to a user-entered column. A client whose release day has
 * come (no reached contact for N days, N per grade; never a Won client, nor an open renewal when
 * Settings says so) loses its owner and becomes In pool, with a Changes row naming the former owner,
 * who may not claim it back for the reclaim wait. A constant number of calls: one write per affected column.
 */
import { dayOf, daysBetween } from '../core/dates';
import { columnCells } from '../core/grid';
import { type Lang, message, render, t } from '../core/i18n';
import { releaseReason } from '../core/pool';
import { type ColumnKey, label, tabName } from '../core/schema';
import { settingLabel } from '../core/settings';
import { clearCells, writeSpan } from './cells';
import { type ChangeEntry, openChangeLog } from './changes';
import { ROWS_MOVED, computeClients, withStableRows } from './clients-pass';
import { readSettings } from './settings-tab';
import { type WorkbookContext, workbookContext } from './context';
import { withDocumentLock } from './lock';
import { invalidateSearchIndex } from './sidebar/search-index';
import { type MenuReport, limitLines, reportInAlert } from './problems';
import { columnIndex, idsStillMatch, sheetRow, sheetsByName, tabLabel } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Released {
  id: string;
  name: string;
  formerOwner: string;
  /** Why, in the workbook's language (also the Reason of its Changes row). */
  reason: string;
}

export interface PoolReleaseSummary {
  lang: Lang;
  /** false: the pool is off in Settings and nothing was looked at or written. */
  enabled: boolean;
  released: Released[];
  /** Sentences: due rows that could not be released (Refresh reports the rest). */
  problems: string[];
}

const NEEDS = ['owner', 'status', 'poolRelease'] as const satisfies readonly ColumnKey<'clients'>[];

function releasePass(sheets: Map<string, Sheet>, ctx: WorkbookContext): PoolReleaseSummary | typeof ROWS_MOVED {
  const { lang, tz } = ctx;
  const settingsRead = readSettings(sheets, lang);
  const settings = settingsRead.settings;
  if (!settings.poolEnabled) return { lang, enabled: false, released: [], problems: [] };
  const pass = computeClients(sheets, ctx, settingsRead, NEEDS);
  const { clients: tbl, result } = pass;
  const due: number[] = [];
  const problems: string[] = [];
  const tab = tabLabel(sheets, 'clients', lang);
  tbl.records.forEach((record, i) => {
    const computed = result.clients[i];
    if (record === null || computed === null || computed.poolRelease === null) return;
    if (daysBetween(computed.poolRelease, pass.today) < 0) return;
    if (record.id === '') {
      problems.push(t(lang, 'poolRelease.noId', { tab, who: t(lang, 'problem.row', { index: sheetRow(tbl, i) }) }));
      return;
    }
    due.push(i);
  });
  if (due.length === 0) return { lang, enabled: true, released: [], problems };
  const log = openChangeLog(sheets, ctx);
  if (!idsStillMatch(tbl, 'id')) return ROWS_MOVED;
  const ownerCol = columnIndex(tbl, 'owner');
  const statusCol = columnIndex(tbl, 'status');
  const poolCol = columnIndex(tbl, 'poolRelease');
  const from = due[0];
  const to = due[due.length - 1];
  // Owner is typed by people: read it again just before writing and release only rows whose owner is
  // still the one the rules saw (a reassignment a second ago wins); the other cells go back as they are now.
  const ownersNow = tbl.sheet.getRange(sheetRow(tbl, from), ownerCol + 1, to - from + 1, 1).getValues();
  const owners = columnCells(tbl.grid, ownerCol).slice();
  const statuses = columnCells(tbl.grid, statusCol).slice();
  const pool = columnCells(tbl.grid, poolCol).slice();
  for (let i = from; i <= to; i++) owners[i] = ownersNow[i - from][0];
  const released: Released[] = [];
  const changes: ChangeEntry[] = [];
  const touched: number[] = [];
  for (const i of due) {
    const record = tbl.records[i]!;
    const computed = result.clients[i]!;
    if (String(ownersNow[i - from][0]).trim() !== record.owner) continue;
    const reason = render(
      lang,
      releaseReason(
        {
          grade: computed.grade,
          stage: record.stage,
          owner: record.owner,
          lastContact: computed.lastContact,
          created: dayOf(record.created, tz),
          expiryDate: dayOf(record.expiryDate, tz),
        },
        settings,
        pass.today,
      ),
    );
    owners[i] = '';
    statuses[i] = label('statuses', 'inPool', lang);
    // Released: no release day ahead any more (the Changes row keeps the day it happened).
    pool[i] = '';
    touched.push(i);
    released.push({ id: record.id, name: record.name, formerOwner: record.owner, reason });
    changes.push({ clientId: record.id, what: 'poolRelease', old: record.owner, new: '', reason });
  }
  // Owner is a column people own: only the released clients' cells are cleared, named in range lists
  // (a formula or a colleague's typing between two of them stays), so the calls do not grow with the
  // rows released; Status and Pool release are the add-on's, written as spans.
  clearCells(
    tbl.sheet,
    touched.map((i) => sheetRow(tbl, i)),
    ownerCol + 1,
  );
  writeSpan(tbl.sheet, sheetRow(tbl, 0), statusCol, statuses, touched);
  writeSpan(tbl.sheet, sheetRow(tbl, 0), poolCol, pool, touched);
  log.append(changes);
  return { lang, enabled: true, released, problems };
}

/** Releases every client whose day has come; for the menu and the daily run. */
export function releaseToPool(): PoolReleaseSummary {
  const ctx = workbookContext();
  return withDocumentLock(ctx.lang, () => {
    const sheets = sheetsByName(ctx.ss, ctx.lang);
    const summary = withStableRows(sheets, ctx.lang, () => releasePass(sheets, ctx));
    // Released clients lost their owner; when none was released, Clients is as the index has it.
    if (summary.released.length > 0) invalidateSearchIndex();
    return summary;
  });
}

/** What the menu shows after a pool release. */
export function poolReleaseReport(summary: PoolReleaseSummary): MenuReport {
  const { lang } = summary;
  const title = render(lang, message('menu.poolRelease'));
  if (!summary.enabled) {
    return {
      title,
      lines: [t(lang, 'poolRelease.off', { key: settingLabel('poolEnabled', lang), tab: tabName('settings', lang) })],
    };
  }
  const lines =
    summary.released.length === 0
      ? [t(lang, 'poolRelease.none')]
      : [
          t(lang, 'poolRelease.done', { count: summary.released.length, tab: tabName('changes', lang) }),
          ...limitLines(
            summary.released.map((r) =>
              t(lang, 'poolRelease.line', { name: r.name, id: r.id, owner: r.formerOwner, reason: r.reason }),
            ),
            lang,
          ),
        ];
  if (summary.problems.length > 0) lines.push('', ...limitLines(summary.problems, lang));
  return { title, lines };
}

/** Menu: Release idle clients to the pool. */
export function menuPoolRelease(): void {
  reportInAlert(() => poolReleaseReport(releaseToPool()));
}
