/**
 * The sidebar: three views (Log contact, Add client, Client card), English or Chinese at the click
 * of a button. State lives here in plain objects (src/ui/*-form.ts); the DOM is rebuilt from it on
 * view changes, so what the user typed survives errors and language switches.
 */
import { type Lang, t } from '../../core/i18n';
import type { ClientCard, ClientHit, SidebarContext, SidebarView } from '../../server/api-types';
import { type AddFormState, newAddForm } from '../add-form';
import { say } from '../card-text';
import { clear, el } from '../dom';
import { type LogFormState, newLogForm, withClient } from '../log-form';
import type { Rpc } from '../rpc';
import { addView } from './add-view';
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
  render(): void;
  show(view: SidebarView): void;
  /** Opens a client in the card view (or picks it in the log view). */
  openClient(hit: ClientHit, view: SidebarView): void;
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
    render,
    show(view) {
      app.view = view;
      render();
    },
    openClient(hit, view) {
      app.view = view;
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
          render();
        });
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
        lang: app.lang === 'en' ? 'zh-CN' : 'en',
        text: t(app.lang, 'sidebar.switchLanguage'),
        onclick: () => {
          app.lang = app.lang === 'en' ? 'zh-CN' : 'en';
          render();
        },
      }),
    );
    return bar;
  }

  function render(): void {
    clear(root);
    document.documentElement.lang = app.lang;
    root.appendChild(tabs());
    const body = el('main', { id: `view-${app.view}`, role: 'tabpanel', 'aria-labelledby': `tab-${app.view}` });
    if (app.view === 'log') body.appendChild(logView(app));
    else if (app.view === 'add') body.appendChild(addView(app));
    else body.appendChild(cardView(app));
    root.appendChild(body);
  }

  root.appendChild(el('p', { class: 'hint', text: t('en', 'sidebar.loading') }));
  rpc
    .sidebarContext()
    .then((ctx) => {
      app.ctx = ctx;
      app.lang = ctx.lang;
      app.log = newLogForm(ctx.me);
      app.add = newAddForm(ctx.me);
      app.view = ctx.view;
      render();
      if (ctx.selectedClientId) {
        app.openClient(
          { id: ctx.selectedClientId, name: ctx.selectedClientId, contact: '', phone: '', owner: '', mine: false },
          ctx.view === 'add' ? 'log' : ctx.view,
        );
        if (ctx.view === 'add') app.show('add');
      }
    })
    .catch((e) => {
      clear(root);
      root.appendChild(el('p', { class: 'banner error', role: 'alert', text: say('en', app.fail(e)) }));
    });
}
