/**
 * Which of the add-on's own functions each CLI command runs. A command that is a menu item is found in
 * the menu onOpen builds (by its caption, in either language), so it runs exactly what a click runs;
 * otherwise by the function's name. The daily run prefers the time-driven trigger the add-on installed.
 * Features that have not landed yet are simply absent from the bundle: the command then says so.
 */
import { LANGS, t, type MessageKey } from '../../core/i18n';
import { triggerState, type MenuRecord } from '../emulator/services';
import type { Session } from '../session';
import type { CliMessage } from './messages';

export type FeatureCommand = 'roles' | 'refresh' | 'reports' | 'digest' | 'daily';

interface EntryPoint {
  /** the menu item's caption key, when the command is a menu item */
  menu?: MessageKey;
  /** exposed function names to try, in order */
  functions: readonly string[];
  /** menu click (a person at the screen) or time-driven (the scheduled run, as the trigger's creator) */
  kind: 'menu' | 'timeDriven';
  what: CliMessage;
}

export const ENTRY_POINTS: Record<FeatureCommand, EntryPoint> = {
  roles: { menu: 'menu.confirmRoles', functions: ['menuConfirmRoles'], kind: 'menu', what: 'what.roles' },
  refresh: { menu: 'menu.refresh', functions: ['menuRefresh'], kind: 'menu', what: 'what.refresh' },
  reports: {
    menu: 'menu.reportsAll',
    functions: ['menuReportsAll', 'menuAllReports'],
    kind: 'menu',
    what: 'what.reports',
  },
  digest: { functions: ['sendDigests', 'runDigests'], kind: 'timeDriven', what: 'what.digest' },
  daily: { functions: ['dailyRun', 'runDaily'], kind: 'timeDriven', what: 'what.daily' },
};

export interface ResolvedEntry {
  functionName: string;
  kind: 'menu' | 'timeDriven';
  /** for time-driven runs: whose account the run uses */
  runAs: string;
}

/** The function to run for a command, or null when this build of the add-on does not have it yet. */
export function resolveEntry(session: Session, command: FeatureCommand): ResolvedEntry | null {
  const entry = ENTRY_POINTS[command];
  if (command === 'daily') {
    const installed = triggerState(session.env).triggers.find(
      (tr) => tr.eventType === 'CLOCK' && tr.documentId === session.model.id && session.has(tr.handler),
    );
    if (installed) return { functionName: installed.handler, kind: 'timeDriven', runAs: installed.creator };
  }
  if (entry.menu) {
    if (session.menus().length === 0) session.openFile();
    const fromMenu = menuFunction(session.menus(), entry.menu);
    if (fromMenu && session.has(fromMenu)) return { functionName: fromMenu, kind: entry.kind, runAs: session.user };
  }
  const named = entry.functions.find((fn) => session.has(fn));
  return named ? { functionName: named, kind: entry.kind, runAs: session.user } : null;
}

/** The function behind a menu caption, searched through sub-menus; any language's caption matches. */
export function menuFunction(menus: readonly MenuRecord[], key: MessageKey): string | null {
  const captions = new Set(LANGS.map((lang) => t(lang, key)));
  const search = (menu: MenuRecord): string | null => {
    for (const item of menu.items) {
      if (item.type === 'item' && captions.has(item.caption)) return item.functionName;
      if (item.type === 'subMenu') {
        const found = search(item.menu);
        if (found) return found;
      }
    }
    return null;
  };
  for (const menu of menus) {
    const found = search(menu);
    if (found) return found;
  }
  return null;
}
