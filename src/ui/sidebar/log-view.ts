/** The Log contact view: pick a client, say what happened, set the next step, save. */
import { t } from '../../core/i18n';
import { header } from '../../core/schema';
import { say } from '../card-text';
import { el } from '../dom';
import { KEEP, type LogFormValues, afterSave, problemsByField, toEntry, withValue } from '../log-form';
import type { App } from './app';
import { listField, personField, textField } from './fields';
import { clientPicker, hitLabel } from './picker';

export function logView(app: App): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const col = (key: Parameters<typeof header<'contacts'>>[1]): string => header('contacts', key, lang);
  const set =
    <K extends keyof LogFormValues>(key: K) =>
    (value: string): void => {
      const before = app.log.values.nextDate;
      app.log = withValue(app.log, key, value as LogFormValues[K]);
      // A reached outcome fills in the proposed date without rebuilding the form (focus stays put).
      if (app.log.values.nextDate !== before) {
        const input = document.getElementById('log-nextDate') as HTMLInputElement | null;
        if (input) input.value = app.log.values.nextDate;
      }
    };
  const base = { lang };

  const client = s.client
    ? el(
        'div',
        { class: 'picked' },
        el('strong', {
          id: 'picked-client',
          text: s.card ? hitLabel({ ...s.client, name: s.card.fields.name }) : hitLabel(s.client),
        }),
        el('button', {
          type: 'button',
          class: 'link',
          text: t(lang, 'sidebar.change'),
          onclick: () => ((app.log = { ...app.log, client: null, card: null }), app.render()),
        }),
      )
    : clientPicker({
        lang,
        search: (q) => app.rpc.searchClients(q, { limit: 20 }),
        onPick: (hit) => app.openClient(hit, 'log'),
        onError: (e) => ((app.log = { ...app.log, banner: { kind: 'error', message: app.fail(e) } }), app.render()),
      });

  const proposal =
    s.card && s.values.outcome === 'reached'
      ? el('div', {
          class: 'hint',
          text: t(lang, 'sidebar.next.proposed', { grade: s.card.grade, days: s.card.intervalDays }),
        })
      : null;

  const save = el('button', {
    type: 'submit',
    id: 'log-save',
    class: 'primary',
    disabled: s.saving,
    text: t(lang, s.saving ? 'sidebar.saving' : 'sidebar.save'),
  });
  const form = el(
    'form',
    { id: 'log-form', novalidate: true },
    s.banner
      ? el('div', {
          class: `banner ${s.banner.kind}`,
          role: s.banner.kind === 'error' ? 'alert' : 'status',
          text: say(lang, s.banner.message),
        })
      : null,
    client,
    s.problems.clientId ? el('div', { class: 'problem', role: 'alert', text: say(lang, s.problems.clientId) }) : null,
    el(
      'div',
      { class: 'row' },
      listField({
        ...base,
        id: 'log-channel',
        label: col('channel'),
        list: 'channels',
        value: s.values.channel,
        problem: s.problems.channel,
        onInput: set('channel'),
        required: true,
      }),
      listField({
        ...base,
        id: 'log-outcome',
        label: col('outcome'),
        list: 'outcomes',
        blank: t(lang, 'sidebar.choose'),
        value: s.values.outcome,
        problem: s.problems.outcome,
        onInput: (v) => (set('outcome')(v), app.render()),
        required: true,
      }),
    ),
    listField({
      ...base,
      id: 'log-result',
      label: col('result'),
      list: 'results',
      blank: '',
      value: s.values.result,
      problem: s.problems.result,
      onInput: set('result'),
    }),
    textField({
      ...base,
      id: 'log-summary',
      label: col('summary'),
      multiline: true,
      value: s.values.summary,
      problem: s.problems.summary,
      onInput: set('summary'),
    }),
    textField({
      ...base,
      id: 'log-objections',
      label: col('objections'),
      multiline: true,
      value: s.values.objections,
      problem: s.problems.objections,
      onInput: set('objections'),
    }),
    listField({
      ...base,
      id: 'log-attitude',
      label: col('attitude'),
      list: 'attitudes',
      blank: '',
      value: s.values.attitude,
      problem: s.problems.attitude,
      onInput: set('attitude'),
    }),
    el(
      'fieldset',
      {},
      el('legend', { text: t(lang, 'sidebar.section.next') }),
      textField({
        ...base,
        id: 'log-nextDate',
        label: t(lang, 'sidebar.next.when'),
        type: 'date',
        value: s.values.nextDate,
        problem: s.problems.nextDate,
        onInput: set('nextDate'),
      }),
      proposal,
      personField({
        ...base,
        id: 'log-nextOwner',
        label: t(lang, 'sidebar.next.who'),
        team: app.ctx.team,
        value: s.values.nextOwner,
        problem: s.problems.nextOwner,
        onInput: set('nextOwner'),
      }),
      textField({
        ...base,
        id: 'log-nextTopic',
        label: t(lang, 'sidebar.next.what'),
        value: s.values.nextTopic,
        problem: s.problems.nextTopic,
        onInput: set('nextTopic'),
      }),
    ),
    el(
      'details',
      {
        open: Boolean(
          s.problems.date || s.problems.by || s.problems.stage || s.problems.reason || s.problems.gradeOverride,
        ),
      },
      el('summary', { text: t(lang, 'sidebar.more') }),
      textField({
        ...base,
        id: 'log-date',
        label: col('date'),
        type: 'date',
        value: s.values.date,
        problem: s.problems.date,
        onInput: set('date'),
      }),
      personField({
        ...base,
        id: 'log-by',
        label: col('by'),
        team: app.ctx.team,
        value: s.values.by,
        problem: s.problems.by,
        onInput: set('by'),
      }),
      listField({
        ...base,
        id: 'log-reason',
        label: col('reason'),
        list: 'reasons',
        blank: '',
        value: s.values.reason,
        problem: s.problems.reason,
        onInput: set('reason'),
      }),
      listField({
        ...base,
        id: 'log-stage',
        label: col('stageAfter'),
        list: 'stages',
        extra: [{ value: KEEP, label: t(lang, 'sidebar.keep') }],
        value: s.values.stage,
        problem: s.problems.stage,
        onInput: set('stage'),
      }),
      listField({
        ...base,
        id: 'log-gradeOverride',
        label: header('clients', 'gradeOverride', lang),
        list: 'grades',
        extra: [
          { value: KEEP, label: t(lang, 'sidebar.keep') },
          { value: '', label: t(lang, 'sidebar.clearOverride') },
        ],
        value: s.values.gradeOverride,
        problem: s.problems.gradeOverride,
        onInput: set('gradeOverride'),
      }),
    ),
    save,
  );
  const submit = (): void => {
    if (app.log.saving) return;
    if (!app.log.client) {
      app.log = { ...app.log, problems: { ...app.log.problems, clientId: { key: 'sidebar.error.pickClient' } } };
      app.render();
      return;
    }
    app.log = { ...app.log, saving: true, banner: null };
    app.render();
    app.rpc
      .logContact(toEntry(app.log))
      .then((result) => {
        if (result.ok) {
          app.log = afterSave(app.log, result.value, app.ctx.me);
          app.log.banner = {
            kind: 'ok',
            message: [t(app.lang, 'sidebar.saved'), ...result.notices.map((n) => say(app.lang, n.message))].join(' '),
          };
          app.card = { ...app.card, card: result.value };
        } else {
          app.log = {
            ...app.log,
            saving: false,
            problems: problemsByField(result.problems),
            banner: { kind: 'error', message: { key: 'sidebar.error.fix' } },
          };
        }
        app.render();
      })
      .catch((e) => {
        app.log = { ...app.log, saving: false, banner: { kind: 'error', message: app.fail(e) } };
        app.render();
      });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  });
  return form;
}
