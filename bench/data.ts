/**
 * Deterministic, plausible workbook content: a sales team, clients in every stage, and a contact log
 * whose latest reached contact agrees with each client's Last contact. Rows are built as the model
 * stores them (what getValues returns: labels as text, Dates as Date), by header position found by
 * name, so the benchmark follows the schema as it changes.
 */
import { type DayKey, dayKey } from '../src/core/dates';
import { gradeClient } from '../src/core/grade';
import { type ListCode, type ListName, codes, label } from '../src/core/lists';
import type { ColumnKey } from '../src/core/schema';
import { DEFAULT_SETTINGS, intervalFor } from '../src/core/settings';
import { computeStatus } from '../src/core/status';
import type { CellValue } from '../src/local/emulator/model';

const DAY_MS = 86_400_000;

/** mulberry32: small, fast, reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/** Picks by weight: [[value, weight], …]. */
function weighted<T>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1][0];
}

function en<L extends ListName>(list: L, code: ListCode<L>): string {
  return label(list, code, 'en');
}

export interface TeamMember {
  name: string;
  email: string;
  role: 'salesperson' | 'manager' | 'director';
  manager: string;
}

/** 20 salespeople in 3 teams, 3 managers, 1 director. */
export function team(): TeamMember[] {
  const director: TeamMember = { name: 'Wang Zong', email: 'wang.zong@example.com', role: 'director', manager: '' };
  const managers = ['Li Na', 'Chen Jie', 'Zhao Min'].map((name): TeamMember => ({
    name,
    email: `${name.toLowerCase().replace(' ', '.')}@example.com`,
    role: 'manager',
    manager: director.name,
  }));
  const reps = Array.from({ length: 20 }, (_, i): TeamMember => {
    const name = `Rep ${String(i + 1).padStart(2, '0')}`;
    return { name, email: `rep${i + 1}@example.com`, role: 'salesperson', manager: managers[i % 3].name };
  });
  return [director, ...managers, ...reps];
}

export function teamRow(
  member: TeamMember,
  map: Partial<Record<ColumnKey<'team'>, number>>,
  width: number,
): CellValue[] {
  const row: CellValue[] = new Array(width).fill('');
  const set = (key: ColumnKey<'team'>, v: CellValue) => {
    const i = map[key];
    if (i !== undefined) row[i] = v;
  };
  set('name', member.name);
  set('email', member.email);
  set('role', en('roles', member.role));
  set('manager', member.manager);
  set('active', en('yesNo', 'yes'));
  set('digest', en('yesNo', 'yes'));
  return row;
}

const COMPANY = [
  'Harbor',
  'Golden',
  'Eastern',
  'Pearl',
  'Summit',
  'Jade',
  'Northstar',
  'Lotus',
  'Everbright',
  'Riverside',
];
const TRADE = ['Trading', 'Building Materials', 'Property', 'Logistics', 'Foods', 'Textiles', 'Machinery', 'Clinic'];
const ZH_COMPANY = ['华东建材', '金桥物业', '东方贸易', '明珠食品', '长江物流', '和信机械'];
const PEOPLE = ['Zhang Wei', 'Wang Fang', 'Liu Yang', 'Chen Jing', 'Yang Lei', 'Huang Min', '张伟', '王芳', '刘洋'];
const TITLES = ['Owner', 'Purchasing manager', 'Office manager', 'General manager', '采购', '经理'];
const SUMMARIES = [
  'Introduced our service; asked for a price list.',
  'Walked through the proposal with the decision maker.',
  'Client comparing two other brands; wants a site visit.',
  'Follow-up on the quote; budget approved next month.',
  'Holiday greeting, short call.',
  '介绍了产品，客户要求报价单。',
  '客户在比较其他品牌，约了下周看现场。',
  'Satisfaction survey: happy with installation.',
];
const OBJECTIONS = [
  '',
  '',
  '',
  'Price too high',
  'Already has a supplier',
  'Needs approval from head office',
  '价格太高',
];
const TOPICS = ['Send the quote', 'Site visit', 'Confirm budget', 'Contract draft', '回访', '送报价'];

