/**
 * The Add client view: the fields of a new client. While the name, phone or email is typed, the
 * server's duplicate rule (the one Save applies) is asked, debounced, and the clients it finds are
 * shown at the top, before Save. Save checks again, and only "Add anyway" adds past them.
 */
import { joinSentences, t } from '../../core/i18n';
import { column, header } from '../../core/schema';
import type { DuplicateCandidate } from '../../contract/types';
import {
  ADD_FIELDS,
  type AddField,
  checkAddForm,
  firstAddProblem,
  newAddForm,
  toFields,
  withProblems,
} from '../add-form';
import { say } from '../card-text';
import { LatestOnly, debounce } from '../debounce';
import { clear, el } from '../dom';
import type { App } from './app';
import { checkboxField, listField, personField, textField } from './fields';

const CHECKED_AS_TYPED: readonly AddField[] = ['name', 'phone', 'email'];
const DUPLICATE_DEBOUNCE_MS = 400;
const latestCheck = new LatestOnly();

/** The candidates, at the top of the form; once Save was refused for them, with "Add anyway" right after them. */
function duplicatesSection(
  app: App,
  duplicates: readonly DuplicateCandidate[],
  refused: { saving: boolean; addAnyway: () => void } | null,
): HTMLElement | null {
  const { lang } = app;
  if (duplicates.length === 0) return null;
  return el(
    'section',
    { id: 'add-duplicates', class: 'duplicates', tabindex: -1, role: refused ? 'alert' : 'status' },
    el('p', {
      text: refused
        ? t(lang, 'sidebar.duplicates.title')
        : t(lang, 'sidebar.duplicates.live', { count: duplicates.length }),
    }),
    el(
      'ul',
      {},
      ...duplicates.map((d, i) =>
        el(
          'li',
          {},
          el('span', { class: 'name', text: d.name }),
          el('span', { class: 'tag', text: d.reasons.map((r) => t(lang, `sidebar.duplicates.${r}`)).join(', ') }),
          el('span', {
            class: 'meta',
            text: [d.contact, d.phone, d.email, d.owner, d.id].filter((x) => x !== '').join(' · '),
          }),
          el('button', {
            type: 'button',
            id: `add-duplicate-open-${i}`,
            class: 'link',
            text: t(lang, 'sidebar.open'),
            onclick: () =>
              app.openClient(
                { id: d.id, name: d.name, contact: d.contact, phone: d.phone, owner: d.owner, mine: false },
                'card',
              ),
          }),
        ),
      ),
    ),
    refused
      ? el('button', {
          type: 'button',
          id: 'add-anyway',
          disabled: refused.saving,
          text: t(lang, 'sidebar.addAnyway'),
          onclick: refused.addAnyway,
        })
      : null,
  );
}

/** The duplicates found so far, redrawn in place: the form is not rebuilt under the typist (or their IME). */
function showDuplicates(app: App, found: DuplicateCandidate[]): void {
  app.add = { ...app.add, duplicates: found, refusedForDuplicates: false };
  const slot = document.getElementById('add-duplicates-slot');
  if (!slot) return;
  clear(slot);
  const section = duplicatesSection(app, found, null);
  if (section) slot.appendChild(section);
}

/** Asks the server's duplicate rule about the name, phone and email as they are now; the latest answer wins. */
export function checkDuplicatesNow(app: App): void {
  const ticket = latestCheck.next();
  const v = app.add.values;
  app.rpc
    .checkDuplicates({ name: v.name, phone: v.phone, email: v.email })
    .then((found) => {
      // An answer arriving during or after a Save that was refused for duplicates must not hide "Add anyway".
      const current = latestCheck.isLatest(ticket) && app.view === 'add';
      if (current && !app.add.saving && !app.add.refusedForDuplicates) showDuplicates(app, found);
    })
    // A failed check costs only the early warning: Save checks again.
    .catch(() => undefined);
}

const checkDuplicatesSoon = debounce((app: App) => checkDuplicatesNow(app), DUPLICATE_DEBOUNCE_MS, {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as number),
});

