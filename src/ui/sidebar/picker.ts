/**
 * The client picker: search-as-you-type (debounced; stale answers dropped), results as a listbox
 * navigable with the arrow keys, Enter to pick, Escape to clear.
 */
import { type Lang, t } from '../../core/i18n';
import type { ClientHit, SearchResult } from '../../server/api-types';
import { LatestOnly, debounce } from '../debounce';
import { clear, el } from '../dom';

export interface PickerOpts {
  lang: Lang;
  search: (query: string) => Promise<SearchResult>;
  onPick: (hit: ClientHit) => void;
  onError: (error: Error) => void;
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
    autocomplete: 'off',
    placeholder: t(opts.lang, 'sidebar.search.placeholder'),
  });
  const list = el('ul', { id: 'client-results', role: 'listbox', class: 'results' });
  const status = el('div', { class: 'hint', 'aria-live': 'polite' });
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

  const run = debounce(
    (query: string) => {
      const ticket = latest.next();
      opts
        .search(query)
        .then((result) => {
          if (!latest.isLatest(ticket)) return;
          hits = result.hits;
          active = hits.length > 0 ? 0 : -1;
          status.textContent =
            hits.length === 0
              ? t(opts.lang, 'sidebar.search.none', { query })
              : result.more
                ? t(opts.lang, 'sidebar.search.more')
                : '';
          paint();
        })
        .catch((e: Error) => {
          if (latest.isLatest(ticket)) opts.onError(e);
        });
    },
    DEBOUNCE_MS,
    { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
  );

  input.addEventListener('input', () => {
    const query = input.value.trim();
    if (query === '') {
      latest.next();
      hits = [];
      status.textContent = '';
      paint();
      return;
    }
    run(query);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length > 0) active = Math.min(hits.length - 1, active + 1);
    else if (e.key === 'ArrowUp' && hits.length > 0) active = Math.max(0, active - 1);
    else if (e.key === 'Enter' && active >= 0) opts.onPick(hits[active]);
    else if (e.key === 'Escape') {
      input.value = '';
      hits = [];
    } else return;
    e.preventDefault();
    paint();
  });
  return el(
    'div',
    { class: 'picker' },
    el('label', { for: 'client-search', text: t(opts.lang, 'sidebar.search.label') }),
    input,
    list,
    status,
  );
}
