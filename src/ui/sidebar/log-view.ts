/**
 * The Log contact view: pick a client (and see where it stands), say what happened, set the next
 * step, save. Keyboard first: picking a client and saving put focus on Outcome; Ctrl+Enter saves from
 * any field; every problem is shown at once and focus goes to the first; Save and what the last save
 * did stay in view in a sticky footer.
 */
import { joinSentences, t } from '../../core/i18n';
import { type ColumnKey, column, header } from '../../core/schema';
import { withNewest } from '../../core/newest-first';
import type { ClientCard, LoggedCard } from '../../contract/types';
import { contextLines, say } from '../card-text';
import { el } from '../dom';
import {
  KEEP,
  type LogField,
  type LogFormValues,
  afterSave,
  checkLogForm,
  firstProblem,
  logFieldRequired,
  loggedLine,
  problemsByField,
  summaryRequired,
  toEntry,
  withValue,
} from '../log-form';
import type { App } from './app';
import { listField, personField, textField } from './fields';
import { clientPicker } from './picker';

/** Whether the schema says the column is typed over several lines (a text area). */
function multiline(key: ColumnKey<'contacts'>): boolean {
  return column('contacts', key).multiline === true;
}

/** The control a field's problem points at. */
function controlOf(field: LogField): string {
  return field === 'clientId' ? 'client-search' : `log-${field}`;
}

function pickedClient(app: App): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const client = s.client;
  if (!client) return el('div');
  const card = s.card;
  const context = card ? contextLines(card, lang, app.ctx.today) : null;
  return el(
    'section',
    { class: 'picked', 'aria-labelledby': 'picked-client' },
    el(
      'div',
      { class: 'picked-head' },
      el('strong', { id: 'picked-client', text: card ? card.fields.name : client.name }),
      el('button', {
        type: 'button',
        id: 'log-change-client',
        class: 'link change',
        text: t(lang, 'sidebar.change'),
        onclick: () => {
          app.log = { ...app.log, client: null, card: null };
          app.focusId = 'client-search';
          app.render();
        },
      }),
    ),
    el('div', {
      class: 'meta',
      text: card
        ? [card.fields.contact, card.fields.phone, card.fields.id].filter((x) => x !== '').join(' · ')
        : [client.contact, client.phone, client.id].filter((x) => x !== '').join(' · '),
    }),
    context ? el('div', { id: 'log-context-state', class: `state ${card?.state ?? ''}`, text: context.state }) : null,
    ...(context?.lines ?? []).map((line) => el('div', { class: 'context-line', text: line })),
  );
}

export function logView(app: App): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const set = setter(app);

  const client = s.client
    ? pickedClient(app)
    : clientPicker({
        lang,
        required: true,
        problem: s.problems.clientId,
        search: (q) => app.rpc.searchClients(q, { limit: 20 }),
        onPick: (hit) => app.openClient(hit, 'log'),
        onAddNew: (q) => app.addNew(q),
        onError: (e) => ((app.log = { ...app.log, banner: { kind: 'error', message: app.fail(e) } }), app.render()),
      });

  const form = el(
    'form',
    { id: 'log-form', novalidate: true },
    client,
    ...whatHappenedSection(app, set),
    nextStepSection(app, set),
    moreSection(app, set),
    el('p', {
      class: 'hint',
      text: joinSentences([t(lang, 'sidebar.requiredNote'), t(lang, 'sidebar.saveKeys')], lang),
    }),
    saveFooter(app),
  );

  const submit = (): void => submitLog(app);
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

/** What happened: channel and outcome, the summary and objections, the result and the client's attitude. */
function whatHappenedSection(app: App, set: Setter): HTMLElement[] {
  const { lang } = app;
  const s = app.log;
  const col = (key: Parameters<typeof header<'contacts'>>[1]): string => header('contacts', key, lang);
  const base = { lang };
  const outcome = s.values.outcome;
  return [
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
        required: logFieldRequired('channel'),
      }),
      listField({
        ...base,
        id: 'log-outcome',
        label: col('outcome'),
        list: 'outcomes',
        blank: t(lang, 'sidebar.choose'),
        value: outcome,
        problem: s.problems.outcome,
        // Rebuilt for the required marks and the proposal; focus stays on Outcome (app.render).
        onInput: (v) => (set('outcome')(v), app.render()),
        required: logFieldRequired('outcome'),
      }),
    ),
    textField({
      ...base,
      id: 'log-summary',
      label: col('summary'),
      multiline: multiline('summary'),
      value: s.values.summary,
      problem: s.problems.summary,
      onInput: set('summary'),
      required: summaryRequired(outcome),
    }),
    textField({
      ...base,
      id: 'log-objections',
      label: col('objections'),
      multiline: multiline('objections'),
      value: s.values.objections,
      problem: s.problems.objections,
      onInput: set('objections'),
    }),
    el(
      'div',
      { class: 'row' },
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
    ),
  ];
}

/** Save, and what the last save did, in a footer that stays in view. */
function saveFooter(app: App): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const save = el('button', {
    type: 'submit',
    id: 'log-save',
    class: 'primary',
    disabled: s.saving,
    title: t(lang, 'sidebar.saveKeys'),
    text: t(lang, s.saving ? 'sidebar.saving' : 'sidebar.save'),
  });
  return el(
    'footer',
    { class: 'sticky-footer' },
    s.banner
      ? el('div', {
          id: 'log-banner',
          class: `banner ${s.banner.kind}`,
          role: s.banner.kind === 'error' ? 'alert' : 'status',
          text: say(lang, s.banner.message),
        })
      : null,
    save,
  );
}

