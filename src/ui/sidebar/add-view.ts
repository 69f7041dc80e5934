/** The Add client view: the fields of a new client; duplicates found by the server are shown to pick from. */
import { t } from '../../core/i18n';
import { type ColumnDef, CLIENT_COLUMNS, header } from '../../core/schema';
import { ADD_FIELDS, type AddField, newAddForm, toFields, withProblems } from '../add-form';
import { say } from '../card-text';
import { el } from '../dom';
import type { App } from './app';
import { checkboxField, listField, personField, textField } from './fields';

export function addView(app: App): HTMLElement {
  const { lang } = app;
  const s = app.add;
  const set =
    (key: AddField) =>
    (value: string): void => {
      app.add = {
        ...app.add,
        values: { ...app.add.values, [key]: value },
        problems: { ...app.add.problems, [key]: undefined },
      };
    };
  const fields = ADD_FIELDS.map((key) => {
    const def = (CLIENT_COLUMNS as readonly ColumnDef[]).find((c) => c.key === key) as ColumnDef;
    const opts = {
      lang,
      id: `add-${key}`,
      label: header('clients', key, lang),
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
      type: key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text',
      multiline: key === 'notes' || key === 'need',
      required: key === 'name',
    });
  });

  const submit = (allowDuplicate: boolean): void => {
    if (app.add.saving) return;
    app.add = { ...app.add, saving: true, banner: null };
    app.render();
    app.rpc
      .addClient(toFields(app.add), { allowDuplicate })
      .then((result) => {
        if (result.ok) {
          app.add = { ...newAddForm(app.ctx.me), banner: { kind: 'ok', message: { key: 'sidebar.saved' } } };
          app.card = { ...app.card, card: result.value, error: null };
          app.show('card');
          return;
        }
        app.add =
          result.duplicates.length > 0
            ? { ...app.add, saving: false, duplicates: result.duplicates, problems: {}, banner: null }
            : withProblems(app.add, result.problems);
        app.render();
      })
      .catch((e) => {
        app.add = { ...app.add, saving: false, banner: { kind: 'error', message: app.fail(e) } };
        app.render();
      });
  };

  const duplicates =
    s.duplicates.length === 0
      ? null
      : el(
          'section',
          { class: 'duplicates', role: 'alert' },
          el('p', { text: t(lang, 'sidebar.duplicates.title') }),
          el(
            'ul',
            {},
            ...s.duplicates.map((d) =>
              el(
                'li',
                {},
                el('span', { class: 'name', text: d.name }),
                el('span', {
                  class: 'meta',
                  text: [d.contact, d.phone, d.email, d.owner, d.id].filter((x) => x !== '').join(' · '),
                }),
                el('span', { class: 'tag', text: d.reasons.map((r) => t(lang, `sidebar.duplicates.${r}`)).join(', ') }),
                el('button', {
                  type: 'button',
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
          el('button', {
            type: 'button',
            id: 'add-anyway',
            disabled: s.saving,
            text: t(lang, 'sidebar.addAnyway'),
            onclick: () => submit(true),
          }),
        );

  const form = el(
    'form',
    { id: 'add-form', novalidate: true },
    s.banner ? el('div', { class: `banner ${s.banner.kind}`, role: 'alert', text: say(lang, s.banner.message) }) : null,
    ...fields,
    duplicates,
    el('button', {
      type: 'submit',
      id: 'add-save',
      class: 'primary',
      disabled: s.saving,
      text: t(lang, s.saving ? 'sidebar.saving' : 'sidebar.save'),
    }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  return form;
}