export function addView(app: App): HTMLElement {
  const { lang } = app;
  const s = app.add;
  const name = (key: AddField): string => header('clients', key, lang);

  const set =
    (key: AddField) =>
    (value: string): void => {
      app.add = {
        ...app.add,
        values: { ...app.add.values, [key]: value },
        problems: { ...app.add.problems, [key]: undefined },
        // What Save was refused for has changed: the check as typed takes over again.
        refusedForDuplicates: app.add.refusedForDuplicates && !CHECKED_AS_TYPED.includes(key),
      };
      if (CHECKED_AS_TYPED.includes(key)) checkDuplicatesSoon(app);
    };
  const fields = ADD_FIELDS.map((key) => {
    const def = column('clients', key);
    const opts = {
      lang,
      id: `add-${key}`,
      label: name(key),
      value: s.values[key],
      problem: s.problems[key],
      onInput: set(key),
    };
    if (def.type === 'boolean') return checkboxField(opts);
    if (def.type === 'enum' && def.list) return listField({ ...opts, list: def.list, blank: '' });
    if (def.type === 'person') return personField({ ...opts, team: app.ctx.team });
    if (def.type === 'date') return textField({ ...opts, type: 'date' });
    return textField({
      ...opts,
      type: def.input ?? 'text',
      multiline: def.multiline === true,
      required: def.entry === 'required',
    });
  });

  const submit = (allowDuplicate: boolean): void => {
    if (app.add.saving) return;
    const problems = checkAddForm(app.add, name);
    const first = firstAddProblem(problems);
    if (first !== null) {
      app.add = { ...withProblems(app.add, []), problems, duplicates: app.add.duplicates };
      app.focusId = `add-${first}`;
      app.render();
      return;
    }
    app.add = { ...app.add, saving: true, banner: null };
    latestCheck.next();
    app.render();
    app.rpc
      .addClient(toFields(app.add), { allowDuplicate })
      .then((result) => {
        if (result.ok) {
          const f = result.value.fields;
          app.add = newAddForm(app.ctx.me);
          app.card = {
            ...app.card,
            card: result.value,
            error: null,
            notice: t(app.lang, 'sidebar.added', { name: f.name, id: f.id }),
          };
          app.focusId = 'card-log';
          app.show('card');
          return;
        }
        if (result.duplicates.length > 0) {
          app.add = {
            ...app.add,
            saving: false,
            duplicates: result.duplicates,
            refusedForDuplicates: true,
            problems: {},
            banner: null,
          };
          app.focusId = 'add-duplicates';
        } else {
          app.add = withProblems(app.add, result.problems);
          const firstRefused = firstAddProblem(app.add.problems);
          app.focusId = firstRefused === null ? 'add-save' : `add-${firstRefused}`;
        }
        app.render();
      })
      .catch((e) => {
        app.add = { ...app.add, saving: false, banner: { kind: 'error', message: app.fail(e) } };
        app.focusId = 'add-save';
        app.render();
      });
  };

  const refused = s.refusedForDuplicates && s.duplicates.length > 0;
  const footer = el(
    'footer',
    { class: 'sticky-footer' },
    s.banner
      ? el('div', {
          id: 'add-banner',
          class: `banner ${s.banner.kind}`,
          role: s.banner.kind === 'error' ? 'alert' : 'status',
          text: say(lang, s.banner.message),
        })
      : null,
    el(
      'div',
      { class: 'buttons' },
      el('button', {
        type: 'submit',
        id: 'add-save',
        class: 'primary',
        disabled: s.saving,
        text: t(lang, s.saving ? 'sidebar.saving' : 'sidebar.save'),
      }),
    ),
  );
  const form = el(
    'form',
    { id: 'add-form', novalidate: true },
    el(
      'div',
      { id: 'add-duplicates-slot' },
      duplicatesSection(app, s.duplicates, refused ? { saving: s.saving, addAnyway: () => submit(true) } : null),
    ),
    ...fields,
    el('p', {
      class: 'hint',
      text: joinSentences([t(lang, 'sidebar.requiredNote'), t(lang, 'sidebar.saveKeys')], lang),
    }),
    footer,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit(false);
    }
  });
  return form;
}
