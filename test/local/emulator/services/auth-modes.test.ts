// Sources: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (what each AuthMode
// may touch), https://developers.google.com/apps-script/guides/triggers#restrictions (simple triggers cannot use
// services that need authorization), https://developers.google.com/apps-script/guides/triggers/installable
import { createUi, mailState, triggerState, uiState } from '../../../../src/local/emulator/services';
import { ALICE, newEnv, NOT_ENABLED, SIMPLE_TRIGGER, start, TIME_DRIVEN } from './harness';

describe('auth modes across services', () => {
  test('AuthMode.NONE (add-on not enabled in this file) builds the add-on menu, logs and formats dates', () => {
    const env = newEnv();
    const { exec, g } = start(env, NOT_ENABLED);
    createUi(exec).createAddonMenu().addItem('Start', 'start').addToUi();
    g.Logger.log('opened %s', g.Utilities.formatDate(new Date(0), 'UTC', 'yyyy'));
    expect(uiState(env).menus).toHaveLength(1);
  });

  test('AuthMode.NONE: any Properties, Session user, cache, lock, mail or trigger touch throws', () => {
    const { g } = start(newEnv(), NOT_ENABLED);
    const touches: Array<[string, () => unknown]> = [
      ['document properties', () => g.PropertiesService.getDocumentProperties()],
      ['user properties', () => g.PropertiesService.getUserProperties()],
      ['active user', () => g.Session.getActiveUser()],
      ['effective user', () => g.Session.getEffectiveUser()],
      ['cache', () => g.CacheService.getDocumentCache()],
      ['lock', () => g.LockService.getDocumentLock()],
      ['mail', () => g.MailApp.getRemainingDailyQuota()],
      ['triggers', () => g.ScriptApp.getProjectTriggers()],
    ];
    for (const [what, touch] of touches) {
      expect(() => {
        try {
          touch();
        } catch (e) {
          throw new Error(`${what}: ${(e as Error).message}`);
        }
      }).toThrow(`${what}: You do not have permission to call`);
    }
  });

  test('AuthMode.LIMITED (simple trigger) cannot send mail, create triggers or show a sidebar, but may use properties', () => {
    const env = newEnv();
    const { exec, g } = start(env, SIMPLE_TRIGGER);
    expect(() => g.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow('You do not have permission');
    expect(() => g.ScriptApp.newTrigger('f')).toThrow('You do not have permission');
    expect(() => createUi(exec).showSidebar(g.HtmlService.createHtmlOutput('x'))).toThrow('You do not have permission');
    g.PropertiesService.getDocumentProperties().setProperty('seen', 'yes');
    expect(mailState(env).sent).toEqual([]);
    expect(triggerState(env).triggers).toEqual([]);
  });

  test('a time-driven trigger (FULL) sends mail as its creator and may manage triggers', () => {
    const env = newEnv();
    const { g } = start(env, TIME_DRIVEN);
    g.MailApp.sendEmail('bob@example.com', 'Digest', 'body');
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(mailState(env).sent[0].from).toBe(ALICE);
  });
});
