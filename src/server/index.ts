/**
 * The add-on's entry points, and nothing else: each `global.name = fn` becomes a top-level function in
 * dist/Code.js (gas-webpack-plugin), which is what Apps Script calls for menus, triggers and
 * google.script.run. test/bundle checks the built file against this list. Each is checked against its
 * row of the roles table (./exposures.ts, docs/roles.md) before it runs; a name without a row does not
 * compile.
 */
import { onInstall, onOpen } from '../gas/menu';
import { menuSetup } from '../gas/setup';
import { runDaily, runDigests } from '../gas/schedule/entry';
import {
  menuPreviewEmail,
  menuScheduleOff,
  menuScheduleOn,
  menuScheduleRunNow,
  menuScheduleStatus,
} from '../gas/schedule/menu-actions';
import { menuAddClient, menuClientCard, menuOpenSidebar } from '../gas/sidebar/open';
import { api } from './api';
import { menuImport } from '../gas/import/dialog';
import { gated } from './exposures';
import { menuConfirmRoles } from '../gas/roles';
import { menuRefresh } from '../gas/refresh';
import { onEdit } from '../gas/on-edit';
import { menuSelfCheck } from '../gas/self-check';
import { menuPoolRelease } from '../gas/pool-release';
import {
  buildAllReports,
  menuReportChurn,
  menuReportDaily,
  menuReportFunnel,
  menuReportMonthly,
  menuReportOverdue,
  menuReportPersistence,
  menuReportValidity,
  menuReportsAll,
} from '../gas/reports/build';
import { CT_DAYS_OVERDUE, CT_GRADE, CT_NEXT_DATE, CT_STATE } from '../gas/custom-functions';

type Exposed = Record<string, unknown>;

(global as unknown as Exposed).onOpen = onOpen;
(global as unknown as Exposed).onInstall = onInstall;
(global as unknown as Exposed).menuSetup = gated('menuSetup', menuSetup);
(global as unknown as Exposed).menuConfirmRoles = gated('menuConfirmRoles', menuConfirmRoles);
(global as unknown as Exposed).runDaily = gated('runDaily', runDaily);
(global as unknown as Exposed).runDigests = gated('runDigests', runDigests);
(global as unknown as Exposed).menuScheduleOn = gated('menuScheduleOn', menuScheduleOn);
(global as unknown as Exposed).menuScheduleOff = gated('menuScheduleOff', menuScheduleOff);
(global as unknown as Exposed).menuScheduleRunNow = gated('menuScheduleRunNow', menuScheduleRunNow);
(global as unknown as Exposed).menuScheduleStatus = gated('menuScheduleStatus', menuScheduleStatus);
(global as unknown as Exposed).menuPreviewEmail = gated('menuPreviewEmail', menuPreviewEmail);
(global as unknown as Exposed).menuRefresh = gated('menuRefresh', menuRefresh);
(global as unknown as Exposed).menuPoolRelease = gated('menuPoolRelease', menuPoolRelease);
(global as unknown as Exposed).menuReportDaily = gated('menuReportDaily', menuReportDaily);
(global as unknown as Exposed).menuReportMonthly = gated('menuReportMonthly', menuReportMonthly);
(global as unknown as Exposed).menuReportFunnel = gated('menuReportFunnel', menuReportFunnel);
(global as unknown as Exposed).menuReportOverdue = gated('menuReportOverdue', menuReportOverdue);
(global as unknown as Exposed).menuReportChurn = gated('menuReportChurn', menuReportChurn);
(global as unknown as Exposed).menuReportValidity = gated('menuReportValidity', menuReportValidity);
(global as unknown as Exposed).menuReportPersistence = gated('menuReportPersistence', menuReportPersistence);
(global as unknown as Exposed).menuReportsAll = gated('menuReportsAll', menuReportsAll);
(global as unknown as Exposed).buildAllReports = gated('buildAllReports', buildAllReports);
(global as unknown as Exposed).onEdit = onEdit;
(global as unknown as Exposed).menuSelfCheck = gated('menuSelfCheck', menuSelfCheck);
// The sidebar's server API (src/server/api.ts), each under its own name for google.script.run.
(global as unknown as Exposed).sidebarContext = gated('sidebarContext', api.sidebarContext);
(global as unknown as Exposed).warmClientRows = gated('warmClientRows', api.warmClientRows);
(global as unknown as Exposed).searchClients = gated('searchClients', api.searchClients);
(global as unknown as Exposed).getClientCard = gated('getClientCard', api.getClientCard);
(global as unknown as Exposed).logContact = gated('logContact', api.logContact);
(global as unknown as Exposed).addClient = gated('addClient', api.addClient);
(global as unknown as Exposed).checkDuplicates = gated('checkDuplicates', api.checkDuplicates);
(global as unknown as Exposed).claimClient = gated('claimClient', api.claimClient);
(global as unknown as Exposed).reassignClient = gated('reassignClient', api.reassignClient);
(global as unknown as Exposed).reassignClients = gated('reassignClients', api.reassignClients);
(global as unknown as Exposed).countClientsOf = gated('countClientsOf', api.countClientsOf);
(global as unknown as Exposed).importBatch = gated('importBatch', api.importBatch);
(global as unknown as Exposed).undoImport = gated('undoImport', api.undoImport);
(global as unknown as Exposed).importTabs = gated('importTabs', api.importTabs);
(global as unknown as Exposed).importPreview = gated('importPreview', api.importPreview);
(global as unknown as Exposed).importRun = gated('importRun', api.importRun);
(global as unknown as Exposed).menuImport = gated('menuImport', menuImport);
(global as unknown as Exposed).menuOpenSidebar = gated('menuOpenSidebar', menuOpenSidebar);
(global as unknown as Exposed).menuAddClient = gated('menuAddClient', menuAddClient);
(global as unknown as Exposed).menuClientCard = gated('menuClientCard', menuClientCard);

