/**
 * Every threshold of the rules, as kept on the Settings tab (Key, Value, Notes), with the defaults
 * of the domain rules and a sentence explaining each. Reading is forgiving: either language's key, and a
 * bad value falls back to the default with a sentence saying so.
 */
import type { Weekday } from './dates';
import { type Lang, type Message, message, render } from './i18n';
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
  readonly en: string;
  readonly zh: string;
  readonly type: T;
  /** the value when the tab has no row for it or its value is bad */
  readonly default: ValueOf<T>;
  readonly help: { readonly en: string; readonly zh: string };
  /** Names an earlier version wrote in the Key column: still read; Setup writes today's name. */
  readonly formerly?: readonly string[];
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
    en: 'A window (days)',
    zh: 'A级期限（天）',
    type: DAYS,
    help: {
      en: 'Grade A: need, budget and decision maker confirmed, and the expected date within this many days.',
      zh: 'A级：需求、预算、决策人都已确认，且计划日期在该天数之内。',
    },
  }),
  setting({
    key: 'bWindow',
    default: 90,
    en: 'B window (days)',
    zh: 'B级期限（天）',
    type: DAYS,
    help: {
      en: 'Grade B: talking to the decision maker and the expected date within this many days.',
      zh: 'B级：已对接决策人，且计划日期在该天数之内。',
    },
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `interval${g}`,
      default: { A: 3, B: 7, C: 14, D: 30 }[g],
      en: `Follow-up interval ${g} (days)`,
      zh: `${g}级跟进间隔（天）`,
      type: INTERVAL,
      help: {
        en: `After a reached contact with no next date, a grade ${g} client's next follow-up is this many days later.`,
        zh: `联系上后如未填写下次跟进日期，${g}级客户的下次跟进定在该天数之后。`,
      },
    }),
  ),
  setting({
    key: 'skipWeekends',
    default: false,
    en: 'Skip weekends',
    zh: '跳过周末',
    type: YES_NO,
    help: {
      en: 'Yes: a proposed follow-up that falls on Saturday or Sunday moves to Monday.',
      zh: '是：建议的跟进日期如果落在周六或周日，顺延到周一。',
    },
  }),
  setting({
    key: 'retryDays',
    default: 1,
    en: 'Retry after (days)',
    zh: '没联系上再跟进间隔（天）',
    formerly: ['未接通重拨间隔（天）'],
    type: INTERVAL,
    help: {
      en: 'After an attempt that did not reach the client (no answer, busy…), the sidebar proposes trying again this many days later, counting working days only when Skip weekends is Yes. It is only a proposal: the plan changes when the contact is saved with it.',
      zh: '没联系上（无人接听、占线、没见到人等）时，侧边栏建议隔该天数再跟进；“跳过周末”为“是”时只计工作日。这只是建议，随跟进记录一起保存后才会改变跟进计划。',
    },
  }),
  setting({
    key: 'dormantDays',
    default: 90,
    en: 'Dormant after (days)',
    zh: '休眠天数',
    type: DAYS,
    help: {
      en: 'A client with no reached contact for this many days becomes Dormant.',
      zh: '连续超过该天数没有联系上的客户，状态变为“休眠”。',
    },
  }),
  setting({
    key: 'warningGapFactor',
    default: 2,
    en: 'Early warning: gap × interval',
    zh: '流失预警：间隔倍数',
    type: { kind: 'number', min: 1 },
    help: {
      en: 'Warn when the days since the last reached contact exceed this many times the grade’s interval.',
      zh: '距上次联系上的天数超过该级别跟进间隔的这个倍数时，发出流失预警。',
    },
  }),
  setting({
    key: 'expiryWarningDays',
    default: 30,
    en: 'Expiry warning (days)',
    zh: '到期预警（天）',
    type: DAYS,
    help: {
      en: 'Warn when a contract expires within this many days and nobody has reached the client since.',
      zh: '合同在该天数内到期、且此后一直没联系上客户时，发出预警。',
    },
  }),
  setting({
    key: 'overCallFactor',
    default: 0.5,
    en: 'Over-calling warning (× interval)',
    zh: '过度联系提醒（间隔倍数）',
    type: { kind: 'number', min: 0 },
    help: {
      en: 'Warn when a client is reached again sooner than this fraction of the grade’s interval (0 = never warn).',
      zh: '两次联系上的间隔短于跟进间隔的这个比例时提醒（0 = 不提醒）。',
    },
  }),
  setting({
    key: 'poolEnabled',
    default: false,
    en: 'Shared pool enabled',
    zh: '启用公海',
    type: YES_NO,
    help: {
      en: 'Yes: clients with no reached contact for the days below lose their owner and go to the shared pool.',
      zh: '是：超过下列天数没有联系上的客户将清空负责人，进入公海。',
    },
  }),
  ...(['A', 'B', 'C', 'D'] as const).map((g) =>
    setting({
      key: `poolDays${g}`,
      default: { A: 15, B: 30, C: 45, D: 60 }[g],
      en: `Pool release after ${g} (days)`,
      zh: `${g}级进入公海天数`,
      type: { kind: 'int', min: 1, max: 3650 },
      help: {
        en: `A grade ${g} client goes to the pool after this many days without a reached contact.`,
        zh: `${g}级客户连续超过该天数没有联系上，进入公海。`,
      },
    }),
  ),
  setting({
    key: 'reclaimDays',
    default: 7,
    en: 'Former owner may reclaim after (days)',
    zh: '原负责人再次领取间隔（天）',
    formerly: ['原负责人重新领取等待（天）'],
    type: DAYS,
    help: {
      en: 'The owner a client was released from must wait this many days before claiming it back.',
      zh: '客户被释放后，原负责人要隔该天数才能再次领取。',
    },
  }),
  setting({
    key: 'poolWarningDays',
    default: 7,
    en: 'Pool warning (days before)',
    zh: '公海预警（提前天数）',
    type: DAYS,
    help: {
      en: 'Owners are warned this many days before a client drops into the pool.',
      zh: '客户进入公海前，提前该天数提醒负责人。',
    },
  }),
  setting({
    key: 'poolExemptRenewal',
    default: true,
    en: 'Open renewals stay out of the pool',
    zh: '待续约客户不进公海',
    type: YES_NO,
    help: {
      en: 'Yes: a client whose Expiry date is today or later is never released to the pool.',
      zh: '是：到期日在今天或之后的客户不会被释放到公海。',
    },
  }),
  setting({
    key: 'dailyHour',
    default: 8,
    en: 'Daily run hour',
    zh: '每日运行时间（点）',
    type: { kind: 'int', min: 0, max: 23 },
    help: {
      en: 'The hour (0–23, spreadsheet time zone) of the daily refresh, reports and emails.',
      zh: '每日刷新、报表和邮件的运行时间（0–23 点，表格时区）。',
    },
  }),
  setting({
    key: 'weeklyDay',
    default: 1,
    en: 'Weekly summary day',
    zh: '周报日',
    type: { kind: 'weekday' },
    help: { en: 'Managers get their weekly summary on this day.', zh: '经理在这一天收到周总结。' },
  }),
  setting({
    key: 'monthlyDay',
    default: 1,
    en: 'Monthly report day',
    zh: '月报日',
    type: { kind: 'int', min: 1, max: 28 },
    help: {
      en: 'Directors get the monthly report on this day of the month (1–28).',
      zh: '总监在每月的这一天收到月报（1–28）。',
    },
  }),
  setting({
    key: 'escalateManagerDays',
    default: 3,
    en: 'Escalate to manager after (days overdue)',
    zh: '逾期上报经理（天）',
    type: DAYS,
    help: {
      en: 'Clients overdue by more than this many days appear in the manager’s summary.',
      zh: '逾期超过该天数的客户会列入经理的周总结。',
    },
  }),
  setting({
    key: 'escalateDirectorDays',
    default: 7,
    en: 'Escalate to director after (days overdue)',
    zh: '逾期上报总监（天）',
    type: DAYS,
    help: {
      en: 'Clients overdue by more than this many days appear in the director’s report.',
      zh: '逾期超过该天数的客户会列入总监的报告。',
    },
  }),
  setting({
    key: 'reportListRows',
    default: 1000,
    en: 'Report list rows (at most)',
    zh: '报表清单行数（上限）',
    type: { kind: 'int', min: 10, max: 100_000 },
    help: {
      en: 'Each list on a report tab shows at most this many rows, most urgent first; a note says how many more there are.',
      zh: '报表页上的每个清单最多显示这么多行，最紧急的在前；注释会说明还有多少行未显示。',
    },
  }),
  /** null: from the spreadsheet's locale. */
  setting({
    key: 'language',
    default: null,
    en: 'Language',
    zh: '语言',
    type: { kind: 'language' },
    help: {
      en: 'English or 简体中文; blank follows the spreadsheet’s locale.',
      zh: 'English 或 简体中文；留空则跟随表格的区域设置。',
    },
  }),
  setting({
    key: 'vipDealValue',
    default: 100_000,
    en: 'VIP deal value (at least)',
    zh: 'VIP 成交金额（不低于）',
    type: { kind: 'number', min: 0 },
    help: {
      en: 'A Won client with at least this deal value and satisfaction 4 or 5 is VIP.',
      zh: '成交金额不低于此值且满意度为 4 或 5 的成交客户为 VIP。',
    },
  }),
  setting({
    key: 'lowValueDealValue',
    default: 10_000,
    en: 'Low value deal value (below)',
    zh: '低价值成交金额（低于）',
    type: { kind: 'number', min: 0 },
    help: {
      en: 'A Won client with a deal value below this is low value.',
      zh: '成交金额低于此值的成交客户为低价值客户。',
    },
  }),
  /** '' : generated IDs (C-…); else new clients are numbered in order after this prefix (core/ids.ts). */
  setting({
    key: 'clientIdPrefix',
    default: '',
    en: 'Client number prefix',
    zh: '客户编号前缀',
    type: { kind: 'idPrefix' },
    help: {
      en: 'Blank: Client Tracker makes its own IDs (C-…). With a prefix such as KH- new clients are numbered in order, KH-0001, KH-0002…; a number is never used twice, even after its row is deleted.',
      zh: '留空：由客户跟踪自动生成编号（C-…）。填写前缀（如 KH-）后，新客户按顺序编号：KH-0001、KH-0002……；删掉的编号也不会再用。',
    },
  }),
  /** With a prefix: the number starts again at 1 each year, after the year (KH2026-0001). */
  setting({
    key: 'clientIdYearly',
    default: false,
    en: 'Client numbers restart each year',
    zh: '客户编号每年从 1 开始',
    type: YES_NO,
    help: {
      en: 'Yes: the year follows the prefix and numbering starts again each January (KH2026-0001). No: one running number.',
      zh: '是：前缀后面加年份，每年一月重新从 1 编号（KH2026-0001）。否：一直顺着编下去。',
    },
  }),
];

