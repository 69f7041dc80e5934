/**
 * The demo's rows, as a team would have typed them over six months: clients in every stage, with the
 * qualification facts that give every grade, owners (and a few without, for the shared pool), next
 * steps that are overdue, due today, upcoming or missing, and a contact log whose latest reached
 * contact explains each client's state. Rows are keyed by column key; labels are in the workbook's
 * language. Computed columns are left to the add-on's own refresh.
 */
import { type Lang, nextLang, t } from '../../core/i18n';
import {
  label,
  type Attitude,
  type Channel,
  type ChangeKind,
  type Grade,
  type Kind,
  type ListCode,
  type ListName,
  type LostReason,
  type Outcome,
  type Reason,
  type Result,
  type Source,
  type Stage,
} from '../../core/lists';
import type { CellValue } from '../emulator/model';
import { EN, TEAM, ZH, person, wordsOf, type Words } from './people';
import { Random } from './random';

export type Row = Record<string, CellValue>;

export interface DemoRows {
  team: Row[];
  clients: Row[];
  contacts: Row[];
  changes: Row[];
}

export interface DemoOptions {
  /** day number (days since 1970-01-01) of today in the workbook's time zone */
  today: number;
  /** a day number and time of day → the Date for that wall clock in the workbook's time zone */
  at(day: number, hour?: number, minute?: number): Date;
  lang: Lang;
  clients?: number;
  seed?: number;
}

type Profile = 'active' | 'dormant' | 'neverReached' | 'untried';
type FollowUp = 'overdue' | 'dueToday' | 'upcoming' | 'unplanned';

interface ClientPlan {
  id: string;
  name: string;
  owner: string;
  /** who worked the client before it went to the pool */
  formerOwner: string;
  stage: Stage;
  profile: Profile;
  created: number;
  lastReached: number | null;
  next: number | null;
  nextOwner: string;
  nextTopic: string;
  words: Words;
}

const SALESPEOPLE = TEAM.filter((p) => p.role === 'salesperson').map((p) => p.name);
const OPEN_PATH: readonly Stage[] = ['A', 'A2', 'B1', 'B2', 'B3'];
/** Open stages whose clients carry a Deal value: a need analysed, a proposal or a negotiation. */
const VALUED_STAGES: readonly Stage[] = ['B1', 'B2', 'B3'];
const SIX_MONTHS = 182;

