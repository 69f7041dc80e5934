/**
 * The add-on menu. onOpen may run in AuthMode.NONE (installed, not yet used in this file), where
 * only the user's locale may be read and the document may not be touched, so the language comes
 * from Session there; otherwise from the language setup stored in document properties.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
import { type Lang, type MessageKey, langFromLocale, t } from '../core/i18n';
import { storedLanguage } from './context';

/** A menu entry: a caption key and the exposed function it runs, or a sub-menu. */
export type MenuEntry =
  { caption: MessageKey; run: string } | { caption: MessageKey; items: MenuEntry[] } | 'separator';

/** The whole menu, declared once; each feature adds its entries here as it lands. */
export const MENU: readonly MenuEntry[] = [
  { caption: 'menu.setup', run: 'menuSetup' },
  { caption: 'menu.confirmRoles', run: 'menuConfirmRoles' },
  { caption: 'menu.logContact', run: 'menuOpenSidebar' },
  { caption: 'menu.addClient', run: 'menuAddClient' },
  { caption: 'menu.clientCard', run: 'menuClientCard' },
  { caption: 'menu.refresh', run: 'menuRefresh' },
  { caption: 'menu.poolRelease', run: 'menuPoolRelease' },
  { caption: 'menu.import', run: 'menuImport' },
  {
    caption: 'menu.reports',
    items: [
      { caption: 'menu.report.daily', run: 'menuReportDaily' },
      { caption: 'menu.report.monthly', run: 'menuReportMonthly' },
      { caption: 'menu.report.funnel', run: 'menuReportFunnel' },
      { caption: 'menu.report.overdue', run: 'menuReportOverdue' },
      { caption: 'menu.report.churn', run: 'menuReportChurn' },
      { caption: 'menu.report.validity', run: 'menuReportValidity' },
      { caption: 'menu.report.persistence', run: 'menuReportPersistence' },
      'separator',
      { caption: 'menu.reportsAll', run: 'menuReportsAll' },
    ],
  },
  {
    caption: 'menu.schedule',
    items: [
      { caption: 'menu.scheduleOn', run: 'menuScheduleOn' },
      { caption: 'menu.scheduleOff', run: 'menuScheduleOff' },
      { caption: 'menu.scheduleRun', run: 'menuScheduleRunNow' },
      { caption: 'menu.scheduleStatus', run: 'menuScheduleStatus' },
    ],
  },
  { caption: 'menu.previewEmail', run: 'menuPreviewEmail' },
  { caption: 'menu.selfCheck', run: 'menuSelfCheck' },
];

function menuLanguage(e: GoogleAppsScript.Events.SheetsOnOpen | undefined): Lang {
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return langFromLocale(Session.getActiveUserLocale());
  return storedLanguage() ?? langFromLocale(Session.getActiveUserLocale());
}

function addEntries(
  menu: GoogleAppsScript.Base.Menu,
  ui: GoogleAppsScript.Base.Ui,
  entries: readonly MenuEntry[],
  lang: Lang,
): void {
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else if ('run' in entry) menu.addItem(t(lang, entry.caption), entry.run);
    else {
      const sub = ui.createMenu(t(lang, entry.caption));
      addEntries(sub, ui, entry.items, lang);
      menu.addSubMenu(sub);
    }
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLanguage(e);
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  addEntries(menu, ui, MENU, lang);
  menu.addToUi();
}

/** Installed from inside the editor: runs in FULL; the usual body is onOpen. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
