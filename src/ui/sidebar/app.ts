/**
 * The sidebar: three views (Log contact, Add client, Client card), English or Chinese at the click
 * of a button. State lives here in plain objects (src/ui/*-form.ts); the DOM is rebuilt from it on
 * view changes, so what the user typed survives errors and language switches.
 */
import { type Lang, langFromLocale, nextLang, t } from '../../core/i18n';
import type { ClientCard, ClientHit, SidebarContext, SidebarView } from '../../contract/types';
import { type AddFormState, newAddForm, prefilled } from '../add-form';
import { say } from '../card-text';
import { clear, el } from '../dom';
import { type LogFormState, newLogForm, withClient } from '../log-form';
import type { Rpc } from '../rpc';
import { addView, checkDuplicatesNow } from './add-view';
import { cardView } from './card-view';
import { logView } from './log-view';

export interface CardState {
  card: ClientCard | null;
  loading: boolean;
  error: string | null;
  handover: { owner: string; reason: string; problems: Record<string, string> };
  /** a sentence after an action that succeeded (e.g. how many clients were handed over) */
  notice: string | null;
  busy: boolean;
}

export interface App {
  rpc: Rpc;
  ctx: SidebarContext;
  lang: Lang;
  view: SidebarView;
  log: LogFormState;
  add: AddFormState;
  card: CardState;
  /** the control to focus after the next render (kept until it exists, e.g. once a card has loaded) */
  focusId: string | null;
  render(): void;
  show(view: SidebarView): void;
  /** Add client, prefilled with what a search found nothing for. */
  addNew(query: string): void;
  /** Opens a client in the card view (or picks it in the log view). */
  openClient(hit: ClientHit, view: SidebarView): void;
  /** Shows a card the server just returned (after a claim or a hand-over), without asking for it again. */
  showCard(card: ClientCard): void;
  fail(error: unknown): string;
}

function hitOf(card: ClientCard): ClientHit {
  const f = card.fields;
  return { id: f.id, name: f.name, contact: f.contact, phone: f.phone, owner: f.owner, mine: false };
}