export function generateDemo(opts: DemoOptions): DemoRows {
  const rng = new Random(opts.seed ?? 20260302);
  const lbl = <L extends ListName>(list: L, code: ListCode<L>): string => label(list, code, opts.lang);
  const yes = (b: boolean): string => lbl('yesNo', b ? 'yes' : 'no');
  const { today, at } = opts;

  const team: Row[] = TEAM.map((p) => ({
    name: p.name,
    email: p.email,
    role: lbl('roles', p.role),
    manager: p.manager,
    active: yes(true),
    digest: yes(true),
    language: lbl('languages', p.language),
  }));

  const clients: Row[] = [];
  const contacts: Row[] = [];
  const changes: Row[] = [];
  let contactSeq = 0;
  const change = (
    day: number,
    clientId: string,
    what: ChangeKind,
    old: string,
    now: string,
    by: string,
    reason: string,
  ): void => {
    changes.push({
      id: '',
      date: at(day, rng.int(9, 17), 5 * rng.int(0, 11)),
      clientId,
      what: lbl('changeKinds', what),
      old,
      new: now,
      by,
      reason,
    });
  };

  const count = opts.clients ?? 320;
  for (let i = 0; i < count; i++) {
    const plan = planClient(rng, i, today);
    const facts = qualification(rng, plan.stage, today);
    const source = rng.weighted<Source>({
      newEstate: 18,
      workUnitHousing: 8,
      organization: 22,
      privateHouse: 10,
      referral: 14,
      event: 8,
      phone: 8,
      web: 9,
      other: 3,
    });
    const identity = clientIdentity(rng, i, source, plan.words === ZH);
    plan.name = identity.name;
    const won = plan.stage === 'won';
    clients.push({
      id: plan.id,
      name: identity.name,
      contact: identity.contact,
      title: rng.pick(plan.words.titles),
      phone: phoneNumber(rng),
      email: identity.email,
      address: identity.address,
      kind: lbl('kinds', rng.weighted<Kind>({ direct: 55, keyPerson: 25, potential: 20 })),
      source: lbl('sources', source),
      owner: plan.owner,
      collaborator: plan.stage === 'B2' || plan.stage === 'B3' ? person(plan.owner || plan.formerOwner).manager : '',
      stage: lbl('stages', plan.stage),
      gradeOverride: rng.chance(0.03) ? lbl('grades', rng.pick<Grade>(['A', 'B', 'C'])) : '',
      need: rng.pick(plan.words.needs),
      needConfirmed: yes(facts.need),
      budgetConfirmed: yes(facts.budget),
      decisionMaker: yes(facts.decisionMaker),
      competitors: rng.chance(0.35) ? rng.pick(plan.words.competitors) : '',
      expectedDate: facts.expected === null ? '' : at(facts.expected),
      nextFollowUp: plan.next === null ? '' : at(plan.next),
      nextOwner: plan.next === null ? '' : plan.nextOwner,
      nextTopic: plan.next === null ? '' : plan.nextTopic,
      // Won: the contract; from B1 on: the deal being worked on (the funnel's pipeline value).
      dealValue: won || VALUED_STAGES.includes(plan.stage) ? 1000 * rng.int(8, 600) : '',
      expiryDate: won ? at(today + rng.int(-20, 365)) : '',
      satisfaction: won ? Number(rng.weighted({ 5: 30, 4: 35, 3: 20, 2: 10, 1: 5 })) : '',
      lostReason:
        plan.stage === 'lost'
          ? lbl(
              'lostReasons',
              rng.weighted<LostReason>({
                price: 25,
                competitor: 22,
                needMoved: 14,
                neglect: 8,
                quality: 6,
                overPromising: 5,
                salespersonLeft: 5,
                keyPersonLeft: 6,
                lowSwitchingCost: 5,
                market: 4,
              }),
            )
          : '',
      created: at(plan.created),
      notes: rng.chance(0.3) ? rng.pick(plan.words.notes) : '',
    });

    // Each stage a contact moves the client to is one Changes row, as the sidebar records it.
    let stage: Stage | null = null;
    for (const c of contactLog(rng, plan)) {
      if (c.stageAfter && c.stageAfter !== stage) {
        changes.push({
          id: '',
          date: at(c.day, c.hour, c.minute),
          clientId: plan.id,
          what: lbl('changeKinds', 'stageChange'),
          old: stage === null ? '' : lbl('stages', stage),
          new: lbl('stages', c.stageAfter),
          by: c.by,
          reason: '',
        });
        stage = c.stageAfter;
      }
      contacts.push({
        id: `K-${String(++contactSeq).padStart(5, '0')}`,
        date: at(c.day, c.hour, c.minute),
        clientId: plan.id,
        client: plan.name,
        by: c.by,
        channel: lbl('channels', c.channel),
        outcome: lbl('outcomes', c.outcome),
        result: c.result ? lbl('results', c.result) : '',
        summary: c.summary,
        objections: c.objections,
        attitude: c.attitude ? lbl('attitudes', c.attitude) : '',
        reason: c.reason ? lbl('reasons', c.reason) : '',
        nextFollowUp: c.next === null ? '' : at(c.next),
        nextOwner: c.next === null ? '' : c.nextOwner,
        nextTopic: c.next === null ? '' : c.nextTopic,
        stageAfter: c.stageAfter ? lbl('stages', c.stageAfter) : '',
        gradeAfter: '',
      });
    }

    if (plan.owner === '') {
      change(today - rng.int(1, 20), plan.id, 'poolRelease', plan.formerOwner, '', '', poolReason(opts.lang));
    } else if (i % 37 === 5) {
      const from = rng.pick(SALESPEOPLE.filter((s) => s !== plan.owner));
      change(
        plan.created + 3,
        plan.id,
        'reassigned',
        from,
        plan.owner,
        person(plan.owner).manager || plan.owner,
        handoverReason(opts.lang),
      );
    }
  }
  // The log is append-only: rows in the order they were written.
  contacts.sort((a, b) => (a.date as Date).getTime() - (b.date as Date).getTime());
  contacts.forEach((row, i) => (row.id = `K-${String(i + 1).padStart(5, '0')}`));
  changes.sort((a, b) => (a.date as Date).getTime() - (b.date as Date).getTime());
  changes.forEach((row, i) => (row.id = `X-${String(i + 1).padStart(5, '0')}`));
  return { team, clients, contacts, changes };
}

