/**
 * Every exposure and what it needs, in one table (docs/roles.md). google.script.run can call every
 * top-level function, menu and trigger handlers included, so each one is checked on the server before
 * it runs: `gated` wraps the function with the check of its row. test/bundle/exposures.test.ts fails
 * when src/server/index.ts exposes a name this table does not list, and test/gas/roles tests every
 * row for each role and for a blank identity through the built bundle.
 */
import type { Permission } from '../core/roles';
import { UserError } from '../gas/errors';
import { message, render } from '../core/i18n';
import { type RoleView, requirePermission, rolesPrompt } from '../gas/roles';

/**
 * - menu: a menu click (a refusal is an alert);
 * - sidebar: google.script.run from the sidebar (a refusal is thrown to its failure handler);
 * - scheduled: the daily run's handlers, which act as the schedule only for the recorded trigger and
 *   owner and otherwise as "Run now" with its permission (checked in src/gas/schedule/entry.ts, which
 *   needs the event);
 * - open: simple triggers and custom functions, which only build the menu, recompute a row from the
 *   cells, or compute a formula: anyone, no check (they run without the identity in LIMITED or
 *   CUSTOM_FUNCTION mode).
 */
export type ExposureKind = 'menu' | 'sidebar' | 'scheduled' | 'open';

export interface Exposure {
  kind: ExposureKind;
  permission: Permission | null;
}

export const EXPOSURES = {
  onOpen: { kind: 'open', permission: null },
  onInstall: { kind: 'open', permission: null },
  onEdit: { kind: 'open', permission: null },
  CT_GRADE: { kind: 'open', permission: null },
  CT_STATE: { kind: 'open', permission: null },
  CT_DAYS_OVERDUE: { kind: 'open', permission: null },
  CT_NEXT_DATE: { kind: 'open', permission: null },
  runDaily: { kind: 'scheduled', permission: 'runNow' },
  runDigests: { kind: 'scheduled', permission: 'runNow' },
  menuSetup: { kind: 'menu', permission: 'setup' },
  // writes and deletes a scratch tab to see how this Google account behaves (docs/google-readings.md)
  menuSelfCheck: { kind: 'menu', permission: 'setup' },
  menuConfirmRoles: { kind: 'menu', permission: 'confirmRoles' },
  menuScheduleOn: { kind: 'menu', permission: 'runNow' },
  menuScheduleOff: { kind: 'menu', permission: 'scheduleOff' },
  menuScheduleRunNow: { kind: 'menu', permission: 'runNow' },
  menuScheduleStatus: { kind: 'menu', permission: 'read' },
  menuPreviewEmail: { kind: 'menu', permission: 'work' },
  menuRefresh: { kind: 'menu', permission: 'work' },
  menuPoolRelease: { kind: 'menu', permission: 'runNow' },
  menuReportDaily: { kind: 'menu', permission: 'work' },
  menuReportMonthly: { kind: 'menu', permission: 'work' },
  menuReportFunnel: { kind: 'menu', permission: 'work' },
  menuReportOverdue: { kind: 'menu', permission: 'work' },
  menuReportChurn: { kind: 'menu', permission: 'work' },
  menuReportValidity: { kind: 'menu', permission: 'work' },
  menuReportPersistence: { kind: 'menu', permission: 'work' },
  menuReportsAll: { kind: 'menu', permission: 'work' },
  buildAllReports: { kind: 'sidebar', permission: 'work' },
  menuOpenSidebar: { kind: 'menu', permission: 'read' },
  menuAddClient: { kind: 'menu', permission: 'read' },
  menuClientCard: { kind: 'menu', permission: 'read' },
  sidebarContext: { kind: 'sidebar', permission: 'read' },
  // builds the row index once the sidebar is shown (docs/row-index.md): it reads, like the card
  warmClientRows: { kind: 'sidebar', permission: 'read' },
  searchClients: { kind: 'sidebar', permission: 'read' },
  // the Add client form's duplicate check as the name, phone or email is typed: it reads, like search
  checkDuplicates: { kind: 'sidebar', permission: 'read' },
  getClientCard: { kind: 'sidebar', permission: 'read' },
  logContact: { kind: 'sidebar', permission: 'work' },
  addClient: { kind: 'sidebar', permission: 'work' },
  claimClient: { kind: 'sidebar', permission: 'work' },
  reassignClient: { kind: 'sidebar', permission: 'handOverOne' },
  reassignClients: { kind: 'sidebar', permission: 'handOverAll' },
  countClientsOf: { kind: 'sidebar', permission: 'handOverAll' },
  // a batch of an import, or its undo: a salesperson into their own name only, a manager for their team (checked per row)
  importBatch: { kind: 'sidebar', permission: 'work' },
  undoImport: { kind: 'sidebar', permission: 'work' },
  // the Import from a tab… dialog: its tabs and imports, the preview, one batch per call
  importTabs: { kind: 'sidebar', permission: 'work' },
  importPreview: { kind: 'sidebar', permission: 'work' },
  importRun: { kind: 'sidebar', permission: 'work' },
  menuImport: { kind: 'menu', permission: 'work' },
} as const satisfies Record<string, Exposure>;

export type ExposureName = keyof typeof EXPOSURES;

/**
 * `fn` behind the check of its row. Read and open rows are anyone's, so they need no Team read; the others read the
 * Team tab and the confirmed roles once (memoised for the execution, which the action reuses).
 */
export function gated<A extends unknown[], R>(name: ExposureName, fn: (...args: A) => R): (...args: A) => R {
  const row: Exposure = EXPOSURES[name];
  if (row.permission === null || row.permission === 'read' || row.kind === 'scheduled') return fn;
  const permission = row.permission;
  if (row.kind === 'menu') {
    return (...args: A): R => {
      let view: RoleView;
      try {
        view = requirePermission(permission);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        SpreadsheetApp.getUi().alert(err.message);
        return undefined as R;
      }
      // A director who opens a menu item while the Team tab has unconfirmed changes hears about it.
      const prompt = rolesPrompt(view);
      if (prompt !== null) view.ctx.ss.toast(prompt, render(view.ctx.lang, message('roles.confirm.title')), 10);
      return fn(...args);
    };
  }
  return (...args: A): R => {
    requirePermission(permission);
    return fn(...args);
  };
}
