/**
 * Labelled form controls bound to a state object: typing updates the state (never the other way
 * round while typing), and a problem for the field is shown under it, linked for screen readers.
 */
import { type Lang, type Message, render, t } from '../../core/i18n';
import { type ListName, LISTS } from '../../core/lists';
import { el, select } from '../dom';

export interface FieldOpts {
  id: string;
  label: string;
  value: string;
  problem?: Message;
  lang: Lang;
  onInput: (value: string) => void;
}

function wrap(opts: FieldOpts, control: HTMLElement): HTMLElement {
  const error = opts.problem
    ? el('div', { class: 'problem', id: `${opts.id}-problem`, role: 'alert', text: render(opts.lang, opts.problem) })
    : null;
  if (error) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', `${opts.id}-problem`);
  }
  return el(
    'div',
    { class: opts.problem ? 'field invalid' : 'field' },
    el('label', { for: opts.id, text: opts.label }),
    control,
    error,
  );
}

export function textField(opts: FieldOpts & { multiline?: boolean; type?: string; required?: boolean }): HTMLElement {
  const control = opts.multiline
    ? el('textarea', { id: opts.id, name: opts.id, rows: 3, required: opts.required })
    : el('input', { id: opts.id, name: opts.id, type: opts.type ?? 'text', required: opts.required });
  control.value = opts.value;
  control.addEventListener('input', () => opts.onInput(control.value));
  return wrap(opts, control);
}

/** A dropdown of a value list, labelled in the sidebar's language; values are the list's codes. */
export function listField(
  opts: FieldOpts & { list: ListName; blank?: string; extra?: { value: string; label: string }[]; required?: boolean },
): HTMLElement {
  const options = [
    ...(opts.extra ?? []),
    ...(opts.blank !== undefined ? [{ value: '', label: opts.blank }] : []),
    ...LISTS[opts.list].map((item) => ({ value: item.code, label: opts.lang === 'zh-CN' ? item.zh : item.en })),
  ];
  const control = select({ id: opts.id, name: opts.id, required: opts.required }, options, opts.value);
  control.addEventListener('change', () => opts.onInput(control.value));
  return wrap(opts, control);
}

/** A dropdown of Team names (typing a name is not needed: the server accepts Team names only). */
export function personField(opts: FieldOpts & { team: readonly string[] }): HTMLElement {
  const names = opts.team.includes(opts.value) || opts.value === '' ? opts.team : [opts.value, ...opts.team];
  const options = [{ value: '', label: t(opts.lang, 'sidebar.choose') }, ...names.map((n) => ({ value: n, label: n }))];
  const control = select({ id: opts.id, name: opts.id }, options, opts.value);
  control.addEventListener('change', () => opts.onInput(control.value));
  return wrap(opts, control);
}

export function checkboxField(opts: FieldOpts): HTMLElement {
  const control = el('input', { id: opts.id, name: opts.id, type: 'checkbox' });
  control.checked = opts.value === 'yes';
  control.addEventListener('change', () => opts.onInput(control.checked ? 'yes' : ''));
  return el('div', { class: 'field check' }, control, el('label', { for: opts.id, text: opts.label }));
}
