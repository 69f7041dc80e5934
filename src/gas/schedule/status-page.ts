/**
 * The Status dialog (menus are built in AuthMode.NONE and cannot read state, so state is shown here):
 * on or off, whose account runs it and since when, and the last runs' outcomes. Built on the server
 * as one small page; every value in it is escaped.
 */
import { escapeHtml } from '../../core/digest/layout';
import { type Lang, t } from '../../core/i18n';
import { formatInstant, outcomeLines } from './outcome-text';
import type { RunOutcome, ScheduleRecord } from './state';

export interface StatusView {
  lang: Lang;
  tz: string;
  record: ScheduleRecord | null;
  /** the viewer runs the schedule but has no trigger for it */
  triggerMissing: boolean;
  runs: RunOutcome[];
}

const STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#1f1f1f;margin:0 4px}' +
  'h2{font-size:14px;margin:14px 0 4px;color:#1f3a5f}p{margin:4px 0}.on{color:#137333;font-weight:bold}' +
  '.off{color:#5f6368;font-weight:bold}.warn{color:#a50e0e}ul{margin:4px 0;padding-left:18px}';

function paragraphs(lines: readonly string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

export function statusHtml(view: StatusView): string {
  const { lang, tz, record } = view;
  const parts: string[] = [];
  if (record?.on) {
    const since = formatInstant(record.since, tz);
    const state = t(lang, 'schedule.status.on', { hour: record.hour, tz: record.tz, email: record.owner, since });
    parts.push(`<p class="on">${escapeHtml(state)}</p>`);
    if (view.triggerMissing) parts.push(`<p class="warn">${escapeHtml(t(lang, 'schedule.status.missing'))}</p>`);
    parts.push(`<p>${escapeHtml(t(lang, 'schedule.status.takeOver', { owner: record.owner }))}</p>`);
  } else {
    parts.push(`<p class="off">${escapeHtml(t(lang, 'schedule.status.off'))}</p>`);
  }
  parts.push(`<h2>${escapeHtml(t(lang, 'schedule.status.lastRun'))}</h2>`);
  const [last, ...earlier] = view.runs;
  parts.push(last ? paragraphs(outcomeLines(last, lang, tz)) : paragraphs([t(lang, 'schedule.status.never')]));
  if (earlier.length > 0) {
    parts.push(`<h2>${escapeHtml(t(lang, 'schedule.status.earlier'))}</h2><ul>`);
    for (const run of earlier) {
      const [when, ...rest] = outcomeLines(run, lang, tz);
      parts.push(`<li>${escapeHtml(when)} — ${escapeHtml(rest[0] ?? '')}</li>`);
    }
    parts.push('</ul>');
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${parts.join('')}</body></html>`;
}
