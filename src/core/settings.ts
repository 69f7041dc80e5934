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
  /** Its name in the Key column, one per language: the catalogues' word `setting.<key>`. */
  readonly label: MessageKey;
  readonly type: T;
  /** the value when the tab has no row for it or its value is bad */
  readonly default: ValueOf<T>;
  /** The sentence Setup writes into the Notes column, from the catalogues. */
  readonly help: MessageKey;
  /** Names an earlier version wrote in the Key column: still read; Setup writes today's name. */
  readonly formerly?: FormerLabels;
}

/** A setting as declared: its name and its note are the catalogues' words `setting.<key>` and `setting.<key>.help`. */
function setting<const K extends string, const T extends SettingType>(
  def: Omit<Definition<K, T>, 'label' | 'help'>,
): Definition<K, T> {
  return { label: `setting.${def.key}` as MessageKey, help: `setting.${def.key}.help` as MessageKey, ...def };
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
    type: DAYS,
  }),
  setting({
    key: 'bWindow',
    default: 90,
    type: DAYS,
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `interval${g}`,
      default: { A: 3, B: 7, C: 14, D: 30 }[g],
      type: INTERVAL,
    }),
  ),
  setting({
    key: 'skipWeekends',
    default: false,
    type: YES_NO,
  }),
  setting({
    key: 'retryDays',
    default: 1,
    formerly: { 'zh-CN': ['未接通重拨间隔（天）'] },
    type: INTERVAL,
  }),
  setting({
    key: 'dormantDays',
    default: 90,
    type: DAYS,
  }),
  setting({
    key: 'warningGapFactor',
    default: 2,
    type: { kind: 'number', min: 1 },
  }),
  setting({
    key: 'expiryWarningDays',
    default: 30,
    type: DAYS,
  }),
  setting({
    key: 'overCallFactor',
    default: 0.5,
    type: { kind: 'number', min: 0 },
  }),
  setting({
    key: 'poolEnabled',
    default: false,
    type: YES_NO,
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `poolDays${g}`,
      default: { A: 15, B: 30, C: 45, D: 60 }[g],
      type: { kind: 'int', min: 1, max: 3650 },
    }),
  ),
  setting({
    key: 'reclaimDays',
    default: 7,
    formerly: { 'zh-CN': ['原负责人重新领取等待（天）'] },
    type: DAYS,
  }),
  setting({
    key: 'poolWarningDays',
    default: 7,
    type: DAYS,
  }),
  setting({
    key: 'poolExemptRenewal',
    default: true,
    type: YES_NO,
  }),
  setting({
    key: 'dailyHour',
    default: 8,
    type: { kind: 'int', min: 0, max: 23 },
  }),
  setting({
    key: 'weeklyDay',
    default: 1,
    type: { kind: 'weekday' },
  }),
  setting({
    key: 'monthlyDay',
    default: 1,
    type: { kind: 'int', min: 1, max: 28 },
  }),
  setting({
    key: 'escalateManagerDays',
    default: 3,
    type: DAYS,
  }),
  setting({
    key: 'escalateDirectorDays',
    default: 7,
    type: DAYS,
  }),
  setting({
    key: 'reportListRows',
    default: 1000,
    type: { kind: 'int', min: 10, max: 100_000 },
  }),
  /** null: from the spreadsheet's locale. */
  setting({
    key: 'language',
    default: null,
    type: { kind: 'language' },
  }),
  setting({
    key: 'vipDealValue',
    default: 100_000,
    type: { kind: 'number', min: 0 },
  }),
  setting({
    key: 'lowValueDealValue',
    default: 10_000,
    type: { kind: 'number', min: 0 },
  }),
  /** '' : generated IDs (C-…); else new clients are numbered in order after this prefix (core/ids.ts). */
  setting({
    key: 'clientIdPrefix',
    default: '',
    type: { kind: 'idPrefix' },
  }),
  /** With a prefix: the number starts again at 1 each year, after the year (KH2026-0001). */
  setting({
    key: 'clientIdYearly',
    default: false,
    type: YES_NO,
  }),
];

type Defined = (typeof DEFINITIONS)[number];

/** Every setting's name and note are words of the catalogues: a setting without them does not compile, naming them. */
const _everySettingWorded: Record<
  Exclude<`setting.${Defined['key']}` | `setting.${Defined['key']}.help`, MessageKey>,
  never
> = {};

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
