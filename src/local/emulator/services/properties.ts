/**
 * PropertiesService: script, document and user key-value stores that persist between executions.
 *
 * Sources: https://developers.google.com/apps-script/guides/properties (values are strings, getProperties is a
 * copy), https://developers.google.com/apps-script/guides/services/quotas (9 KB per value, 500 KB per store).
 * The user store belongs to the effective user (for installable triggers, the trigger's creator).
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { withoutDocument } from '../readings';
import { serviceState } from './state';

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

export interface PropertiesState {
  script: Map<string, string>;
  document: Map<string, string>;
  /** keyed by the user's email */
  user: Map<string, Map<string, string>>;
}

export function propertiesState(env: EnvironmentState): PropertiesState {
  return serviceState(env, 'properties', () => ({ script: new Map(), document: new Map(), user: new Map() }));
}

export interface Properties {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  getKeys(): string[];
  setProperty(key: string, value: unknown): Properties;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties;
  deleteProperty(key: string): Properties;
  deleteAllProperties(): Properties;
}

export interface PropertiesServiceApi {
  getDocumentProperties(): Properties;
  getScriptProperties(): Properties;
  getUserProperties(): Properties;
}

function storeBytes(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

function createProperties(exec: Execution, store: Map<string, string>): Properties {
  const read = (method: string): void => exec.call(`Properties.${method}`, 'properties.read');
  const write = (method: string): void => exec.call(`Properties.${method}`, 'properties.write');

  /** Applies a change only if the store stays inside its quota, so a refused write changes nothing. */
  const commit = (next: Map<string, string>): void => {
    for (const v of next.values()) {
      if (Buffer.byteLength(v) > MAX_PROPERTY_VALUE_BYTES) throw new AppsScriptException('Argument too large: value');
    }
    if (storeBytes(next) > MAX_PROPERTY_STORE_BYTES) {
      throw new AppsScriptException(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  };

  const props: Properties = {
    getProperty(key) {
      read('getProperty');
      return store.get(String(key)) ?? null;
    },
    getProperties() {
      read('getProperties');
      return Object.fromEntries(store);
    },
    getKeys() {
      read('getKeys');
      return [...store.keys()];
    },
    setProperty(key, value) {
      write('setProperty');
      commit(new Map(store).set(String(key), String(value)));
      return props;
    },
    setProperties(properties, deleteAllOthers = false) {
      write('setProperties');
      const next = deleteAllOthers ? new Map<string, string>() : new Map(store);
      for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
      commit(next);
      return props;
    },
    deleteProperty(key) {
      write('deleteProperty');
      store.delete(String(key));
      return props;
    },
    deleteAllProperties() {
      write('deleteAllProperties');
      store.clear();
      return props;
    },
  };
  return props;
}

export function createPropertiesService(exec: Execution): PropertiesServiceApi {
  const state = propertiesState(exec.env);
  return {
    getDocumentProperties() {
      exec.call('PropertiesService.getDocumentProperties', 'properties.read');
      if (withoutDocument(exec)) return null as unknown as Properties;
      return createProperties(exec, state.document);
    },
    getScriptProperties() {
      exec.call('PropertiesService.getScriptProperties', 'properties.read');
      return createProperties(exec, state.script);
    },
    getUserProperties() {
      exec.call('PropertiesService.getUserProperties', 'properties.read');
      const user = exec.effectiveUser;
      let store = state.user.get(user);
      if (!store) {
        store = new Map();
        state.user.set(user, store);
      }
      return createProperties(exec, store);
    },
  };
}
