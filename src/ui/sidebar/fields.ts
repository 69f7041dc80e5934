/**
 * Labelled form controls bound to a state object: typing updates the state (never the other way
 * round while typing), and a problem for the field is shown under it, linked for screen readers.
 * A required field says so in its label (*) and to assistive technology (aria-required).
 */
import { type Lang, type Message, render, t } from '../../core/i18n';
import { type ListName, LISTS, itemLabel } from '../../core/lists';
import { el, select } from '../dom';

export interface FieldOpts {
  id: string;
  label: string;
  value: string;
  problem?: Message;
  lang: Lang;
  required?: boolean;
  onInput: (value: string) => void;
}

function wrap(opts: FieldOpts, control: HTMLElement, hint?: string): HTMLElement {
  const error = opts.problem
    ? el('div', { class: 'problem', id: `${opts.id}-problem`, text: render(opts.lang, opts.problem) })
    : null;
  const described = [error ? `${opts.id}-problem` : '', hint ? `${opts.id}-hint` : ''].filter((x) => x !== '');
  if (error) control.setAttribute('aria-invalid', 'true');
  if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
  if (opts.required) control.setAttribute('aria-required', 'true');
  return el(
    'div',
    { class: opts.problem ? 'field invalid' : 'field' },
    el(
      'label',
      { for: opts.id },
      opts.label,
      opts.required
        ? el('span', { class: 'req', title: t(opts.lang, 'sidebar.required'), 'aria-hidden': 'true', text: ' *' })
        : null,
    ),
    control,
    hint ? el('div', { class: 'hint', id: `${opts.id}-hint`, text: hint }) : null,
    error,
  );
}

/**
 * A text box; type 'date' is a plain text box for YYYY-MM-DD (one Tab stop, the same format in
 * both languages: the browser's date input shows the computer's locale and takes a stop per part).
 */
export function textField(opts: FieldOpts & { multiline?: boolean; type?: string }): HTMLElement {
  const isDate = opts.type === 'date';
  const control = opts.multiline
    ? el('textarea', { id: opts.id, name: opts.id, rows: 3 })
    : el('input', {
        id: opts.id,
        name: opts.id,
        type: isDate ? 'text' : (opts.type ?? 'text'),
        class: isDate ? 'day' : undefined,
        placeholder: isDate ? t(opts.lang, 'sidebar.dateHint') : undefined,
        inputmode: isDate ? 'numeric' : undefined,
        maxlength: isDate ? 10 : undefined,
        autocomplete: isDate ? 'off' : undefined,
      });
  control.value = opts.value;
  control.addEventListener('input', () => opts.onInput(control.value));
  return wrap(opts, control);
}

/** A dropdown of a value list, labelled in the sidebar's language; values are the list's codes. */
export function listField(
  opts: FieldOpts & { list: ListName; blank?: string; extra?: { value: string; label: string }[]; hint?: string },
): HTMLElement {
  const options = [
    ...(opts.extra ?? []),
    ...(opts.blank !== undefined ? [{ value: '', label: opts.blank || t(opts.lang, 'sidebar.none') }] : []),
    ...LISTS[opts.list].map((item) => ({ value: item.code, label: itemLabel(item, opts.lang) })),
  ];
  const control = select({ id: opts.id, name: opts.id }, options, opts.value);
  control.addEventListener('change', () => opts.onInput(control.value));
  return wrap(opts, control, opts.hint);
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
