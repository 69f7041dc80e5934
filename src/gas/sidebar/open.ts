/**
 * Opening the sidebar from the menu, and what it asks for first: the workbook's language, who is
 * signed in, the Team, and the client under the cursor when the cursor is on the Clients tab.
 * Sidebars cannot be opened in AuthMode.LIMITED, hence menu items (FULL), never onOpen.
 */
import { warmSearch } from './search';
import { inLanguage } from '../../core/html-lang';
import { t } from '../../core/i18n';
import { allows } from '../../core/roles';
import type { SidebarContext, SidebarView } from '../../contract/types';
import { columnIndex, findTab, nameOf } from '../table';
import { openHeader } from './header-table';
import { warmRowIndex } from './row-index';
import { openSession } from './session';

const VIEW_KEY = 'ct.sidebar.view:';

/**
 * The view the menu asked for waits for sidebarContext in this file's cache, under the user's email:
 * an add-on's user cache spans every file the user opens (docs/google-readings.md).
 */
function viewKey(): string {
  return `${VIEW_KEY}${Session.getActiveUser().getEmail().trim().toLowerCase()}`;
}

function open(view: SidebarView): void {
  // The page is one static file; the view the menu asked for waits in the cache for sidebarContext.
  CacheService.getDocumentCache()?.put(viewKey(), view, 120);
  const s = openSession();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(s.ctx.lang, 'app.name'));
  SpreadsheetApp.getUi().showSidebar(html.setContent(inLanguage(html.getContent(), s.ctx.lang)));
}

export function menuOpenSidebar(): void {
  open('log');
}

export function menuAddClient(): void {
  open('add');
}

export function menuClientCard(): void {
  open('card');
}

function takeView(): SidebarView {
  const cache = CacheService.getDocumentCache();
  const view = cache?.get(viewKey());
  if (view) cache?.remove(viewKey());
  return view === 'add' || view === 'card' ? view : 'log';
}

/** The ID on the selected row of the Clients tab; null anywhere else. */
function selectedClientId(s: ReturnType<typeof openSession>): string | null {
  const sheet = s.ctx.ss.getActiveSheet();
  const clientsTab = findTab(s.sheets, 'clients');
  if (!sheet || clientsTab === null || sheet.getName() !== nameOf(clientsTab)) return null;
  const row = s.ctx.ss.getActiveRange()?.getRow() ?? 0;
  if (row < 2) return null;
  const clients = openHeader(s.sheets, 'clients', { lang: s.ctx.lang });
  if (row <= clients.headerRow) return null;
  const id = String(clients.sheet.getRange(row, columnIndex(clients, 'id') + 1).getValue() ?? '').trim();
  return id === '' ? null : id;
}

/**
 * Builds the row indexes of Contacts and Changes when none is cached (docs/row-index.md), so the first
 * card, claim or hand-over is as cheap as the next. The sidebar calls it once it has shown itself, so
 * opening it does not wait for the reads of the Client ID columns; answering nothing, it only costs
 * those reads, once for the file.
 */
export function warmClientRows(): void {
  const s = openSession();
  warmRowIndex(openHeader(s.sheets, 'contacts', { lang: s.ctx.lang }));
  warmRowIndex(openHeader(s.sheets, 'changes', { lang: s.ctx.lang }));
}

export function sidebarContext(): SidebarContext {
  const s = openSession();
  const { settings } = s;
  warmSearch(s);
  return {
    lang: s.ctx.lang,
    me: s.me,
    email: s.email,
    team: s.team.map((m) => m.name.trim()),
    today: s.today,
    timeZone: s.ctx.tz,
    selectedClientId: selectedClientId(s),
    view: takeView(),
    intervals: { A: settings.intervalA, B: settings.intervalB, C: settings.intervalC, D: settings.intervalD },
    skipWeekends: settings.skipWeekends,
    settingsFallback: s.settingsFallback,
    // The schedule plays no part in this permission.
    mayHandOverAll: allows(s.actor, 'handOverAll', { scheduleOn: false }).ok,
  };
}
