/**
 * ScriptApp: enums and installable triggers (time-driven and spreadsheet), stored per environment.
 *
 * Sources: https://developers.google.com/apps-script/reference/script/script-app (getProjectTriggers: the
 * current user's only), https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
 * https://developers.google.com/apps-script/guides/services/quotas (20 triggers per user per script; the
 * message is quoted from live logs), https://developers.google.com/workspace/add-ons/concepts/editor-triggers
 * (editor add-ons: one trigger of each type per user per document, time-driven at most hourly).
 * Unverified ([U]): everyHours accepts only 1, 2, 4, 6, 8, 12 (the trigger UI's choices).
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { isAddOn, reading, readingsState } from '../readings';
import { sessionState } from './session';
import { serviceState } from './state';
import { localParts, resolveZone } from './zone';

export const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
export type WeekDayName = keyof typeof WeekDay;
export const WEEK_DAYS = Object.keys(WeekDay) as WeekDayName[];
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
} as const;
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const;
export type TriggerSourceName = keyof typeof TriggerSource;

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

export type Recurrence = 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'once';

export interface ClockSchedule {
  recurrence: Recurrence;
  /** n of everyMinutes/everyHours/everyDays/everyWeeks */
  interval: number | null;
  hour: number | null;
  minute: number | null;
  weekDay: WeekDayName | null;
  monthDay: number | null;
  /** the one firing of at/atDate/after, epoch ms */
  atMs: number | null;
  /** atDate's wall date, resolved in the trigger's zone when due */
  atDate: { year: number; month: number; day: number } | null;
  timeZone: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** the spreadsheet of a spreadsheet trigger; null for time-driven */
  sourceId: string | null;
  /** the document the trigger belongs to (editor add-on triggers always belong to one) */
  documentId: string | null;
  creator: string;
  createdAt: number;
  schedule: ClockSchedule | null;
}

/**
 * Whether getUserTriggers(spreadsheet) lists time-driven triggers is not documented ([U]): 'byMode'
 * lists them in add-on mode (they belong to the document there) and not when bound; 'yes' and 'no'
 * force one reading in either mode, so the product can be run under each.
 */
export type ClockInUserTriggers = 'byMode' | 'yes' | 'no';

export interface TriggerState {
  /** this product is an editor add-on, so its trigger rules apply unless a test turns them off */
  editorAddOn: boolean;
  /** the user must authorize the script again (new scopes since they last did): getAuthorizationInfo says so */
  reauthorizationNeeded?: boolean;
  nextId: number;
  triggers: TriggerRecord[];
}

export function triggerState(env: EnvironmentState): TriggerState {
  return serviceState(env, 'triggers', (): TriggerState => {
    const state = { nextId: 1, triggers: [] } as unknown as TriggerState;
    // The deployment mode lives with the other readings (readings.ts); this is a view of it.
    Object.defineProperty(state, 'editorAddOn', {
      enumerable: true,
      get: () => isAddOn(env),
      set: (addOn: boolean) => {
        readingsState(env).mode = addOn ? 'addon' : 'bound';
      },
    });
    return state;
  });
}

export interface Trigger {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): EventTypeName;
  getTriggerSource(): TriggerSourceName;
  getTriggerSourceId(): string | null;
}

export interface ClockTriggerBuilder {
  after(durationMilliseconds: number): ClockTriggerBuilder;
  at(instant: Date): ClockTriggerBuilder;
  atDate(year: number, month: number, day: number): ClockTriggerBuilder;
  atHour(hour: number): ClockTriggerBuilder;
  nearMinute(minute: number): ClockTriggerBuilder;
  everyMinutes(n: number): ClockTriggerBuilder;
  everyHours(n: number): ClockTriggerBuilder;
  everyDays(n: number): ClockTriggerBuilder;
  everyWeeks(n: number): ClockTriggerBuilder;
  onWeekDay(day: WeekDayName): ClockTriggerBuilder;
  onMonthDay(day: number): ClockTriggerBuilder;
  inTimezone(timezone: string): ClockTriggerBuilder;
  create(): Trigger;
}