// Custom functions. The JSDoc blocks are Sheets' autocomplete help: @preserve keeps them through
// esbuild, and gas-webpack-plugin copies each onto its top-level stub.
/**
 * Lead grade A/B/C/D by Client Tracker's rule and the Settings windows.
 *
 * @param {string} need Need confirmed (yes/no), a cell or a column.
 * @param {string} budget Budget confirmed (yes/no).
 * @param {string} decisionMaker Talking to the decision maker (yes/no).
 * @param {Date} expectedDate Expected purchase date.
 * @param {Date} asOf The date to grade on: use the named range CT_TODAY.
 * @return The grade, or a column of grades.
 * @customfunction
 * @preserve
 */
(global as unknown as Exposed).CT_GRADE = CT_GRADE;
/**
 * Follow-up state: overdue, due today, upcoming or unplanned, in the workbook's language; blank for
 * Won, Lost and pooled clients, who have no follow-up state.
 *
 * @param {Date} nextFollowUp Next follow-up date, a cell or a column.
 * @param {string} status Client status (Active, Dormant, Won, Lost, In pool).
 * @param {Date} asOf The date to judge on: use the named range CT_TODAY.
 * @param {string} stage Optional: the Stage, so a Stage typed as Won or Lost counts before the Status is recomputed.
 * @return The state, or a column of states.
 * @customfunction
 * @preserve
 */
(global as unknown as Exposed).CT_STATE = CT_STATE;
/**
 * Whole days past the next follow-up date of an overdue client; 0 when not overdue (Won, Lost and
 * pooled clients never are).
 *
 * @param {Date} nextFollowUp Next follow-up date, a cell or a column.
 * @param {string} status Client status (Active, Dormant, Won, Lost, In pool).
 * @param {Date} asOf The date to count to: use the named range CT_TODAY.
 * @param {string} stage Optional: the Stage, so a Stage typed as Won or Lost counts before the Status is recomputed.
 * @return Days overdue.
 * @customfunction
 * @preserve
 */
(global as unknown as Exposed).CT_DAYS_OVERDUE = CT_DAYS_OVERDUE;
/**
 * The next follow-up date the cadence proposes: last contact plus the grade's interval.
 *
 * @param {Date} lastContact Date of the last reached contact.
 * @param {string} grade The client's grade (A, B, C or D).
 * @return The proposed date.
 * @customfunction
 * @preserve
 */
(global as unknown as Exposed).CT_NEXT_DATE = CT_NEXT_DATE;
