/**
 * Every threshold of the rules, as kept on the Settings tab (Key, Value, Notes), with the defaults
 * of the domain rules and a sentence explaining each. Reading is forgiving: either language's key, and a
 * bad value falls back to the default with a sentence saying so.
 */
import type { Weekday } from './dates';
import {
  type FormerLabels,
  type Lang,
  type Message,
  type MessageKey,
  formerLabels,
  LANGS,
  message,
  render,
  t,
} from './i18n';
import { label, parseEnum, readYesNo, type Grade } from './lists';
import { normalizeLabel } from './normalize';
import { HEADER_SCAN_ROWS, findHeaderRow } from './header-row';

type SettingType =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number }
  | { kind: 'boolean' }
  | { kind: 'weekday' }
  | { kind: 'language' }
  | { kind: 'idPrefix' };

/** The value a setting of this type holds. */
type ValueOf<T extends SettingType> = T extends { kind: 'int' | 'number' }
  ? number
  : T extends { kind: 'boolean' }
    ? boolean
    : T extends { kind: 'weekday' }
      ? Weekday
      : T extends { kind: 'language' }
        ? Lang | null
        : T extends { kind: 'idPrefix' }
          ? string
          : never;

/** One row of the Settings tab; `key` and `type` are kept exact so the Settings type can be read off the list. */
interface Definition<K extends string, T extends SettingType> {
  readonly key: K;
  /** Its name in the Key column, one per language, from the catalogues (core/languages/). */
  readonly label: MessageKey;
  readonly type: T;
  /** the value when the tab has no row for it or its value is bad */
  readonly default: ValueOf<T>;
  /** The sentence Setup writes into the Notes column, from the catalogues. */
  readonly help: MessageKey;
  /** Names an earlier version wrote in the Key column: still read; Setup writes today's name. */
  readonly formerly?: FormerLabels;
}

function setting<const K extends string, const T extends SettingType>(def: Definition<K, T>): Definition<K, T> {
  return def;
}

const DAYS = { kind: 'int', min: 0, max: 3650 } as const;
const INTERVAL = { kind: 'int', min: 1, max: 365 } as const;
const YES_NO = { kind: 'boolean' } as const;

/**
 * Every setting, in the order they appear on the Settings tab. The Settings type and the defaults are
 * read off this list: adding a setting is one entry here (and its use).
 */
