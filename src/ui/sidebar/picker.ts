/**
 * The client picker: search-as-you-type (debounced; stale answers dropped), results as a listbox
 * navigable with the arrow keys, Enter to pick. Escape closes the list and keeps what was typed; a
 * second Escape clears the box. When nothing matches, it offers to add what was typed as a client.
 */
import { type Lang, type Message, render, t } from '../../core/i18n';
import type { ClientHit, SearchResult } from '../../contract/types';
import { LatestOnly, debounce } from '../debounce';
import { clear, el } from '../dom';

export interface PickerOpts {
  lang: Lang;
  search: (query: string) => Promise<SearchResult>;
  onPick: (hit: ClientHit) => void;
  onError: (error: Error) => void;
  /** "No client matches": add what was typed as a new client */
  onAddNew?: (query: string) => void;
  /** e.g. "Pick a client first": the box is marked and the sentence shown under it */
  problem?: Message;
  /** the form cannot be saved without a client (Log contact) */
  required?: boolean;
}

const DEBOUNCE_MS = 250;

export function hitLabel(hit: ClientHit): string {
  return [hit.name, hit.contact, hit.phone, hit.id].filter((x) => x !== '').join(' · ');
}

export function clientPicker(opts: PickerOpts): HTMLElement {
  const input = el('input', {
    id: 'client-search',
    type: 'search',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'client-results',
    'aria-autocomplete': 'list',
    'aria-invalid': opts.problem ? 'true' : undefined,
    'aria-required': opts.required ? 'true' : undefined,
    'aria-describedby': opts.problem ? 'client-search-problem' : undefined,
    autocomplete: 'off',
    placeholder: t(opts.lang, 'sidebar.search.placeholder'),
  });
  const list = el('ul', { id: 'client-results', role: 'listbox', class: 'results' });
  const status = el('div', { class: 'hint', id: 'client-search-status', 'aria-live': 'polite' });
  const latest = new LatestOnly();
  let hits: ClientHit[] = [];
  let active = -1;

  const paint = (): void => {
    clear(list);
    hits.forEach((hit, i) => {
      const item = el(
        'li',
        {
          role: 'option',
          id: `hit-${i}`,
          'aria-selected': i === active ? 'true' : 'false',
          class: i === active ? 'active' : '',
        },
        el('span', { class: 'name', text: hit.name }),
        hit.mine ? el('span', { class: 'tag', text: t(opts.lang, 'sidebar.search.mine') }) : null,
        el('span', {
          class: 'meta',
          text: [hit.contact, hit.phone, hit.owner, hit.id].filter((x) => x !== '').join(' · '),
        }),
      );
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        opts.onPick(hit);
      });
      list.appendChild(item);
    });
    input.setAttribute('aria-expanded', hits.length > 0 ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const say = (query: string, result: SearchResult): void => {
    clear(status);
    if (result.hits.length > 0) {
      if (result.more) status.textContent = t(opts.lang, 'sidebar.search.more');
      return;
    }
    status.appendChild(el('span', { text: t(opts.lang, 'sidebar.search.none', { query }) }));
    if (opts.onAddNew) {
      const add = opts.onAddNew;
      status.appendChild(
        el('button', {
          type: 'button',
          id: 'search-add-new',
          class: 'link',
          text: t(opts.lang, 'sidebar.search.addNew', { query }),
          onclick: () => add(query),
        }),
      );
    }
  };

  const run = debounce(
    (query: string) => {
      const ticket = latest.next();
      opts
        .search(query)
        .then((result) => {
          if (!latest.isLatest(ticket)) return;
          hits = result.hits;
          active = hits.length > 0 ? 0 : -1;
          say(query, result);
          paint();
        })
        .catch((e: Error) => {
          if (latest.isLatest(ticket)) opts.onError(e);
        });
    },
    DEBOUNCE_MS,
    { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
  );

  const close = (): void => {
    latest.next();
    hits = [];
    active = -1;
    clear(status);
    paint();
  };

  input.addEventListener('input', () => {
    const query = input.value.trim();
    if (query === '') close();
    else run(query);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length > 0) active = Math.min(hits.length - 1, active + 1);
    else if (e.key === 'ArrowUp' && hits.length > 0) active = Math.max(0, active - 1);
    else if (e.key === 'Enter' && active >= 0) opts.onPick(hits[active]);
    else if (e.key === 'Escape') {
      // First Escape closes the list (the query stays, to edit); the next one clears the box.
      if (hits.length > 0 || status.textContent !== '') close();
      else input.value = '';
    } else return;
    e.preventDefault();
    paint();
  });
  return el(
    'div',
    { class: opts.problem ? 'picker invalid' : 'picker' },
    el(
      'label',
      { for: 'client-search' },
      t(opts.lang, 'sidebar.search.label'),
      opts.required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null,
    ),
    input,
    opts.problem
      ? el('div', { class: 'problem', id: 'client-search-problem', text: render(opts.lang, opts.problem) })
      : null,
    list,
    status,
  );
}