export interface SpreadsheetTriggerBuilder {
  onOpen(): SpreadsheetTriggerBuilder;
  onEdit(): SpreadsheetTriggerBuilder;
  onChange(): SpreadsheetTriggerBuilder;
  onFormSubmit(): SpreadsheetTriggerBuilder;
  create(): Trigger;
}

export interface TriggerBuilder {
  timeBased(): ClockTriggerBuilder;
  forSpreadsheet(sheet: { getId(): string } | string): SpreadsheetTriggerBuilder;
}

export interface AuthorizationInfo {
  getAuthorizationStatus(): keyof typeof AuthorizationStatus;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes(): string[];
}

export interface ScriptAppApi {
  AuthMode: typeof AuthMode;
  AuthorizationStatus: typeof AuthorizationStatus;
  getAuthorizationInfo(authMode: string): AuthorizationInfo;
  WeekDay: typeof WeekDay;
  EventType: typeof EventType;
  TriggerSource: typeof TriggerSource;
  getScriptId(): string;
  getProjectTriggers(): Trigger[];
  getUserTriggers(spreadsheet: { getId(): string } | string): Trigger[];
  deleteTrigger(trigger: Trigger): void;
  newTrigger(functionName: string): TriggerBuilder;
}

const triggerIds = new WeakMap<object, string>();

function invalid(what: string, value: unknown, expected: string): never {
  throw new AppsScriptException(`Invalid argument: ${what} (${String(value)}); expected ${expected}.`);
}

function intIn(what: string, value: unknown, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) invalid(what, value, `a whole number from ${min} to ${max}`);
  return n;
}

function idOf(doc: { getId(): string } | string): string {
  return typeof doc === 'string' ? doc : String(doc.getId());
}