const DEFINITIONS = [
  setting({
    key: 'aWindow',
    default: 30,
    label: 'setting.aWindow',
    type: DAYS,
    help: 'setting.aWindow.help',
  }),
  setting({
    key: 'bWindow',
    default: 90,
    label: 'setting.bWindow',
    type: DAYS,
    help: 'setting.bWindow.help',
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `interval${g}`,
      default: { A: 3, B: 7, C: 14, D: 30 }[g],
      label: `setting.interval${g}` as const,
      type: INTERVAL,
      help: `setting.interval${g}.help` as const,
    }),
  ),
  setting({
    key: 'skipWeekends',
    default: false,
    label: 'setting.skipWeekends',
    type: YES_NO,
    help: 'setting.skipWeekends.help',
  }),
  setting({
    key: 'retryDays',
    default: 1,
    label: 'setting.retryDays',
    formerly: { 'zh-CN': ['未接通重拨间隔（天）'] },
    type: INTERVAL,
    help: 'setting.retryDays.help',
  }),
  setting({
    key: 'dormantDays',
    default: 90,
    label: 'setting.dormantDays',
    type: DAYS,
    help: 'setting.dormantDays.help',
  }),
  setting({
    key: 'warningGapFactor',
    default: 2,
    label: 'setting.warningGapFactor',
    type: { kind: 'number', min: 1 },
    help: 'setting.warningGapFactor.help',
  }),
  setting({
    key: 'expiryWarningDays',
    default: 30,
    label: 'setting.expiryWarningDays',
    type: DAYS,
    help: 'setting.expiryWarningDays.help',
  }),
  setting({
    key: 'overCallFactor',
    default: 0.5,
    label: 'setting.overCallFactor',
    type: { kind: 'number', min: 0 },
    help: 'setting.overCallFactor.help',
  }),
  setting({
    key: 'poolEnabled',
    default: false,
    label: 'setting.poolEnabled',
    type: YES_NO,
    help: 'setting.poolEnabled.help',
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `poolDays${g}`,
      default: { A: 15, B: 30, C: 45, D: 60 }[g],
      label: `setting.poolDays${g}` as const,
      type: { kind: 'int', min: 1, max: 3650 },
      help: `setting.poolDays${g}.help` as const,
    }),
  ),
  setting({
    key: 'reclaimDays',
    default: 7,
    label: 'setting.reclaimDays',
    formerly: { 'zh-CN': ['原负责人重新领取等待（天）'] },
    type: DAYS,
    help: 'setting.reclaimDays.help',
  }),
  setting({
    key: 'poolWarningDays',
    default: 7,
    label: 'setting.poolWarningDays',
    type: DAYS,
    help: 'setting.poolWarningDays.help',
  }),
  setting({
    key: 'poolExemptRenewal',
    default: true,
    label: 'setting.poolExemptRenewal',
    type: YES_NO,
    help: 'setting.poolExemptRenewal.help',
  }),
  setting({
    key: 'dailyHour',
    default: 8,
    label: 'setting.dailyHour',
    type: { kind: 'int', min: 0, max: 23 },
    help: 'setting.dailyHour.help',
  }),
  setting({
    key: 'weeklyDay',
    default: 1,
    label: 'setting.weeklyDay',
    type: { kind: 'weekday' },
    help: 'setting.weeklyDay.help',
  }),
  setting({
    key: 'monthlyDay',
    default: 1,
    label: 'setting.monthlyDay',
    type: { kind: 'int', min: 1, max: 28 },
    help: 'setting.monthlyDay.help',
  }),
  setting({
    key: 'escalateManagerDays',
    default: 3,
    label: 'setting.escalateManagerDays',
    type: DAYS,
    help: 'setting.escalateManagerDays.help',
  }),
  setting({
    key: 'escalateDirectorDays',
    default: 7,
    label: 'setting.escalateDirectorDays',
    type: DAYS,
    help: 'setting.escalateDirectorDays.help',
  }),
  setting({
    key: 'reportListRows',
    default: 1000,
    label: 'setting.reportListRows',
    type: { kind: 'int', min: 10, max: 100_000 },
    help: 'setting.reportListRows.help',
  }),
  /** null: from the spreadsheet's locale. */
  setting({
    key: 'language',
    default: null,
    label: 'setting.language',
    type: { kind: 'language' },
    help: 'setting.language.help',
  }),
  setting({
    key: 'vipDealValue',
    default: 100_000,
    label: 'setting.vipDealValue',
    type: { kind: 'number', min: 0 },
    help: 'setting.vipDealValue.help',
  }),
  setting({
    key: 'lowValueDealValue',
    default: 10_000,
    label: 'setting.lowValueDealValue',
    type: { kind: 'number', min: 0 },
    help: 'setting.lowValueDealValue.help',
  }),
  /** '' : generated IDs (C-…); else new clients are numbered in order after this prefix (core/ids.ts). */
  setting({
    key: 'clientIdPrefix',
    default: '',
    label: 'setting.clientIdPrefix',
    type: { kind: 'idPrefix' },
    help: 'setting.clientIdPrefix.help',
  }),
  /** With a prefix: the number starts again at 1 each year, after the year (KH2026-0001). */
  setting({
    key: 'clientIdYearly',
    default: false,
    label: 'setting.clientIdYearly',
    type: YES_NO,
    help: 'setting.clientIdYearly.help',
  }),
];

type Defined = (typeof DEFINITIONS)[number];

/** Every threshold of the rules, by key (read off DEFINITIONS). */
export type Settings = { [D in Defined as D['key']]: ValueOf<D['type']> };

export type SettingKey = keyof Settings;

export interface SettingDef {
  readonly key: SettingKey;
  readonly label: MessageKey;
  readonly type: SettingType;
  readonly default: Settings[SettingKey];
  /** The sentence Setup writes into the Notes column, from the catalogues. */
  readonly help: MessageKey;
  /** Names an earlier version wrote in the Key column: still read; Setup writes today's name. */
  readonly formerly?: FormerLabels;
}

/** In the order they appear on the Settings tab. */
export const SETTING_DEFS: readonly SettingDef[] = DEFINITIONS;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.fromEntries(
  DEFINITIONS.map((d) => [d.key, d.default]),
) as unknown as Settings;

const defsByName = new Map<string, SettingDef>();
for (const def of SETTING_DEFS) {
  for (const name of [def.key, ...LANGS.map((lang) => t(lang, def.label)), ...formerLabels(def.formerly)]) {
    defsByName.set(normalizeLabel(name), def);
  }
}

export function settingDef(key: SettingKey): SettingDef {
  const def = SETTING_DEFS.find((d) => d.key === key);
  if (!def) throw new Error(`Unknown setting ${key}`);
  return def;
}

export function settingLabel(key: SettingKey, lang: Lang): string {
  return t(lang, settingDef(key).label);
}

/** Up to 12 letters, digits, - or _ (or blank): an ID stays one plain word no sheet reads as a number or formula. */
const ID_PREFIX = /^(?:[A-Za-z][A-Za-z0-9_-]{0,11})?$/;

const WEEKDAY_CODES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A value as it is written into the Settings tab. */
export function formatSettingValue(key: SettingKey, value: Settings[SettingKey], lang: Lang): string | number {
  const def = settingDef(key);
  switch (def.type.kind) {
    case 'boolean':
      return label('yesNo', value ? 'yes' : 'no', lang);
    case 'weekday':
      return label('weekdays', WEEKDAY_CODES[(value as number) - 1], lang);
    case 'language':
      return value === null ? '' : label('languages', value as Lang, lang);
    case 'idPrefix':
      return value as string;
    default:
      return value as number;
  }
}

