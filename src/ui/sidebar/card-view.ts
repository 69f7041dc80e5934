/** The Client card view: who, grade and why, follow-up state, next step, actions, and the history timeline. */
import { type Message, joinSentences, t } from '../../core/i18n';
import { gradeLine, historyLines, labelOf, nextLine, say, stateText } from '../card-text';
import { el } from '../dom';
import type { CardUpdate, ClientCard } from '../../contract/types';
import type { App } from './app';
import { personField, textField } from './fields';
import { clientPicker } from './picker';

/**
 * Handing over all of a person's clients is its own step, away from the one-client button: the
 * sidebar first asks the server how many clients the person owns, shows that number, and sends it
 * with the hand-over; the server refuses when the number changed meanwhile (docs/roles.md). Kept here,
 * per card, so the rest of the sidebar's state is untouched. Offered only to managers and directors
 * (SidebarContext.mayHandOverAll); a salesperson's card does not show it.
 */
interface HandOverAllState {
  clientId: string;
  from: string;
  count: number | null;
  owner: string;
  reason: string;
}

let all: HandOverAllState | null = null;

function allFor(clientId: string, from: string): HandOverAllState {
  if (all === null || all.clientId !== clientId || all.from !== from) {
    all = { clientId, from, count: null, owner: '', reason: '' };
  }
  return all;
}

export function cardView(app: App): HTMLElement {
  const { lang } = app;
  const s = app.card;
  const picker = clientPicker({
    lang,
    search: (q) => app.rpc.searchClients(q, { limit: 20 }),
    // A sentence about the previous client (added, handed over) does not belong to the next one.
    onPick: (hit) => ((app.card = { ...app.card, notice: null }), app.openClient(hit, 'card')),
    onAddNew: (q) => app.addNew(q),
    onError: (e) => ((app.card = { ...app.card, error: app.fail(e) }), app.render()),
  });
  if (s.loading) return el('section', {}, picker, el('p', { class: 'hint', text: t(lang, 'sidebar.loading') }));
  const error = s.error ? el('div', { class: 'banner error', role: 'alert', text: s.error }) : null;
  const notice = s.notice ? el('div', { class: 'banner ok', role: 'status', text: s.notice }) : null;
  const card = s.card;
  if (!card) return el('section', {}, picker, error, el('p', { class: 'hint', text: t(lang, 'sidebar.card.empty') }));
  const actions = cardActions(app, card);
  return el(
    'section',
    { id: 'client-card' },
    picker,
    error,
    notice,
    ...summary(app, card),
    actionButtons(app, card, actions),
    handOverSection(app, actions),
    handOverAllSection(app, card, actions),
    ...historySection(app, card),
  );
}

/** What the card's buttons do: claim, hand over one client or all of a person's, then reopen the card. */
interface CardActions {
  act: (run: () => Promise<{ ok: boolean; value?: unknown }>) => void;
  handOver: () => void;
  countAll: () => void;
  handOverAll: () => void;
  everyone: HandOverAllState;
}