type Setter = <K extends keyof LogFormValues>(key: K) => (value: string) => void;

/** Each field writes its value into the form's state as it is typed. */
function setter(app: App): Setter {
  return (key) => (value) => {
    const before = app.log.values.nextFollowUp;
    app.log = withValue(app.log, key, value as LogFormValues[typeof key]);
    // A proposal fills in the date without rebuilding the form (focus and typing stay put).
    if (app.log.values.nextFollowUp !== before) {
      const input = document.getElementById('log-nextFollowUp') as HTMLInputElement | null;
      if (input) input.value = app.log.values.nextFollowUp;
    }
  };
}

/** The next step: when (with the cadence's proposal), who, what. */
function nextStepSection(app: App, set: Setter): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const base = { lang };
  const outcome = s.values.outcome;
  let proposal: string | null = null;
  if (s.card && outcome === 'reached' && !s.nextFollowUpTouched)
    proposal = t(lang, 'sidebar.next.proposed', { grade: s.card.grade, days: s.card.intervalDays });
  else if (s.card && outcome !== '' && !s.nextFollowUpTouched)
    proposal = t(lang, app.ctx.skipWeekends ? 'sidebar.next.retryWorking' : 'sidebar.next.retry', {
      days: s.card.retryDays,
    });
  return el(
    'fieldset',
    {},
    el('legend', { text: t(lang, 'sidebar.section.next') }),
    textField({
      ...base,
      id: 'log-nextFollowUp',
      label: t(lang, 'sidebar.next.when'),
      type: 'date',
      value: s.values.nextFollowUp,
      problem: s.problems.nextFollowUp,
      onInput: set('nextFollowUp'),
    }),
    proposal ? el('div', { class: 'hint', id: 'log-proposal', text: proposal }) : null,
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
  );
}

/** More: the contact's date and who made it, the reason, the stage after, a grade set by hand. */
function moreSection(app: App, set: Setter): HTMLElement {
  const { lang } = app;
  const s = app.log;
  const base = { lang };
  const col = (key: Parameters<typeof header<'contacts'>>[1]): string => header('contacts', key, lang);
  return el(
    'details',
    {
      id: 'log-more',
      open: Boolean(
        s.problems.date || s.problems.by || s.problems.stageAfter || s.problems.reason || s.problems.gradeAfter,
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
      id: 'log-stageAfter',
      label: col('stageAfter'),
      list: 'stages',
      extra: [{ value: KEEP, label: t(lang, 'sidebar.keep') }],
      value: s.values.stageAfter,
      problem: s.problems.stageAfter,
      onInput: set('stageAfter'),
    }),
    listField({
      ...base,
      id: 'log-gradeAfter',
      label: header('clients', 'gradeOverride', lang),
      list: 'grades',
      extra: [
        { value: KEEP, label: t(lang, 'sidebar.keep') },
        { value: '', label: t(lang, 'sidebar.clearOverride') },
      ],
      value: s.values.gradeAfter,
      problem: s.problems.gradeAfter,
      onInput: set('gradeAfter'),
    }),
  );
}

/**
 * The card after a save: the history the server sent, else the one on screen with the saved contact
 * in its place (LoggedCard). With none on screen yet (the card was still loading), the card is asked
 * for again, quietly, and replaces this one when it comes.
 */
function savedCard(app: App, saved: LoggedCard): ClientCard {
  const { added, history: sent, ...update } = saved;
  const shown = app.card.card?.fields.id === update.fields.id ? app.card.card.history : null;
  if (sent !== undefined) return { ...update, history: sent };
  if (shown !== null)
    return { ...update, history: withNewest(shown, added, (h) => (h.date === null ? null : Date.parse(h.date))) };
  void app.rpc.getClientCard(update.fields.id).then((card) => {
    if (app.card.card?.fields.id !== card.fields.id) return;
    app.card = { ...app.card, card };
    if (app.log.client?.id === card.fields.id) app.log = { ...app.log, card };
    app.render();
  });
  return { ...update, history: [added] };
}

/** Checks the form, sends it, and shows what the server said: the saved line and notices, or each problem at its field. */
function submitLog(app: App): void {
  const col = (key: Parameters<typeof header<'contacts'>>[1]): string => header('contacts', key, app.lang);
  const refuse = (problems: typeof app.log.problems): void => {
    app.log = { ...app.log, saving: false, problems, banner: { kind: 'error', message: { key: 'sidebar.error.fix' } } };
    const first = firstProblem(problems);
    app.focusId = first === null ? 'log-save' : controlOf(first);
    app.render();
  };
  if (app.log.saving) return;
  const problems = checkLogForm(app.log, app.ctx.today, (f) => col(f));
  if (firstProblem(problems) !== null) {
    refuse(problems);
    return;
  }
  app.log = { ...app.log, saving: true, banner: null };
  app.render();
  app.rpc
    .logContact(toEntry(app.log))
    .then((result) => {
      if (!result.ok) {
        refuse(problemsByField(result.problems));
        return;
      }
      const card = savedCard(app, result.value);
      app.log = afterSave(app.log, card, app.ctx.me);
      app.log.banner = {
        kind: 'ok',
        message: joinSentences(
          [loggedLine(card, app.lang), ...result.notices.map((n) => say(app.lang, n.message))],
          app.lang,
        ),
      };
      app.card = { ...app.card, card };
      // Ready for the next contact with this client.
      app.focusId = 'log-outcome';
      app.render();
    })
    .catch((e) => {
      app.log = { ...app.log, saving: false, banner: { kind: 'error', message: app.fail(e) } };
      app.focusId = 'log-save';
      app.render();
    });
}