export interface ClientPlan {
  id: string;
  name: string;
  owner: string;
  /** contacts to generate for this client */
  contacts: number;
}

export interface GeneratedClient {
  row: CellValue[];
  plan: ClientPlan;
}

export interface Clock {
  today: DayKey;
  tz: string;
  /** midnight today in the spreadsheet zone, as epoch ms */
  midnightMs: number;
}

/** A day n days from today, as the Date a day cell holds (midnight in the spreadsheet zone). */
function dayDate(clock: Clock, offsetDays: number): Date {
  return new Date(clock.midnightMs + offsetDays * DAY_MS);
}

export function clientId(i: number): string {
  return `C-BENCH${i.toString(36).toUpperCase().padStart(5, '0')}`;
}

export function contactId(i: number): string {
  return `K-BENCH${i.toString(36).toUpperCase().padStart(6, '0')}`;
}

export function clientName(i: number): string {
  // Every 6th client has a Chinese name; the number keeps names unique, as a real register would.
  const rnd = random(i * 7919 + 1);
  return i % 6 === 5 ? `${pick(rnd, ZH_COMPANY)}${i}号` : `${pick(rnd, COMPANY)} ${pick(rnd, TRADE)} ${i}`;
}

type ClientMap = Partial<Record<ColumnKey<'clients'>, number>>;
type ContactMap = Partial<Record<ColumnKey<'contacts'>, number>>;

/**
 * One client row plus the contacts that back it. Days since the latest reached contact are spread so
 * that a realistic share is overdue (~15 %), dormant (~10 %) or near the pool release.
 */
export function generateClient(
  i: number,
  contactsPerClient: number,
  reps: readonly TeamMember[],
  map: ClientMap,
  width: number,
  clock: Clock,
): { row: CellValue[]; plan: ClientPlan; lastReachedOffset: number | null } {
  const rnd = random(i + 1);
  const row: CellValue[] = new Array(width).fill('');
  const set = (key: ColumnKey<'clients'>, v: CellValue) => {
    const index = map[key];
    if (index !== undefined) row[index] = v;
  };
  const id = clientId(i);
  const name = clientName(i);
  const owner = reps[i % reps.length].name;
  const stage = weighted(rnd, [
    ['A', 30],
    ['A2', 20],
    ['B1', 15],
    ['B2', 10],
    ['B3', 5],
    ['won', 12],
    ['lost', 8],
  ] as const);
  const needConfirmed = rnd() < 0.7;
  const budget = rnd() < 0.4;
  const decisionMaker = rnd() < 0.5;
  const expectedOffset = rnd() < 0.8 ? Math.floor(rnd() * 200) - 20 : null;
  const createdOffset = -Math.floor(30 + rnd() * 700);
  const lastReachedOffset = rnd() < 0.95 ? -Math.floor(rnd() < 0.85 ? rnd() * 40 : 40 + rnd() * 200) : null;

  const yes = (b: boolean) => en('yesNo', b ? 'yes' : 'no');
  const expectedDay = expectedOffset === null ? null : dayKey(dayDate(clock, expectedOffset), clock.tz);
  const graded = gradeClient(
    { needConfirmed, budgetConfirmed: budget, decisionMaker, expectedDate: expectedDay, gradeOverride: null },
    DEFAULT_SETTINGS,
    clock.today,
  );
  const lastDay = lastReachedOffset === null ? null : dayKey(dayDate(clock, lastReachedOffset), clock.tz);
  const createdDay = dayKey(dayDate(clock, createdOffset), clock.tz);
  const status = computeStatus(
    { stage, owner, previousStatus: null, lastContact: lastDay, created: createdDay },
    DEFAULT_SETTINGS,
    clock.today,
  );

  set('id', id);
  set('name', name);
  set('contact', pick(rnd, PEOPLE));
  set('title', pick(rnd, TITLES));
  set('phone', `1${String(3800000000 + i * 7).padStart(10, '0')}`);
  set('email', `buyer${i}@client${i % 997}.example.com`);
  set('address', `Building ${1 + (i % 40)}, ${pick(rnd, COMPANY)} Road ${1 + (i % 300)}`);
  set('kind', en('kinds', pick(rnd, codes('kinds'))));
  set('source', en('sources', pick(rnd, codes('sources'))));
  set('owner', owner);
  set('stage', en('stages', stage));
  set('grade', graded.grade);
  set('status', en('statuses', status));
  set('need', needConfirmed ? 'Replace old equipment' : '');
  set('needConfirmed', yes(needConfirmed));
  set('budgetConfirmed', yes(budget));
  set('decisionMaker', yes(decisionMaker));
  set('competitors', rnd() < 0.3 ? 'BrandX' : '');
  if (expectedOffset !== null) set('expectedDate', dayDate(clock, expectedOffset));
  if (lastReachedOffset !== null) set('lastContact', dayDate(clock, lastReachedOffset));
  if (stage !== 'lost' && rnd() < 0.95) {
    // Planned from the last contact by the grade's interval; some plans have slipped (overdue).
    const base = lastReachedOffset ?? 0;
    const next = base + intervalFor(DEFAULT_SETTINGS, graded.grade) + (rnd() < 0.15 ? -20 : Math.floor(rnd() * 10));
    set('nextFollowUp', dayDate(clock, next));
    set('nextOwner', rnd() < 0.9 ? owner : reps[(i + 1) % reps.length].name);
    set('nextTopic', pick(rnd, TOPICS));
  }
  if (stage === 'won') {
    set('dealValue', Math.round(5000 + rnd() * 200000));
    set('expiryDate', dayDate(clock, Math.floor(rnd() * 400) - 30));
    set('satisfaction', 1 + Math.floor(rnd() * 5));
  }
  if (stage === 'lost') set('lostReason', en('lostReasons', pick(rnd, codes('lostReasons'))));
  set('created', dayDate(clock, createdOffset));
  return { row, plan: { id, name, owner, contacts: contactsPerClient }, lastReachedOffset };
}