type Defined = (typeof DEFINITIONS)[number];

/** Every threshold of the rules, by key (read off DEFINITIONS). */
export type Settings = { [D in Defined as D['key']]: ValueOf<D['type']> };

export type SettingKey = keyof Settings;

export interface SettingDef {
  readonly key: SettingKey;
  readonly en: string;
  readonly zh: string;
  readonly type: SettingType;
  readonly default: Settings[SettingKey];
  readonly help: { readonly en: string; readonly zh: string };
  /** Names an earlier version wrote in the Key column: still read; Setup writes today's name. */
  readonly formerly?: readonly string[];
}

/** In the order they appear on the Settings tab. */
export const SETTING_DEFS: readonly SettingDef[] = DEFINITIONS;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.fromEntries(
  DEFINITIONS.map((d) => [d.key, d.default]),
) as unknown as Settings;

const defsByName = new Map<string, SettingDef>();
for (const def of SETTING_DEFS) {
  for (const name of [def.key, def.en, def.zh, ...(def.formerly ?? [])]) defsByName.set(normalizeLabel(name), def);
}

export function settingDef(key: SettingKey): SettingDef {
  const def = SETTING_DEFS.find((d) => d.key === key);
  if (!def) throw new Error(`Unknown setting ${key}`);
  return def;
}

export function settingLabel(key: SettingKey, lang: Lang): string {
  const def = settingDef(key);
  return lang === 'zh-CN' ? def.zh : def.en;
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
    const keyLabel = lang === 'zh-CN' ? def.zh : def.en;
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