function planClient(rng: Random, i: number, today: number): ClientPlan {
  const owner = rng.weighted({ 张伟: 30, 'Amy Liu': 25, 'Tom Baker': 24, 李娜: 8, 'David Chen': 7, '': 6 });
  const formerOwner = owner || rng.pick(SALESPEOPLE);
  const stage =
    owner === ''
      ? rng.pick<Stage>(['A', 'A2', 'B1'])
      : rng.weighted<Stage>({ A: 22, A2: 15, B1: 15, B2: 10, B3: 8, won: 18, lost: 12 });
  const profile: Profile =
    owner === ''
      ? 'dormant'
      : stage === 'won' || stage === 'lost'
        ? rng.weighted<'active' | 'dormant'>({ active: 85, dormant: 15 })
        : rng.weighted<Profile>({ active: 78, dormant: 9, neverReached: 7, untried: 6 });
  const created =
    profile === 'untried'
      ? today - rng.int(0, 20)
      : profile === 'dormant'
        ? today - rng.int(135, SIX_MONTHS)
        : today - rng.int(60, SIX_MONTHS);
  const writer = person(formerOwner).language;
  const words = rng.chance(0.85) ? wordsOf(writer) : wordsOf(nextLang(writer));
  const plan: ClientPlan = {
    id: `C-${String(1001 + i)}`,
    name: '',
    owner,
    formerOwner,
    stage,
    profile,
    created,
    lastReached: null,
    next: null,
    nextOwner: owner,
    nextTopic: rng.pick(words.topics),
    words,
  };
  // A next step sometimes belongs to the manager (seed 000: the meeting decides who follows up).
  if (owner && rng.chance(0.12)) plan.nextOwner = person(owner).manager || owner;
  if (profile === 'dormant') {
    plan.lastReached = today - rng.int(95, 125);
    if (stage !== 'lost' && rng.chance(0.5)) plan.next = plan.lastReached + rng.int(7, 30);
  } else if (profile === 'active') {
    const state =
      stage === 'lost'
        ? 'unplanned'
        : rng.weighted<FollowUp>({ overdue: 18, dueToday: 9, upcoming: 61, unplanned: stage === 'won' ? 12 : 10 });
    if (state === 'unplanned') plan.lastReached = today - rng.int(1, 40);
    else {
      plan.next = state === 'overdue' ? today - rng.int(1, 15) : state === 'dueToday' ? today : today + rng.int(1, 14);
      plan.lastReached = Math.min(today, plan.next - rng.int(3, 14));
    }
    plan.lastReached = Math.max(plan.lastReached, created + 1);
  } else if (profile === 'neverReached' && rng.chance(0.6)) {
    plan.next = today + rng.int(-5, 7);
  } else if (profile === 'untried') {
    plan.next = today + rng.int(-2, 5);
  }
  return plan;
}

interface Facts {
  need: boolean;
  budget: boolean;
  decisionMaker: boolean;
  /** day number, or null when no date is known */
  expected: number | null;
}

/** Facts that give the grade this client is meant to have (the domain rules' ordered rule, default windows). */
function qualification(rng: Random, stage: Stage, today: number): Facts {
  const late = stage === 'B2' || stage === 'B3';
  const grade = rng.weighted<Grade>(late ? { A: 45, B: 35, C: 15, D: 5 } : { A: 12, B: 25, C: 33, D: 30 });
  switch (grade) {
    case 'A':
      return { need: true, budget: true, decisionMaker: true, expected: today + rng.int(0, 30) };
    case 'B':
      return { need: true, budget: rng.chance(0.3), decisionMaker: true, expected: today + rng.int(31, 90) };
    case 'C':
      return rng.chance(0.5)
        ? { need: true, budget: rng.chance(0.5), decisionMaker: false, expected: today + rng.int(5, 120) }
        : { need: true, budget: rng.chance(0.5), decisionMaker: true, expected: today + rng.int(91, 240) };
    default:
      return rng.chance(0.6)
        ? {
            need: false,
            budget: false,
            decisionMaker: rng.chance(0.3),
            expected: rng.chance(0.5) ? today + rng.int(30, 200) : null,
          }
        : { need: true, budget: false, decisionMaker: false, expected: null };
  }
}

interface Identity {
  name: string;
  contact: string;
  email: string;
  address: string;
}

function clientIdentity(rng: Random, i: number, source: Source, chinese: boolean): Identity {
  const household = source === 'newEstate' || source === 'workUnitHousing' || source === 'privateHouse';
  if (chinese) {
    const contact = rng.pick(ZH.surnames) + rng.pick(ZH.given);
    if (household) {
      const place = source === 'workUnitHousing' ? rng.pick(ZH.workUnits) : rng.pick(ZH.estates);
      const unit = `${rng.int(1, 28)}栋 ${rng.int(1, 32)}0${rng.int(1, 4)}`;
      return { name: `${place} ${unit} ${contact}`, contact, email: '', address: `${place} ${unit}` };
    }
    const company = rng.pick(ZH.companyStems) + rng.pick(ZH.companyKinds);
    return {
      name: company,
      contact,
      email: rng.chance(0.5) ? `contact${i + 1}@example.cn` : '',
      address: `${rng.pick(ZH.streets)} ${rng.int(1, 300)} 号`,
    };
  }
  const first = rng.pick(EN.first);
  const last = rng.pick(EN.last);
  const contact = `${first} ${last}`;
  const address = `${rng.int(1, 240)} ${rng.pick(EN.streets)}`;
  if (household)
    return { name: `${contact} (home)`, contact, email: `${first}.${last}${i}@example.net`.toLowerCase(), address };
  const stem = rng.pick(EN.companyStems);
  return {
    name: `${stem} ${rng.pick(EN.companyKinds)}`,
    contact,
    email: `${first}.${last}@${stem}.example.com`.toLowerCase(),
    address,
  };
}