function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

type Parsed = { ok: true; value: Settings[SettingKey] } | { ok: false; expected: Message };

function parseValue(def: SettingDef, raw: unknown): Parsed {
  const type = def.type;
  switch (type.kind) {
    case 'int': {
      const n = readNumber(raw);
      if (n !== null && Number.isInteger(n) && n >= type.min && n <= type.max) return { ok: true, value: n };
      return { ok: false, expected: message('settings.expected.wholeNumber', { min: type.min, max: type.max }) };
    }
    case 'number': {
      const n = readNumber(raw);
      if (n !== null && n >= type.min) return { ok: true, value: n };
      return { ok: false, expected: message('settings.expected.number', { min: type.min }) };
    }
    case 'boolean': {
      const b = readYesNo(raw);
      return b === null ? { ok: false, expected: message('settings.expected.yesNo') } : { ok: true, value: b };
    }
    case 'weekday': {
      const n = readNumber(raw);
      if (n !== null && Number.isInteger(n) && n >= 1 && n <= 7) return { ok: true, value: n as Weekday };
      const code = parseEnum('weekdays', raw);
      if (code) return { ok: true, value: (WEEKDAY_CODES.indexOf(code) + 1) as Weekday };
      return { ok: false, expected: message('settings.expected.weekday') };
    }
    case 'language': {
      if (raw === null || raw === undefined || String(raw).trim() === '') return { ok: true, value: null };
      const code = parseEnum('languages', raw);
      return code ? { ok: true, value: code } : { ok: false, expected: message('settings.expected.language') };
    }
    case 'idPrefix': {
      const text = raw === null || raw === undefined ? '' : String(raw).normalize('NFKC').trim();
      return ID_PREFIX.test(text)
        ? { ok: true, value: text }
        : { ok: false, expected: message('settings.expected.idPrefix') };
    }
  }
}

export interface SettingsRead {
  settings: Settings;
  /** One sentence per bad value (the default is used instead). */
  problems: Message[];
  /** Keys not on the tab (setup adds them with their defaults). */
  missing: SettingKey[];
  /** Rows whose key is not a setting (left alone). */
  unknown: string[];
}

/**
 * Reads the Settings tab's values. The row the header finder picks (a title may sit above it) is
 * the header when it names Key and Value; otherwise keys are in the first column and values in the
 * second, from the first row.
 */
export function parseSettings(rows: readonly (readonly unknown[])[], lang: Lang = 'en'): SettingsRead {
  let keyCol = 0;
  let valueCol = 1;
  let start = 0;
  const found = findHeaderRow('settings', rows.slice(0, HEADER_SCAN_ROWS));
  if (found.ok && found.match.map.key !== undefined && found.match.map.value !== undefined) {
    keyCol = found.match.map.key;
    valueCol = found.match.map.value;
    start = found.row + 1;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: Message[] = [];
  const unknown: string[] = [];
  const seen = new Set<SettingKey>();
  for (let i = start; i < rows.length; i++) {
    const rawKey = rows[i][keyCol];
    if (rawKey === null || rawKey === undefined || String(rawKey).trim() === '') continue;
    const def = defsByName.get(normalizeLabel(String(rawKey)));
    if (!def) {
      unknown.push(String(rawKey));
      continue;
    }
    const keyLabel = t(lang, def.label);
    if (seen.has(def.key)) {
      problems.push(message('settings.duplicate', { key: keyLabel }));
      continue;
    }
    seen.add(def.key);
    const raw = rows[i][valueCol];
    const parsed = parseValue(def, raw);
    if (parsed.ok) {
      (settings as unknown as Record<SettingKey, Settings[SettingKey]>)[def.key] = parsed.value;
    } else {
      problems.push(
        message('settings.badValue', {
          key: keyLabel,
          value: raw === null || raw === undefined ? '' : String(raw),
          expected: render(lang, parsed.expected),
          default: String(formatSettingValue(def.key, DEFAULT_SETTINGS[def.key], lang)),
        }),
      );
    }
  }
  const missing = SETTING_DEFS.map((d) => d.key).filter((k) => !seen.has(k));
  return { settings, problems, missing, unknown };
}

export function intervalFor(
  settings: Pick<Settings, 'intervalA' | 'intervalB' | 'intervalC' | 'intervalD'>,
  grade: Grade,
): number {
  return settings[`interval${grade}`];
}

export function poolDaysFor(
  settings: Pick<Settings, 'poolDaysA' | 'poolDaysB' | 'poolDaysC' | 'poolDaysD'>,
  grade: Grade,
): number {
  return settings[`poolDays${grade}`];
}