function cardActions(app: App, card: ClientCard): CardActions {
  const { lang } = app;
  const f = card.fields;
  // A claim or a hand-over of this client answers with its card as saved, without the history it does
  // not change: shown with the history already on screen (a second round trip for the same card would
  // double the wait). Anything else reopens the card.
  const act = (run: () => Promise<{ ok: boolean; value?: unknown }>): void => {
    app.card = { ...app.card, busy: true, error: null };
    app.render();
    run()
      .then((r) => {
        const saved = r.value as CardUpdate | undefined;
        if (saved?.fields?.id === f.id) app.showCard({ ...saved, history: card.history });
        else
          app.openClient(
            { id: f.id, name: f.name, contact: f.contact, phone: f.phone, owner: f.owner, mine: false },
            'card',
          );
      })
      .catch((e) => {
        app.card = { ...app.card, busy: false, error: app.fail(e) };
        app.render();
      });
  };
  const everyone = allFor(f.id, f.owner);
  /** One hand-over call: a refused one marks its fields and keeps what was typed. */
  const handOverWith = <T>(
    call: () => Promise<
      | { ok: true; value: T; notices: { message: Message }[] }
      | { ok: false; problems: { field: string; message: Message }[] }
    >,
    many = false,
  ): void =>
    act(() =>
      call().then((r) => {
        app.card = { ...app.card, busy: false };
        if (!r.ok) {
          // The hand-over of all shows its refusal in the card's banner; the one-client form marks its fields.
          const problems = Object.fromEntries(r.problems.map((p) => [p.field, say(lang, p.message)]));
          if (!many) app.card.handover = { ...app.card.handover, problems };
          throw new Error(
            joinSentences(
              r.problems.map((p) => say(lang, p.message)),
              lang,
            ),
          );
        }
        if (many) all = null;
        else app.card.handover = { owner: '', reason: '', problems: {} };
        // The server's own sentences (e.g. how many clients were handed over), in the sidebar's language.
        app.card.notice =
          joinSentences(
            r.notices.map((n) => say(lang, n.message)),
            lang,
          ) || null;
        return r;
      }),
    );
  // The form's values as they are when the button is pressed (inputs update app.card.handover without a re-render).
  const handOver = (): void =>
    handOverWith(() => app.rpc.reassignClient(f.id, app.card.handover.owner, app.card.handover.reason));
  // Someone left: first how many clients they own, then every one of them, if that is still the number.
  const countAll = (): void => {
    app.card = { ...app.card, busy: true, error: null };
    app.render();
    app.rpc
      .countClientsOf(f.owner)
      .then((c) => {
        everyone.count = c.count;
        app.card = { ...app.card, busy: false };
        app.render();
      })
      .catch((e) => {
        app.card = { ...app.card, busy: false, error: app.fail(e) };
        app.render();
      });
  };
  const handOverAll = (): void => {
    const count = everyone.count;
    if (count === null) return;
    handOverWith(() => app.rpc.reassignClients(f.owner, everyone.owner, everyone.reason, count), true);
  };

  return { act, handOver, countAll, handOverAll, everyone };
}

/** Who, how to reach them, the owner, the state and stage, the grade and why, the next step. */
function summary(app: App, card: ClientCard): HTMLElement[] {
  const { lang } = app;
  const f = card.fields;
  return [
    el('h2', { id: 'card-name', tabindex: -1, text: f.name }),
    el('div', {
      class: 'meta',
      text: [f.contact, f.title, f.phone, f.email, f.id].filter((x) => x !== '').join(' · '),
    }),
    el('div', {
      class: 'meta',
      text: f.owner ? t(lang, 'sidebar.card.owner', { owner: f.owner }) : t(lang, 'sidebar.card.inPool'),
    }),
    el('div', {
      class: `state ${card.state}`,
      text: [stateText(card, lang, app.ctx.today), labelOf('stages', f.stage, lang)]
        .filter((x) => x !== '')
        .join(' · '),
    }),
    el('div', { class: 'grade', text: gradeLine(card, lang) }),
    el('ul', { class: 'reasons' }, ...card.gradeReasons.map((r) => el('li', { text: say(lang, r) }))),
    el('div', { class: 'next', text: nextLine(card, lang) }),
  ];
}

/** Log a contact here; claim a pool client. */
function actionButtons(app: App, card: ClientCard, { act }: CardActions): HTMLElement {
  const { lang } = app;
  const s = app.card;
  const f = card.fields;
  return el(
    'div',
    { class: 'actions' },
    el('button', {
      type: 'button',
      id: 'card-log',
      class: 'primary',
      text: t(lang, 'sidebar.card.logHere'),
      onclick: () =>
        app.openClient(
          { id: f.id, name: f.name, contact: f.contact, phone: f.phone, owner: f.owner, mine: false },
          'log',
        ),
    }),
    f.owner === ''
      ? el('button', {
          type: 'button',
          id: 'card-claim',
          disabled: s.busy,
          text: t(lang, 'sidebar.card.claim'),
          onclick: () =>
            act(() =>
              app.rpc.claimClient(f.id).then((r) =>
                r.ok
                  ? r
                  : Promise.reject(
                      new Error(
                        joinSentences(
                          r.problems.map((p) => say(lang, p.message)),
                          lang,
                        ),
                      ),
                    ),
              ),
            ),
        })
      : null,
  );
}