/**
 * The client's contacts, oldest first; the last one is the reached contact on Last contact (when
 * there is one), the others are earlier attempts, about a third of them unanswered.
 */
export function generateContacts(
  plan: ClientPlan,
  firstIndex: number,
  lastReachedOffset: number | null,
  map: ContactMap,
  width: number,
  clock: Clock,
): CellValue[][] {
  const rows: CellValue[][] = [];
  const rnd = random(firstIndex * 31 + 7);
  const end = lastReachedOffset ?? -Math.floor(rnd() * 60);
  for (let k = 0; k < plan.contacts; k++) {
    const row: CellValue[] = new Array(width).fill('');
    const set = (key: ColumnKey<'contacts'>, v: CellValue) => {
      const index = map[key];
      if (index !== undefined) row[index] = v;
    };
    const last = k === plan.contacts - 1;
    const offset = end - (plan.contacts - 1 - k) * (3 + Math.floor(rnd() * 12));
    const reached = last ? lastReachedOffset !== null : rnd() < 0.65;
    const hour = 9 + Math.floor(rnd() * 9);
    set('id', contactId(firstIndex + k));
    set('date', new Date(clock.midnightMs + offset * DAY_MS + hour * 3_600_000));
    set('clientId', plan.id);
    set('client', plan.name);
    set('by', plan.owner);
    set('channel', en('channels', pick(rnd, codes('channels'))));
    set(
      'outcome',
      en('outcomes', reached ? 'reached' : pick(rnd, ['noAnswer', 'busy', 'noAnswer', 'wrongNumber'] as const)),
    );
    if (reached) {
      set('result', en('results', pick(rnd, codes('results'))));
      set('summary', pick(rnd, SUMMARIES));
      set('objections', pick(rnd, OBJECTIONS));
      set('attitude', en('attitudes', pick(rnd, ['friendly', 'neutral', 'neutral', 'hesitant', 'cold'] as const)));
      set('reason', en('reasons', pick(rnd, codes('reasons'))));
    }
    if (last) {
      set('nextFollowUp', dayDate(clock, offset + 7));
      set('nextOwner', plan.owner);
      set('nextTopic', pick(rnd, TOPICS));
    }
    rows.push(row);
  }
  return rows;
}
