// Sources: https://developers.google.com/apps-script/reference/base/session ,
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (NONE: locale only)
import { sessionState } from '../../../../src/local/emulator/services';
import {
  ALICE,
  BOB,
  CUSTOM_FUNCTION,
  FULL_MENU,
  newEnv,
  NOT_ENABLED,
  SIMPLE_TRIGGER,
  start,
  TIME_DRIVEN,
} from './harness';

describe('Session', () => {
  test('a menu click sees the active and effective user', () => {
    const { g } = start(newEnv(), FULL_MENU);
    expect(g.Session.getActiveUser().getEmail()).toBe(ALICE);
    expect(g.Session.getEffectiveUser().getEmail()).toBe(ALICE);
  });

  test('a simple trigger hides the active user: the email is empty, not an error', () => {
    const { g } = start(newEnv(), SIMPLE_TRIGGER);
    expect(g.Session.getActiveUser().getEmail()).toBe('');
  });

  test('a custom function also gets an empty active user', () => {
    const { g } = start(newEnv(), CUSTOM_FUNCTION);
    expect(g.Session.getActiveUser().getEmail()).toBe('');
  });

  test('an installable trigger runs as its creator', () => {
    const { g } = start(newEnv(), { ...TIME_DRIVEN, activeUser: BOB });
    expect(g.Session.getEffectiveUser().getEmail()).toBe(ALICE);
  });

  test('without the email scope the active user is hidden', () => {
    const env = newEnv({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(start(env).g.Session.getActiveUser().getEmail()).toBe('');
  });

  test('AuthMode.NONE may read the locale but not the user', () => {
    const { g } = start(newEnv(), NOT_ENABLED);
    expect(g.Session.getActiveUserLocale()).toBe('en');
    expect(() => g.Session.getActiveUser()).toThrow('You do not have permission to call Session.getActiveUser');
    expect(() => g.Session.getEffectiveUser()).toThrow('You do not have permission');
  });

  test('the script time zone comes from state and is separate from the spreadsheet zone', () => {
    const env = newEnv();
    expect(start(env).g.Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    sessionState(env).scriptTimeZone = 'Europe/London';
    expect(start(env).g.Session.getScriptTimeZone()).toBe('Europe/London');
    expect(env.spreadsheet.timeZone).toBe('Asia/Shanghai');
  });

  test('the temporary user key is stable per user and rotates after 30 days', () => {
    const env = newEnv();
    const key = start(env).g.Session.getTemporaryActiveUserKey();
    expect(start(env).g.Session.getTemporaryActiveUserKey()).toBe(key);
    expect(start(env, { ...FULL_MENU, activeUser: BOB }).g.Session.getTemporaryActiveUserKey()).not.toBe(key);
    env.clock.advance(31 * 86_400_000);
    expect(start(env).g.Session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});
