/** A run's outcome as sentences, for the Run now alert and the Status dialog. */
import { cellUseOf, cellWarning } from '../../core/cell-limit';
import { type Lang, type MessageKey, joinList, render, t } from '../../core/i18n';
import type { RunOutcome, StepName } from './state';

const STEP_KEYS: Record<StepName, MessageKey> = {
  refresh: 'schedule.step.refresh',
  poolRelease: 'schedule.step.poolRelease',
  reports: 'schedule.step.reports',
  mail: 'schedule.step.mail',
};

export function stepLabel(step: StepName, lang: Lang): string {
  return t(lang, STEP_KEYS[step]);
}

export function formatInstant(iso: string, tz: string): string {
  return Utilities.formatDate(new Date(iso), tz, 'yyyy-MM-dd HH:mm');
}

function list(items: readonly string[], total: number, lang: Lang): string {
  const shown = joinList(items, lang);
  return total > items.length ? `${shown} ${t(lang, 'digest.more', { count: total - items.length })}` : shown;
}

export function outcomeLines(run: RunOutcome, lang: Lang, tz: string): string[] {
  const how =
    run.how === 'timeDriven' ? t(lang, 'schedule.how.timeDriven') : t(lang, 'schedule.how.manual', { email: run.by });
  const lines = [t(lang, 'schedule.run.at', { time: formatInstant(run.at, tz), how })];
  const mailed = run.steps.some((s) => s.step === 'mail');
  if (mailed && run.sentCount === 0 && run.alreadySent > 0 && run.deferredCount === 0) {
    lines.push(t(lang, 'schedule.run.nothingNew'));
  } else if (mailed) {
    lines.push(t(lang, 'schedule.run.sent', { count: run.sentCount }));
    if (run.sent.length > 0) lines.push(t(lang, 'schedule.run.sentTo', { list: list(run.sent, run.sentCount, lang) }));
  }
  if (run.deferredCount > 0) {
    const names = run.deferred.map((d) => `${d.to} (${d.kind})`);
    lines.push(
      t(lang, 'schedule.run.deferred', { count: run.deferredCount, list: list(names, run.deferredCount, lang) }),
    );
  }
  if (run.quotaHit) lines.push(t(lang, 'schedule.run.quota'));
  if (run.paused.length > 0) {
    lines.push(
      t(lang, 'schedule.run.paused', {
        steps: joinList(
          run.paused.map((s) => stepLabel(s, lang)),
          lang,
        ),
      }),
    );
  }
  if (run.noAccess.length > 0) {
    lines.push(
      t(lang, 'schedule.run.noAccess', { list: joinList(run.noAccess, lang) }),
      t(lang, 'schedule.run.noAccessHint'),
    );
  }
  const bad = run.badAddress ?? [];
  if (bad.length > 0) lines.push(t(lang, 'schedule.run.badAddress', { list: joinList(bad, lang) }));
  if (run.noEmail.length > 0) lines.push(t(lang, 'schedule.run.noEmail', { list: joinList(run.noEmail, lang) }));
  lines.push(...(run.notes ?? []));
  const failed = run.steps.filter((s) => !s.ok);
  for (const s of failed)
    lines.push(t(lang, 'schedule.run.failed', { step: stepLabel(s.step, lang), error: s.error ?? '' }));
  if (failed.length === 0 && run.paused.length === 0) lines.push(t(lang, 'schedule.run.ok'));
  // A file nearly at Google's cell limit (src/core/cell-limit.ts): last, so the earlier runs' one-line
  // summaries (the second line) stay what they were.
  const warning = run.cellsUsed === undefined ? null : cellWarning(cellUseOf(run.cellsUsed));
  if (warning) lines.push(render(lang, warning));
  return lines;
}
