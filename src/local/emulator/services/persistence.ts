/**
 * Service state the local CLI keeps between runs in a sidecar file: properties stores, triggers, mail sent
 * and quota used, and the script's time zone. Caches, locks, logs and UI records are per session only.
 */
import type { EnvironmentState } from '../runtime';
import { mailState, type MailAccount, type MailUsage, type SentMail } from './mail';
import { propertiesState } from './properties';
import { sessionState } from './session';
import { triggerState, type TriggerRecord } from './triggers';

export interface ServiceStateJson {
  version: 1;
  properties: {
    script: Record<string, string>;
    document: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  triggers: { editorAddOn: boolean; nextId: number; list: TriggerRecord[] };
  mail: { account: MailAccount; dailyQuota: number | null; sent: SentMail[]; usage: Record<string, MailUsage> };
  session: { scriptTimeZone: string; userLocale: string };
}

export function exportServiceState(env: EnvironmentState): ServiceStateJson {
  const props = propertiesState(env);
  const triggers = triggerState(env);
  const mail = mailState(env);
  const session = sessionState(env);
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    version: 1,
    properties: {
      script: Object.fromEntries(props.script),
      document: Object.fromEntries(props.document),
      user: Object.fromEntries([...props.user].map(([u, store]) => [u, Object.fromEntries(store)])),
    },
    triggers: { editorAddOn: triggers.editorAddOn, nextId: triggers.nextId, list: copy(triggers.triggers) },
    mail: {
      account: mail.account,
      dailyQuota: mail.dailyQuota,
      sent: copy(mail.sent),
      usage: Object.fromEntries(mail.usage),
    },
    session: { ...session },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Map<string, string> {
  return new Map(isObject(value) ? Object.entries(value).map(([k, v]) => [k, String(v)]) : []);
}

/** Restores what exportServiceState wrote; unknown or missing parts are left at their defaults. */
export function importServiceState(env: EnvironmentState, json: unknown): void {
  if (!isObject(json) || json.version !== 1) throw new Error('Unrecognised service state file (expected version 1).');
  const data = json as unknown as ServiceStateJson;
  if (isObject(data.properties)) {
    const props = propertiesState(env);
    props.script = stringMap(data.properties.script);
    props.document = stringMap(data.properties.document);
    props.user = new Map(
      Object.entries(isObject(data.properties.user) ? data.properties.user : {}).map(([u, s]) => [u, stringMap(s)]),
    );
  }
  if (isObject(data.triggers)) {
    const triggers = triggerState(env);
    triggers.editorAddOn = data.triggers.editorAddOn !== false;
    triggers.triggers = Array.isArray(data.triggers.list) ? data.triggers.list : [];
    const maxId = Math.max(0, ...triggers.triggers.map((t) => Number(t.id) || 0));
    triggers.nextId = Math.max(Number(data.triggers.nextId) || 1, maxId + 1);
  }
  if (isObject(data.mail)) {
    const mail = mailState(env);
    mail.account = data.mail.account === 'workspace' ? 'workspace' : 'consumer';
    mail.dailyQuota = typeof data.mail.dailyQuota === 'number' ? data.mail.dailyQuota : null;
    mail.sent = Array.isArray(data.mail.sent) ? data.mail.sent : [];
    mail.usage = new Map(Object.entries(isObject(data.mail.usage) ? data.mail.usage : {}));
  }
  if (isObject(data.session)) {
    const session = sessionState(env);
    if (typeof data.session.scriptTimeZone === 'string') session.scriptTimeZone = data.session.scriptTimeZone;
    if (typeof data.session.userLocale === 'string') session.userLocale = data.session.userLocale;
  }
}
