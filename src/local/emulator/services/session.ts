/**
 * Session: who runs the script, the script's time zone and the user's locale.
 *
 * Sources: https://developers.google.com/apps-script/reference/base/session (getActiveUser is '' when
 * policy hides the identity: simple triggers, custom functions, no email scope; getEffectiveUser is the
 * trigger creator for installable triggers; getTemporaryActiveUserKey rotates every 30 days),
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle (NONE: locale only).
 *
 * Choice: in NONE, asking for a user throws (the add-on is not enabled in the file); in LIMITED and
 * CUSTOM_FUNCTION getActiveUser answers '' instead, the hidden-identity case scripts must handle.
 */
import { createHash } from 'crypto';
import { SCOPE_FOR, type EnvironmentState, type Execution } from '../runtime';
import { serviceState } from './state';

export interface SessionState {
  /** the manifest's timeZone (appsscript.json); separate from the spreadsheet's zone */
  scriptTimeZone: string;
  /** what getActiveUserLocale answers, e.g. 'en' or 'zh_CN' */
  userLocale: string;
}

export function sessionState(env: EnvironmentState): SessionState {
  return serviceState(env, 'session', () => ({ scriptTimeZone: 'Asia/Shanghai', userLocale: 'en' }));
}

export interface User {
  getEmail(): string;
}

export interface SessionApi {
  getActiveUser(): User;
  getEffectiveUser(): User;
  getScriptTimeZone(): string;
  getActiveUserLocale(): string;
  getTemporaryActiveUserKey(): string;
}

const ROTATION_MS = 30 * 86_400_000;

function user(email: string): User {
  return { getEmail: () => email };
}

export function createSession(exec: Execution): SessionApi {
  const state = sessionState(exec.env);

  /** Counts the call; throws only in NONE. Returns whether the active user's identity is visible. */
  const identityVisible = (method: string): boolean => {
    exec.call(method, exec.authMode === 'NONE' ? 'session.user' : 'utilities');
    const scopes = exec.env.oauthScopes;
    const emailScope = SCOPE_FOR['session.user'] as string;
    return (
      exec.authMode === 'FULL' &&
      exec.options.kind !== 'simpleTrigger' &&
      (scopes === null || scopes.includes(emailScope))
    );
  };

  return {
    getActiveUser() {
      return user(identityVisible('Session.getActiveUser') ? exec.activeUser : '');
    },
    getEffectiveUser() {
      exec.call('Session.getEffectiveUser', 'session.user');
      return user(exec.effectiveUser);
    },
    getScriptTimeZone() {
      exec.call('Session.getScriptTimeZone', 'utilities');
      return state.scriptTimeZone;
    },
    getActiveUserLocale() {
      exec.call('Session.getActiveUserLocale', 'utilities');
      return state.userLocale;
    },
    getTemporaryActiveUserKey() {
      identityVisible('Session.getTemporaryActiveUserKey');
      const period = Math.floor(exec.env.clock.now() / ROTATION_MS);
      const seed = `${exec.env.spreadsheet.id}|${exec.activeUser}|${period}`;
      return createHash('sha256').update(seed).digest('base64url').slice(0, 43);
    },
  };
}
