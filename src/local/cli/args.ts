/**
 * The command line, parsed and checked before anything is opened: a usage error (unknown command or
 * option, a bad --now, --tz or --locale) ends with one sentence and exit code 2.
 */
import { type WallClock, isValidTimeZone } from '../emulator/spreadsheet/dates';
import { cliText } from './messages';
import { type Assumptions, type DeploymentMode, parseAssumption } from '../emulator/readings';

export const COMMANDS = [
  'demo',
  'setup',
  'roles',
  'refresh',
  'reports',
  'digest',
  'daily',
  'call',
  'serve',
  'share',
  'import',
] as const;
export type Command = (typeof COMMANDS)[number];

/** A wall-clock time, read in the workbook's time zone once that is known. */
export type WallTime = Omit<WallClock, 'millisecond' | 'weekday'>;

export interface CliOptions {
  workbook?: string;
  now?: WallTime;
  tz?: string;
  /** a spreadsheet locale: en_US, zh_CN, … */
  locale?: string;
  user?: string;
  outbox?: string;
  force: boolean;
  port?: number;
  /** seconds to wait for the workbook's lock */
  wait?: number;
  /** share: people to give edit access, view access, or none */
  editor: string[];
  viewer: string[];
  remove: string[];
  mode?: DeploymentMode;
  /** --assume name=value, repeatable: readings of undocumented behaviour (emulator/readings.ts) */
  assume: Assumptions;
  /** import: the list, its tab, the user's header choices ("联系电话=phone"), create-and-update, preview only */
  from?: string;
  sheet?: string;
  map: string[];
  /** import: the batch to undo */
  undo?: string;
  update: boolean;
  dryRun: boolean;
}

export interface ParsedArgs {
  command: Command | 'help';
  /** `call`'s function name and JSON arguments */
  positional: string[];
  options: CliOptions;
}

export class UsageError extends Error {}

const VALUE_OPTIONS = [
  'workbook',
  'now',
  'tz',
  'locale',
  'user',
  'outbox',
  'port',
  'wait',
  'editor',
  'viewer',
  'remove',
  'mode',
  'assume',
  'from',
  'sheet',
  'map',
  'undo',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Options that take no value. */
const FLAGS: Record<string, 'force' | 'update' | 'dryRun'> = { force: 'force', update: 'update', 'dry-run': 'dryRun' };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = {
    force: false,
    editor: [],
    viewer: [],
    remove: [],
    assume: {},
    map: [],
    update: false,
    dryRun: false,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { command: 'help', positional: [], options };
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const flag = FLAGS[name];
    if (flag !== undefined) {
      if (eq >= 0) throw new UsageError(cliText('flagNoValue', { name }));
      options[flag] = true;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(cliText('unknownOption', { name }));
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(cliText('needsValue', { name }));
    setOption(options, name as ValueOption, value);
  }
  const [command, ...positional] = rest;
  if (command === undefined) return { command: 'help', positional: [], options };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(cliText('unknownCommand', { command, commands: COMMANDS.join(', ') }));
  }
  if (command === 'call' && positional.length === 0) throw new UsageError(cliText('callNeedsName'));
  if (command !== 'call' && positional.length > 0) {
    throw new UsageError(cliText('noArguments', { command, arg: positional[0] }));
  }
  return { command: command as Command, positional, options };
}

function setOption(options: CliOptions, name: ValueOption, value: string): void {
  switch (name) {
    case 'now':
      options.now = parseWallTime(value);
      return;
    case 'tz':
      if (!isValidTimeZone(value)) throw new UsageError(cliText('badTz', { value }));
      options.tz = value;
      return;
    case 'locale':
      options.locale = parseLocale(value);
      return;
    case 'port': {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(cliText('badPort', { value }));
      options.port = port;
      return;
    }
    case 'mode':
      if (value !== 'bound' && value !== 'addon') throw new UsageError(cliText('badMode', { value }));
      options.mode = value;
      return;
    case 'assume':
      try {
        Object.assign(options.assume, parseAssumption(value));
      } catch (e) {
        throw new UsageError(cliText('badAssume', { value, reason: (e as Error).message }));
      }
      return;
    case 'user':
      if (!isEmail(value)) throw new UsageError(cliText('badUser', { value }));
      options.user = value;
      return;
    case 'wait': {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds))
        throw new UsageError(cliText('badWait', { value }));
      options.wait = seconds;
      return;
    }
    case 'editor':
    case 'viewer':
    case 'remove':
      if (!isEmail(value)) throw new UsageError(cliText('badEmail', { name, value }));
      options[name].push(value.trim());
      return;
    case 'map':
      options.map.push(value);
      return;
    default:
      options[name] = value;
  }
}

function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** 2026-03-02, 2026-03-02T09:00 or 2026-03-02 09:00:30; no zone (it is the workbook's). */
export function parseWallTime(text: string): WallTime {
  const m = WALL_TIME.exec(text.trim());
  const bad = (): UsageError => new UsageError(cliText('badNow', { value: text }));
  if (!m) throw bad();
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw bad();
  }
  return { year, month, day, hour, minute, second };
}

/** en, en_US, en-GB, zh, zh_CN, zh-CN … → a spreadsheet locale (language_REGION). */
export function parseLocale(text: string): string {
  const m = /^(en|zh)(?:[-_]([a-z]{2}))?$/i.exec(text.trim());
  if (!m) throw new UsageError(cliText('badLocale', { value: text }));
  const language = m[1].toLowerCase();
  const region = (m[2] ?? (language === 'zh' ? 'CN' : 'US')).toUpperCase();
  return `${language}_${region}`;
}

/** The --help text, in the run's language. */
export function usage(): string {
  return cliText('usage');
}