export function createScriptApp(exec: Execution): ScriptAppApi {
  const env = exec.env;
  const state = triggerState(env);
  const call = (method: string): void => exec.call(method, 'triggers');

  const wrap = (t: TriggerRecord): Trigger => {
    const trigger: Trigger = {
      getUniqueId: () => (call('Trigger.getUniqueId'), t.id),
      getHandlerFunction: () => (call('Trigger.getHandlerFunction'), t.handler),
      getEventType: () => (call('Trigger.getEventType'), t.eventType),
      getTriggerSource: () => (call('Trigger.getTriggerSource'), t.source),
      getTriggerSourceId: () => (call('Trigger.getTriggerSourceId'), t.sourceId),
    };
    triggerIds.set(trigger, t.id);
    return trigger;
  };

  /** Checks the quotas and the add-on rules, then stores the trigger. */
  const install = (t: Omit<TriggerRecord, 'id' | 'creator' | 'createdAt' | 'documentId'>): Trigger => {
    const creator = exec.effectiveUser;
    const mine = state.triggers.filter((x) => x.creator === creator);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw new AppsScriptException(TOO_MANY_TRIGGERS);
    const documentId = state.editorAddOn ? env.spreadsheet.id : t.sourceId;
    if (state.editorAddOn) {
      if (t.sourceId !== null && t.sourceId !== env.spreadsheet.id) {
        throw new AppsScriptException('An editor add-on can only create triggers for the file it is running in.');
      }
      if (t.schedule?.recurrence === 'minutes') {
        throw new AppsScriptException(
          'Editor add-on time-driven triggers can run at most once an hour: use everyHours, everyDays or everyWeeks instead of everyMinutes.',
        );
      }
      if (mine.some((x) => x.eventType === t.eventType && x.documentId === documentId)) {
        throw new AppsScriptException(
          `An editor add-on may have only one ${t.eventType} trigger per user per document; delete the existing one before creating another.`,
        );
      }
    }
    const record: TriggerRecord = { ...t, id: String(state.nextId++), creator, createdAt: env.clock.now(), documentId };
    state.triggers.push(record);
    return wrap(record);
  };

  const clockBuilder = (handler: string): ClockTriggerBuilder => {
    const s: ClockSchedule = {
      recurrence: 'once',
      interval: null,
      hour: null,
      minute: null,
      weekDay: null,
      monthDay: null,
      atMs: null,
      atDate: null,
      timeZone: sessionState(env).scriptTimeZone,
    };
    let chosen: Recurrence | null = null;
    const choose = (r: Recurrence): void => {
      if (chosen !== null && !(chosen === 'weeks' && r === 'weeks')) {
        throw new AppsScriptException(`This trigger already runs by ${chosen}; choose only one recurrence.`);
      }
      chosen = r;
      s.recurrence = r;
    };
    const b: ClockTriggerBuilder = {
      after(ms) {
        call('ClockTriggerBuilder.after');
        choose('once');
        s.atMs = env.clock.now() + intIn('durationMilliseconds', ms, 0, Number.MAX_SAFE_INTEGER);
        return b;
      },
      at(instant) {
        call('ClockTriggerBuilder.at');
        if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) invalid('date', instant, 'a Date');
        choose('once');
        s.atMs = instant.getTime();
        return b;
      },
      atDate(year, month, day) {
        call('ClockTriggerBuilder.atDate');
        choose('once');
        s.atDate = {
          year: intIn('year', year, 1970, 9999),
          month: intIn('month', month, 1, 12),
          day: intIn('day', day, 1, 31),
        };
        return b;
      },
      atHour(hour) {
        call('ClockTriggerBuilder.atHour');
        s.hour = intIn('hour', hour, 0, 23);
        return b;
      },
      nearMinute(minute) {
        call('ClockTriggerBuilder.nearMinute');
        s.minute = intIn('minute', minute, 0, 59);
        return b;
      },
      everyMinutes(n) {
        call('ClockTriggerBuilder.everyMinutes');
        if (!EVERY_MINUTES.includes(Number(n))) invalid('minutes', n, 'one of 1, 5, 10, 15 or 30');
        choose('minutes');
        s.interval = Number(n);
        return b;
      },
      everyHours(n) {
        call('ClockTriggerBuilder.everyHours');
        if (!EVERY_HOURS.includes(Number(n))) invalid('hours', n, 'one of 1, 2, 4, 6, 8 or 12');
        choose('hours');
        s.interval = Number(n);
        return b;
      },
      everyDays(n) {
        call('ClockTriggerBuilder.everyDays');
        choose('days');
        s.interval = intIn('days', n, 1, 366);
        return b;
      },
      everyWeeks(n) {
        call('ClockTriggerBuilder.everyWeeks');
        choose('weeks');
        s.interval = intIn('weeks', n, 1, 52);
        return b;
      },
      onWeekDay(day) {
        call('ClockTriggerBuilder.onWeekDay');
        if (!WEEK_DAYS.includes(day)) invalid('weekDay', day, 'a ScriptApp.WeekDay');
        choose('weeks');
        s.weekDay = day;
        s.interval ??= 1;
        return b;
      },
      onMonthDay(day) {
        call('ClockTriggerBuilder.onMonthDay');
        choose('monthDay');
        s.monthDay = intIn('day', day, 1, 31);
        return b;
      },
      inTimezone(timezone) {
        call('ClockTriggerBuilder.inTimezone');
        if (!resolveZone(String(timezone))) invalid('timezone', timezone, 'a time zone id such as "America/New_York"');
        s.timeZone = String(timezone);
        return b;
      },
      create() {
        call('ClockTriggerBuilder.create');
        if (chosen === null) {
          throw new AppsScriptException(
            'A time-based trigger needs a schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, atDate or after before create().',
          );
        }
        if ((s.hour !== null || s.minute !== null) && (chosen === 'minutes' || chosen === 'hours')) {
          throw new AppsScriptException('atHour and nearMinute need everyDays, everyWeeks, onWeekDay or onMonthDay.');
        }
        if (chosen === 'once' && s.atMs === null && s.atDate === null) invalid('date', null, 'at, atDate or after');
        if (chosen === 'weeks' && s.weekDay === null) {
          // [U] a weekly trigger without onWeekDay runs on the weekday it was created
          const zone = resolveZone(s.timeZone);
          s.weekDay = zone ? WEEK_DAYS[localParts(env.clock.now(), zone).weekday] : 'MONDAY';
        }
        return install({ handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule: { ...s } });
      },
    };
    return b;
  };

  const spreadsheetBuilder = (handler: string, sourceId: string): SpreadsheetTriggerBuilder => {
    let eventType: EventTypeName | null = null;
    const on = (method: string, type: EventTypeName) => () => {
      call(`SpreadsheetTriggerBuilder.${method}`);
      eventType = type;
      return b;
    };
    const b: SpreadsheetTriggerBuilder = {
      onOpen: on('onOpen', 'ON_OPEN'),
      onEdit: on('onEdit', 'ON_EDIT'),
      onChange: on('onChange', 'ON_CHANGE'),
      onFormSubmit: on('onFormSubmit', 'ON_FORM_SUBMIT'),
      create() {
        call('SpreadsheetTriggerBuilder.create');
        if (eventType === null) {
          throw new AppsScriptException(
            'A spreadsheet trigger needs an event: call onOpen, onEdit, onChange or onFormSubmit.',
          );
        }
        return install({ handler, eventType, source: 'SPREADSHEETS', sourceId, schedule: null });
      },
    };
    return b;
  };

  return {
    AuthMode,
    AuthorizationStatus,
    getAuthorizationInfo(authMode) {
      // https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode)
      exec.call('ScriptApp.getAuthorizationInfo', 'utilities');
      if (!(String(authMode) in AuthMode)) invalid('authMode', authMode, 'a ScriptApp.AuthMode');
      const required = state.reauthorizationNeeded === true;
      return {
        getAuthorizationStatus: () => (required ? 'REQUIRED' : 'NOT_REQUIRED'),
        getAuthorizationUrl: () => (required ? 'https://script.google.com/macros/d/local-script/authorize' : null),
        getAuthorizedScopes: () => (required ? [] : [...(env.oauthScopes ?? [])]),
      };
    },
    WeekDay,
    EventType,
    TriggerSource,
    getScriptId() {
      exec.call('ScriptApp.getScriptId', 'utilities');
      return 'local-script';
    },
    getProjectTriggers() {
      call('ScriptApp.getProjectTriggers');
      return state.triggers.filter((t) => t.creator === exec.effectiveUser).map(wrap);
    },
    getUserTriggers(spreadsheet) {
      call('ScriptApp.getUserTriggers');
      const id = idOf(spreadsheet);
      // [U] whether clock triggers are listed is not documented (readings.ts userTriggersListClock).
      // A bound script's clock triggers belong to no document: under "yes" they count as its file's.
      const listsClock = reading(env, 'userTriggersListClock') === 'yes';
      return state.triggers
        .filter((t) => t.creator === exec.effectiveUser)
        .filter((t) =>
          t.eventType === 'CLOCK' ? listsClock && (t.documentId ?? env.spreadsheet.id) === id : t.documentId === id,
        )
        .map(wrap);
    },
    deleteTrigger(trigger) {
      call('ScriptApp.deleteTrigger');
      const id = triggerIds.get(trigger);
      state.triggers = state.triggers.filter((t) => !(t.id === id && t.creator === exec.effectiveUser));
    },
    newTrigger(functionName) {
      call('ScriptApp.newTrigger');
      const handler = String(functionName);
      return {
        timeBased: () => (call('TriggerBuilder.timeBased'), clockBuilder(handler)),
        forSpreadsheet: (sheet) => (call('TriggerBuilder.forSpreadsheet'), spreadsheetBuilder(handler, idOf(sheet))),
      };
    },
  };
}
