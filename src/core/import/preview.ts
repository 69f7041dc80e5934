/**
 * The import's preview as sentences, in the reader's language: how the headers map, what will be
 * added, updated and left alone, the duplicates and with what, the rows with problems and why, how the
 * list's values map onto our lists, and what follows once it lands.
 */
import { type Lang, joinList, render, t } from '../i18n';
import { type ListName, label, parseEnum } from '../lists';
import { type HeaderMapping, fieldColumn, fieldLabel } from './fields';
import type { Duplicate, ImportPlan } from './plan';
import type { UpdateField } from './updates';

/** Field changes listed one by one; the rest are counted. */
export const FIELD_CHANGES_SHOWN = 50;

/** A value as the reader knows it: a list value by its label in their language. */
function shown(field: UpdateField, value: unknown): (lang: Lang) => string {
  const def = fieldColumn(field);
  if (def.type === 'boolean' && (typeof value === 'boolean' || value === 'yes' || value === 'no')) {
    // yes/no: the list's value (a boolean) and the register's (its reading) by their label
    const yes = value === true || value === 'yes';
    return (lang) => `“${label('yesNo', yes ? 'yes' : 'no', lang)}”`;
  }
  const text = value === null || value === undefined ? '' : String(value);
  const code = def.type === 'enum' && def.list ? parseEnum(def.list as ListName, text) : null;
  return (lang) =>
    text.trim() === ''
      ? t(lang, 'import.preview.blank')
      : `“${code === null ? text : label(def.list as ListName, code as never, lang)}”`;
}

function reasons(list: Duplicate['reasons'], lang: Lang): string {
  return joinList(
    list.map((r) => t(lang, `import.reason.${r}`)),
    lang,
  );
}

export function previewLines(
  plan: ImportPlan,
  header: { row: number; mapping: HeaderMapping },
  lang: Lang,
  me: string,
  /** where the preview is read: the command line names --map and --update, the dialog its own controls */
  where: 'cli' | 'dialog' = 'cli',
): string[] {
  const lines: string[] = [];
  const mapped = header.mapping.columns.filter((c) => c.field !== null);
  const leftOut = header.mapping.columns.filter((c) => c.field === null);
  lines.push(
    t(lang, 'import.preview.header', {
      row: header.row,
      columns: joinList(
        mapped.map((c) => `${c.header} → ${fieldLabel(c.field!, lang)}`),
        lang,
      ),
    }),
  );
  if (leftOut.length > 0) {
    lines.push(
      t(lang, where === 'cli' ? 'import.preview.leftOut' : 'import.preview.leftOutDialog', {
        columns: joinList(
          leftOut.map((c) => c.header),
          lang,
        ),
      }),
    );
  }
  const { counts } = plan;
  const problemRows = new Set(plan.problems.map((p) => p.line)).size;
  lines.push(t(lang, 'import.preview.totals', { rows: plan.rows, ...counts, problems: problemRows }));
  if (counts.skipped > 0) {
    lines.push(t(lang, where === 'cli' ? 'import.preview.skippedHint' : 'import.preview.skippedHintDialog'));
  }
  if (counts.updates > 0) lines.push(t(lang, 'import.preview.updateFields'));
  if (plan.fieldChanges.length > 0) {
    const per = new Map<UpdateField, number>();
    for (const ch of plan.fieldChanges) per.set(ch.field, (per.get(ch.field) ?? 0) + 1);
    const fields = joinList(
      [...per].map(([field, count]) => t(lang, 'import.preview.fieldCount', { field: fieldLabel(field, lang), count })),
      lang,
    );
    lines.push(t(lang, 'import.preview.fieldUpdates', { count: counts.fieldUpdates, fields }));
    for (const ch of plan.fieldChanges.slice(0, FIELD_CHANGES_SHOWN)) {
      lines.push(
        '  ' +
          t(lang, 'import.preview.fieldChange', {
            line: ch.line,
            client: ch.name,
            id: ch.id,
            field: fieldLabel(ch.field, lang),
            before: shown(ch.field, ch.before)(lang),
            after: shown(ch.field, ch.after)(lang),
          }),
      );
    }
    const more = plan.fieldChanges.length - FIELD_CHANGES_SHOWN;
    if (more > 0) lines.push('  ' + t(lang, 'import.preview.more', { count: more }));
    // A stage is a move with its own rules (docs/import.md): counted apart.
    const moves = plan.fieldChanges.filter((ch) => ch.field === 'stage').length;
    if (moves > 0) lines.push(t(lang, 'import.preview.stageMoves', { count: moves }));
  }
  if (plan.handOvers.length > 0) {
    // A change of owner is a hand-over (docs/import.md): each one named, as the field changes are.
    lines.push(t(lang, 'import.preview.handOvers', { count: plan.handOvers.length }));
    for (const h of plan.handOvers.slice(0, FIELD_CHANGES_SHOWN)) {
      const before = h.before.trim() === '' ? t(lang, 'import.refused.pool') : h.before;
      lines.push(
        '  ' + t(lang, 'import.preview.handOver', { line: h.line, client: h.name, id: h.id, before, after: h.after }),
      );
    }
    const more = plan.handOvers.length - FIELD_CHANGES_SHOWN;
    if (more > 0) lines.push('  ' + t(lang, 'import.preview.more', { count: more }));
  }
  if (plan.duplicates.length > 0) {
    lines.push(t(lang, 'import.preview.duplicates'));
    for (const d of plan.duplicates) {
      const why = reasons(d.reasons, lang);
      lines.push(
        '  ' +
          (d.withClient
            ? t(lang, 'import.preview.inRegister', {
                line: d.line,
                name: d.name,
                client: d.withClient.name,
                id: d.withClient.id,
                reasons: why,
              })
            : t(lang, 'import.preview.sameAsRow', {
                line: d.line,
                name: d.name,
                with: d.withLine ?? '',
                reasons: why,
              })),
      );
    }
  }
  if (plan.problems.length > 0) {
    lines.push(t(lang, 'import.preview.problems'));
    for (const p of plan.problems) {
      lines.push('  ' + t(lang, 'import.preview.problem', { line: p.line, problem: render(lang, p.message) }));
    }
  }
  if (plan.listValues.length > 0) {
    lines.push(t(lang, 'import.preview.values'));
    for (const v of plan.listValues) {
      const list = fieldColumn(v.field).list as ListName;
      const shown = v.code === null ? t(lang, 'import.preview.notOnList') : label(list, v.code as never, lang);
      lines.push(
        '  ' +
          t(lang, 'import.preview.value', {
            field: fieldLabel(v.field, lang),
            text: v.text,
            label: shown,
            count: v.count,
          }),
      );
    }
  }
  if (plan.notAttempts.length > 0) {
    lines.push(t(lang, 'import.preview.notAttempts', { lines: joinList(plan.notAttempts.map(String), lang) }));
  }
  if (plan.channelAssumed > 0) lines.push(t(lang, 'import.preview.channelAssumed', { count: plan.channelAssumed }));
  const c = plan.consequences;
  lines.push(t(lang, 'import.preview.consequences', { overdue: c.overdue, poolDue: c.poolDue }));
  if (c.notOnTeam.length > 0) lines.push(t(lang, 'import.preview.notOnTeam', { names: joinList(c.notOnTeam, lang) }));
  if (c.ownerless > 0) lines.push(t(lang, 'import.preview.ownerless', { count: c.ownerless, me }));
  return lines;
}