/** Hand this client to a colleague, with a reason. */
function handOverSection(app: App, { handOver }: CardActions): HTMLElement {
  const { lang } = app;
  const s = app.card;
  const handover = app.card.handover;
  return el(
    'details',
    {},
    el('summary', { text: t(lang, 'sidebar.card.handOver') }),
    personField({
      lang,
      id: 'handover-owner',
      label: t(lang, 'sidebar.card.newOwner'),
      team: app.ctx.team,
      value: handover.owner,
      onInput: (v) => (app.card.handover = { ...app.card.handover, owner: v }),
    }),
    textField({
      lang,
      id: 'handover-reason',
      label: t(lang, 'sidebar.card.reason'),
      value: handover.reason,
      onInput: (v) => (app.card.handover = { ...app.card.handover, reason: v }),
    }),
    el('button', {
      type: 'button',
      id: 'handover-save',
      disabled: s.busy,
      text: t(lang, 'sidebar.card.handOver'),
      onclick: handOver,
    }),
  );
}

/** A manager or director hands over every client of someone who left: count first, then all. */
function handOverAllSection(
  app: App,
  card: ClientCard,
  { countAll, handOverAll, everyone }: CardActions,
): HTMLElement | null {
  const { lang } = app;
  const s = app.card;
  const f = card.fields;
  return f.owner === '' || !app.ctx.mayHandOverAll
    ? null
    : el(
        'details',
        { id: 'handover-all-section', open: everyone.count !== null },
        el('summary', { text: t(lang, 'sidebar.card.handOverAll', { owner: f.owner }) }),
        everyone.count === null
          ? el('button', {
              type: 'button',
              id: 'handover-all-count',
              disabled: s.busy,
              text: t(lang, 'sidebar.card.countClients', { owner: f.owner }),
              onclick: countAll,
            })
          : el(
              'div',
              {},
              el('p', {
                id: 'handover-all-count-text',
                class: 'hint',
                text: t(lang, 'sidebar.card.countIs', { owner: f.owner, count: everyone.count }),
              }),
              personField({
                lang,
                id: 'handover-all-owner',
                label: t(lang, 'sidebar.card.newOwner'),
                team: app.ctx.team,
                value: everyone.owner,
                onInput: (v) => (everyone.owner = v),
              }),
              textField({
                lang,
                id: 'handover-all-reason',
                label: t(lang, 'sidebar.card.reason'),
                value: everyone.reason,
                onInput: (v) => (everyone.reason = v),
              }),
              el('button', {
                type: 'button',
                id: 'handover-all',
                disabled: s.busy || everyone.count === 0,
                text: t(lang, 'sidebar.card.handOverAllCount', { count: everyone.count }),
                onclick: handOverAll,
              }),
            ),
      );
}

/** Every contact, newest first. */
function historySection(app: App, card: ClientCard): HTMLElement[] {
  const { lang } = app;
  const history = el('ol', {
    class: 'timeline',
    'aria-label': t(lang, 'sidebar.card.history', { count: card.history.length }),
  });
  for (const entry of card.history) {
    const { heading, lines } = historyLines(entry, lang, app.ctx.timeZone);
    history.appendChild(
      el(
        'li',
        {},
        el('div', { class: 'when', text: heading }),
        ...lines.map((line) => el('div', { class: 'line', text: line })),
      ),
    );
  }

  return [
    el('h3', { text: t(lang, 'sidebar.card.history', { count: card.history.length }) }),
    card.history.length === 0 ? el('p', { class: 'hint', text: t(lang, 'sidebar.card.noHistory') }) : history,
  ];
}