function phoneNumber(rng: Random): string {
  const digits = `1${rng.pick([3, 5, 7, 8, 9])}${String(rng.int(0, 999999999)).padStart(9, '0')}`;
  return rng.chance(0.3) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : digits;
}

interface PlannedContact {
  day: number;
  hour: number;
  minute: number;
  by: string;
  channel: Channel;
  outcome: Outcome;
  result: Result | null;
  attitude: Attitude | null;
  reason: Reason | null;
  summary: string;
  objections: string;
  next: number | null;
  nextOwner: string;
  nextTopic: string;
  stageAfter: Stage | null;
}

const INVALID: Record<Exclude<Outcome, 'reached'>, number> = {
  noAnswer: 45,
  busy: 20,
  wrongNumber: 8,
  unreachable: 10,
  fax: 3,
  suspended: 6,
  noSuchNumber: 8,
};

/** The client's attempts from its creation to its latest reached contact, oldest first. */
function contactLog(rng: Random, plan: ClientPlan): PlannedContact[] {
  if (plan.profile === 'untried') return [];
  const neverReached = plan.profile === 'neverReached';
  const end = plan.lastReached ?? plan.created + rng.int(5, 40);
  const span = Math.max(1, end - plan.created);
  const count = neverReached ? rng.int(1, 4) : Math.min(span, rng.int(plan.stage === 'A' ? 2 : 5, 16));
  const days = Array.from({ length: count }, (_, k) =>
    k === count - 1 ? end : plan.created + 1 + rng.int(0, span - 1),
  ).sort((a, b) => a - b);
  const path: Stage[] =
    plan.stage === 'won' || plan.stage === 'lost'
      ? [...OPEN_PATH.slice(0, rng.int(2, 5)), plan.stage]
      : OPEN_PATH.slice(0, OPEN_PATH.indexOf(plan.stage) + 1);
  const log: PlannedContact[] = [];
  let stageAt = -1;
  days.forEach((day, k) => {
    const last = k === count - 1;
    const reached = !neverReached && (last || rng.chance(0.62));
    const outcome: Outcome = reached ? 'reached' : rng.weighted(INVALID);
    const late = stageAt >= 3;
    const by = late && rng.chance(0.15) ? person(plan.formerOwner).manager || plan.formerOwner : plan.formerOwner;
    const stageIndex = reached ? Math.min(path.length - 1, Math.floor(((k + 1) * path.length) / count)) : stageAt;
    const moved = reached && stageIndex > stageAt;
    if (moved) stageAt = stageIndex;
    log.push({
      day,
      hour: rng.int(9, 17),
      minute: 5 * rng.int(0, 11),
      by,
      channel: rng.weighted<Channel>({ phone: 50, wechat: 20, visit: 10, meeting: 8, sms: 6, email: 6 }),
      outcome,
      result: reached
        ? rng.weighted<Result>({
            opportunity: 30,
            inService: 10,
            switchedProvider: 5,
            noNeed: 10,
            hostile: 3,
            unsureProvider: 5,
            keyPersonLeft: 1,
            other: 10,
          })
        : null,
      attitude: reached
        ? rng.weighted<Attitude>({ friendly: 35, neutral: 35, hesitant: 18, cold: 9, hostile: 3 })
        : null,
      reason: reached
        ? rng.weighted<Reason>({
            appointment: 30,
            knowledge: 10,
            holiday: 8,
            event: 8,
            gift: 4,
            service: 14,
            offer: 10,
            helpfulInfo: 8,
            passingBy: 4,
            survey: 4,
          })
        : null,
      summary: reached ? rng.pick(plan.words.summaries) : '',
      objections: reached && rng.chance(0.35) ? rng.pick(plan.words.objections) : '',
      next: last ? plan.next : reached ? (days[k + 1] ?? null) : null,
      nextOwner: last ? plan.nextOwner : plan.formerOwner,
      nextTopic: last ? plan.nextTopic : rng.pick(plan.words.topics),
      stageAfter: moved ? path[stageIndex] : null,
    });
  });
  return log;
}

function poolReason(lang: Lang): string {
  return t(lang, 'demo.reason.poolRelease');
}

function handoverReason(lang: Lang): string {
  return t(lang, 'demo.reason.reassigned');
}