export function mountSidebar(root: HTMLElement, rpc: Rpc): void {
  const app: App = {
    rpc,
    ctx: null as unknown as SidebarContext,
    lang: 'en',
    view: 'log',
    log: newLogForm(''),
    add: newAddForm(''),
    card: {
      card: null,
      loading: false,
      error: null,
      handover: { owner: '', reason: '', problems: {} },
      busy: false,
      notice: null,
    },
    focusId: null,
    render,
    show(view) {
      app.view = view;
      render();
    },
    addNew(query) {
      app.add = prefilled(newAddForm(app.ctx.me), query);
      app.focusId = app.add.values.name === '' ? 'add-name' : 'add-contact';
      app.show('add');
      checkDuplicatesNow(app);
    },
    openClient(hit, view) {
      app.view = view;
      // The next useful field: Outcome in Log contact; in the card, logging a contact.
      app.focusId = view === 'log' ? 'log-outcome' : 'card-log';
      app.card = { ...app.card, loading: true, error: null, notice: view === 'card' ? app.card.notice : null };
      if (view === 'log') app.log = withClient(app.log, hit, null);
      render();
      rpc
        .getClientCard(hit.id)
        .then((card) => {
          app.card = { ...app.card, card, loading: false };
          if (app.log.client?.id === card.fields.id) app.log = withClient(app.log, hitOf(card), card);
          render();
        })
        .catch((e) => {
          app.card = { ...app.card, loading: false, error: app.fail(e) };
          app.focusId = null;
          render();
        });
    },
    showCard(card) {
      app.view = 'card';
      app.focusId = 'card-log';
      app.card = { ...app.card, card, loading: false, busy: false, error: null };
      if (app.log.client?.id === card.fields.id) app.log = withClient(app.log, hitOf(card), card);
      render();
    },
    fail(error) {
      const text = error instanceof Error ? error.message : String(error);
      return text === '' ? t(app.lang, 'sidebar.error.server', { error: '?' }) : text;
    },
  };

  function tabs(): HTMLElement {
    const views: SidebarView[] = ['log', 'add', 'card'];
    const bar = el('nav', { class: 'tabs', role: 'tablist' });
    for (const v of views) {
      bar.appendChild(
        el('button', {
          type: 'button',
          role: 'tab',
          id: `tab-${v}`,
          'aria-selected': app.view === v ? 'true' : 'false',
          class: app.view === v ? 'tab current' : 'tab',
          text: t(app.lang, `sidebar.tab.${v}`),
          onclick: () => app.show(v),
        }),
      );
    }
    bar.appendChild(
      el('button', {
        type: 'button',
        id: 'switch-language',
        class: 'lang',
        lang: nextLang(app.lang),
        text: t(app.lang, 'sidebar.switchLanguage'),
        onclick: () => {
          app.lang = nextLang(app.lang);
          render();
        },
      }),
    );
    return bar;
  }

  /**
   * Rebuilds the view from the state. Focus stays where it was (the same control, rebuilt), unless a
   * view asked for another one; the focused control is scrolled into view above the sticky footer.
   */
  function render(): void {
    const active = document.activeElement;
    const was = active instanceof HTMLElement && active.id !== '' ? active.id : null;
    const caret =
      active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active.selectionStart : null;
    clear(root);
    document.documentElement.lang = app.lang;
    root.appendChild(tabs());
    if (app.ctx.settingsFallback) {
      root.appendChild(
        el('p', {
          id: 'settings-fallback',
          class: 'banner',
          role: 'status',
          text: say(app.lang, app.ctx.settingsFallback),
        }),
      );
    }
    const body = el('main', { id: `view-${app.view}`, role: 'tabpanel', 'aria-labelledby': `tab-${app.view}` });
    if (app.view === 'log') body.appendChild(logView(app));
    else if (app.view === 'add') body.appendChild(addView(app));
    else body.appendChild(cardView(app));
    root.appendChild(body);
    const wanted = app.focusId === null ? null : document.getElementById(app.focusId);
    if (wanted) app.focusId = null;
    const target = wanted ?? (was === null ? null : document.getElementById(was));
    if (!target) return;
    target.focus({ preventScroll: true });
    if (!wanted && caret !== null && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
      try {
        target.setSelectionRange(caret, caret);
      } catch {
        // Some input types (email) have no caret to set.
      }
    }
    if (wanted) target.scrollIntoView({ block: 'nearest' });
  }

  // The server set the page's language (gas/sidebar/open.ts inLanguage) before sidebarContext says it.
  const bootLang = langFromLocale(document.documentElement.lang);
  root.appendChild(el('p', { class: 'hint', text: t(bootLang, 'sidebar.loading') }));
  rpc
    .sidebarContext()
    .then((ctx) => {
      app.ctx = ctx;
      app.lang = ctx.lang;
      app.log = newLogForm(ctx.me);
      app.add = newAddForm(ctx.me);
      app.view = ctx.view;
      app.focusId = ctx.view === 'add' ? 'add-name' : 'client-search';
      render();
      // The row index, built in the background once the sidebar shows (a card opened now builds it).
      if (!ctx.selectedClientId) rpc.warmClientRows().catch(() => undefined);
      if (ctx.selectedClientId) {
        app.openClient(
          { id: ctx.selectedClientId, name: ctx.selectedClientId, contact: '', phone: '', owner: '', mine: false },
          ctx.view === 'add' ? 'log' : ctx.view,
        );
        if (ctx.view === 'add') {
          app.focusId = 'add-name';
          app.show('add');
        }
      }
    })
    .catch((e) => {
      clear(root);
      root.appendChild(el('p', { class: 'banner error', role: 'alert', text: say(bootLang, app.fail(e)) }));
    });
}
