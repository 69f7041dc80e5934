/**
 * Every emulated Apps Script service except SpreadsheetApp, as the globals a script sees.
 *
 * Which auth modes may use what is decided by runtime.ts's GRANTS, through the capability each method names:
 *
 * | service                         | capability                      | NONE | LIMITED | CUSTOM_FUNCTION | FULL |
 * |---------------------------------|---------------------------------|------|---------|-----------------|------|
 * | Logger, Utilities, Charts       | utilities                       | yes  | yes     | yes             | yes  |
 * | HtmlService (build outputs)     | html                            | yes  | yes     | yes             | yes  |
 * | Ui menus                        | ui.menu                         | yes  | yes     | no              | yes  |
 * | Ui sidebars, dialogs, alerts    | ui.show                         | no   | no      | no              | yes  |
 * | PropertiesService reads         | properties.read                 | no   | yes     | yes             | yes  |
 * | PropertiesService writes        | properties.write                | no   | yes     | no              | yes  |
 * | CacheService, LockService       | cache, lock                     | no   | yes     | yes             | yes  |
 * | Session locale, time zone       | utilities                       | yes  | yes     | yes             | yes  |
 * | Session.getActiveUser           | session.user in NONE            | no   | ''      | ''              | yes  |
 * | Session.getEffectiveUser        | session.user                    | no   | yes     | no              | yes  |
 * | MailApp                         | mail                            | no   | no      | no              | yes  |
 * | ScriptApp triggers              | triggers                        | no   | no      | no              | yes  |
 */
import type { Execution } from '../runtime';
import { createCacheService } from './cache';
import { Charts } from './charts';
import { createHtmlService } from './html';
import { createLockService } from './lock';
import { createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import { createSession } from './session';
import { createScriptApp } from './triggers';
import { createUtilities } from './utilities';

export function createServices(exec: Execution): Record<string, unknown> {
  return {
    PropertiesService: createPropertiesService(exec),
    CacheService: createCacheService(exec),
    LockService: createLockService(exec),
    ScriptApp: createScriptApp(exec),
    MailApp: createMailApp(exec),
    Session: createSession(exec),
    Utilities: createUtilities(exec),
    HtmlService: createHtmlService(exec),
    Logger: createLogger(exec),
    Charts,
  };
}

export { exportServiceState, importServiceState, type ServiceStateJson } from './persistence';
export { createUi, uiState, type UiState, type MenuRecord, type ScriptedAnswer } from './ui';
export { propertiesState } from './properties';
export { cacheState } from './cache';
export { lockState } from './lock';
export { mailState, type SentMail } from './mail';
export { sessionState } from './session';
export { triggerState, type TriggerRecord } from './triggers';
export { dueTimeDrivenTriggers, type DueTrigger } from './trigger-schedule';
export { htmlFiles } from './html';
export { loggerState } from './logger';
