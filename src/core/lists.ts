/**
 * The value lists of the workbook (dropdowns): codes, labels from the catalogues, the usual synonyms.
 * A cell is read back to its code whichever language or synonym the user typed.
 */
import {
  type FormerLabels,
  type Lang,
  type MessageKey,
  LANGS,
  formerLabels,
  languageAliases,
  languageName,
  t,
} from './i18n';
import { normalizeLabel } from './normalize';

export interface ListItem {
  readonly code: string;
  /** The label, one per language: a catalogue key, or (languages) the names read off the catalogues. */
  readonly label: MessageKey | Readonly<Record<Lang, string>>;
  /** Other names people type, in any language: read, never written. */
  readonly aliases: readonly string[];
  /**
   * Labels an earlier version of Client Tracker wrote here: still read, and Setup replaces them with
   * today's label in place, saying so (docs/headers.md, "Renamed labels").
   */
  readonly formerly?: FormerLabels;
}

export const LISTS = {
  yesNo: [
    { code: 'yes', label: 'list.yesNo.yes', aliases: [] },
    { code: 'no', label: 'list.yesNo.no', aliases: [] },
  ],
  grades: [
    { code: 'A', label: 'list.grades.A', aliases: ['Grade A', 'A级', 'A类'] },
    { code: 'B', label: 'list.grades.B', aliases: ['Grade B', 'B级', 'B类'] },
    { code: 'C', label: 'list.grades.C', aliases: ['Grade C', 'C级', 'C类'] },
    { code: 'D', label: 'list.grades.D', aliases: ['Grade D', 'D级', 'D类'] },
  ],
  kinds: [
    {
      code: 'direct',
      label: 'list.kinds.direct',
      aliases: ['Direct buyer', 'Decision maker', '直接', '直接型意向客户', '直接客户'],
    },
    {
      code: 'keyPerson',
      label: 'list.kinds.keyPerson',
      aliases: ['Indirect', 'Influencer', 'Referrer', '间接型', '间接', '间接型意向客户', '关键人物'],
    },
    {
      code: 'potential',
      label: 'list.kinds.potential',
      aliases: ['Prospect', 'Watch', '潜在', '潜在客户', '潜在型意向客户'],
    },
  ],
  sources: [
    {
      code: 'newEstate',
      label: 'list.sources.newEstate',
      aliases: ['Canvassing', 'Estate canvassing', '商品房', '扫楼'],
    },
    { code: 'workUnitHousing', label: 'list.sources.workUnitHousing', aliases: ['Staff housing', '单位集资房'] },
    {
      code: 'organization',
      label: 'list.sources.organization',
      aliases: ['Company', 'Institution', 'Organisation', 'Organization', '企业', '事业单位', '单位'],
    },
    {
      code: 'privateHouse',
      label: 'list.sources.privateHouse',
      aliases: ['Private house', 'Villa', 'Renovation', '私房', '别墅', '重新装修', '自建房'],
    },
    {
      code: 'referral',
      label: 'list.sources.referral',
      aliases: ['Introduced', 'Recommendation', '介绍', '推荐', '老客户介绍'],
    },
    { code: 'event', label: 'list.sources.event', aliases: ['Exhibition', 'Trade show', '展会'] },
    { code: 'phone', label: 'list.sources.phone', aliases: ['Cold call', 'Telemarketing', '电话营销'] },
    { code: 'web', label: 'list.sources.web', aliases: ['Website', 'Online', 'Internet', '网站', '线上', '互联网'] },
    { code: 'other', label: 'list.sources.other', aliases: ['其它', 'Misc'] },
  ],
  stages: [
    {
      code: 'A',
      label: 'list.stages.A',
      aliases: ['Contacted', 'Contacted not met', 'Contacted, not met', '已沟通', '已沟通未进入会程', 'A流程'],
    },
    {
      code: 'A2',
      label: 'list.stages.A2',
      aliases: ['First meeting', 'Met', '初次会谈', '首次会谈', 'A2流程'],
    },
    {
      code: 'B1',
      label: 'list.stages.B1',
      aliases: ['Needs analysed', 'Needs analyzed', 'Topic meeting', '需求分析', '专题会', 'B1流程'],
    },
    {
      code: 'B2',
      label: 'list.stages.B2',
      aliases: ['Proposal', 'Site visit', 'Proposal and site visit', '方案', '现场考察', '方案与考察', 'B2流程'],
    },
    {
      code: 'B3',
      label: 'list.stages.B3',
      aliases: ['Negotiation', 'Director leading', '商务谈判', '谈判', 'B3流程'],
    },
    {
      code: 'won',
      label: 'list.stages.won',
      aliases: ['Member', 'Closed won', 'Signed', '入会', '成交入会', '已成交', '签单'],
    },
    { code: 'lost', label: 'list.stages.lost', aliases: ['Closed lost', 'Dead', '丢单', '已流失'] },
  ],
  statuses: [
    { code: 'active', label: 'list.statuses.active', aliases: ['Open', 'Live', '活跃', '进行中'] },
    { code: 'dormant', label: 'list.statuses.dormant', aliases: ['Sleeping', 'Inactive', '休眠客户', '沉睡'] },
    {
      code: 'inPool',
      label: 'list.statuses.inPool',
      aliases: ['Pool', 'Shared pool', 'Released', '在公海', '公海客户'],
    },
    { code: 'won', label: 'list.statuses.won', aliases: ['Customer', 'Member', '已成交', '入会'] },
    { code: 'lost', label: 'list.statuses.lost', aliases: ['已流失', '丢失'] },
  ],
  channels: [
    { code: 'phone', label: 'list.channels.phone', aliases: ['Call', 'Phone call', 'Tel', '打电话', '致电', '通话'] },
    { code: 'sms', label: 'list.channels.sms', aliases: ['Text', 'Text message', '信息'] },
    { code: 'email', label: 'list.channels.email', aliases: ['E-mail', 'Mail', '电子邮件', '邮箱'] },
    { code: 'wechat', label: 'list.channels.wechat', aliases: ['Weixin', 'WX'] },
    {
      code: 'visit',
      label: 'list.channels.visit',
      aliases: ['Site visit', 'In person', '上门', '上门拜访', '登门拜访', '走访'],
    },
    {
      code: 'meeting',
      label: 'list.channels.meeting',
      aliases: ['Meet', 'Face to face', '会议', '面谈', '见面', '专题会'],
    },
  ],
  outcomes: [
    {
      code: 'reached',
      label: 'list.outcomes.reached',
      formerly: { 'zh-CN': ['已接通'] },
      aliases: ['Answered', 'Connected', 'Talked', '接通', '联系上'],
    },
    {
      code: 'noAnswer',
      label: 'list.outcomes.noAnswer',
      aliases: ['Not answered', 'No reply', '未接', '未接听', '没人接'],
    },
    { code: 'busy', label: 'list.outcomes.busy', aliases: ['Line busy', 'Engaged', '忙线'] },
    {
      code: 'wrongNumber',
      label: 'list.outcomes.wrongNumber',
      aliases: ['Wrong person', 'Number does not match', '号码不符', '信息与号码不符合', '打错了'],
    },
    {
      code: 'unreachable',
      label: 'list.outcomes.unreachable',
      aliases: ['Never reachable', 'Cannot reach', '联系不上', '无法接通', '无法联系'],
    },
    { code: 'fax', label: 'list.outcomes.fax', aliases: ['Fax machine', '传真'] },
    { code: 'suspended', label: 'list.outcomes.suspended', aliases: ['Disconnected', 'Out of service', '已停机'] },
    {
      code: 'noSuchNumber',
      label: 'list.outcomes.noSuchNumber',
      aliases: ['Invalid number', 'Number does not exist', 'Not in service', '号码不存在'],
    },
  ],
  results: [
    {
      code: 'opportunity',
      label: 'list.results.opportunity',
      aliases: ['Opportunity', 'Lead found', 'Business opportunity', '商机', '发现商机', '联动商机提供'],
    },
    {
      code: 'inService',
      label: 'list.results.inService',
      aliases: ['In service', 'Under contract', '服务期内', '在伙伴服务期限内'],
    },
    {
      code: 'switchedProvider',
      label: 'list.results.switchedProvider',
      aliases: ['Changed provider', 'Switched supplier', '更换服务商', '更换供应商', '更换代理商的客户'],
    },
    {
      code: 'noNeed',
      label: 'list.results.noNeed',
      aliases: ['No need', 'Not interested', '不需要', '无需求', '不需要服务的客户'],
    },
    {
      code: 'hostile',
      label: 'list.results.hostile',
      aliases: ['Objecting', 'Resistant', '抵触', '有抵触情绪的客户'],
    },
    {
      code: 'unsureProvider',
      label: 'list.results.unsureProvider',
      aliases: ['Unknown provider', '不清楚自己服务商', '不清楚自己服务商的客户'],
    },
    {
      code: 'keyPersonLeft',
      label: 'list.results.keyPersonLeft',
      aliases: ['Contact left', 'Decision maker left', '关键人离开', '对接人离职'],
    },
    { code: 'other', label: 'list.results.other', aliases: ['Others', '其他', '其它', '停用或更换软件'] },
  ],
  reasons: [
    {
      code: 'appointment',
      label: 'list.reasons.appointment',
      aliases: ['Appointment', 'First call', '预约', '邀约'],
    },
    {
      code: 'knowledge',
      label: 'list.reasons.knowledge',
      aliases: ['Knowledge', 'Industry news', '知识产品跟进', '资讯'],
    },
    {
      code: 'holiday',
      label: 'list.reasons.holiday',
      aliases: ['Holiday', 'Festival greeting', '节日', '问候'],
    },
    {
      code: 'event',
      label: 'list.reasons.event',
      aliases: ['Event invitation', 'Activity', '活动邀请', '活动的跟进法'],
    },
    { code: 'gift', label: 'list.reasons.gift', aliases: ['Present', '送礼', '礼品'] },
    { code: 'service', label: 'list.reasons.service', aliases: ['Service', 'Support', '服务', '服务类', '回访'] },
    { code: 'offer', label: 'list.reasons.offer', aliases: ['Promotion', 'Discount', '优惠', '促销'] },
    {
      code: 'helpfulInfo',
      label: 'list.reasons.helpfulInfo',
      aliases: ['Useful information', 'Help', '帮助信息', '有用信息'],
    },
    { code: 'passingBy', label: 'list.reasons.passingBy', aliases: ['Dropped in', '路过', '顺路拜访', '借口路过'] },
    { code: 'survey', label: 'list.reasons.survey', aliases: ['Survey', 'Feedback', '调查'] },
  ],
  lostReasons: [
    { code: 'quality', label: 'list.lostReasons.quality', aliases: ['Quality', '质量', '产品质量的原因'] },
    {
      code: 'overPromising',
      label: 'list.lostReasons.overPromising',
      aliases: ['Overpromised', '夸大承诺', '宣传中过度承诺', '售前夸大不实承诺'],
    },
    {
      code: 'neglect',
      label: 'list.lostReasons.neglect',
      aliases: ['Neglect', 'Poor after-sales service', '不重视服务', '售后服务差'],
    },
    {
      code: 'salespersonLeft',
      label: 'list.lostReasons.salespersonLeft',
      aliases: ['Rep left', '销售离职', '离职导致客户流失'],
    },
    {
      code: 'competitor',
      label: 'list.lostReasons.competitor',
      aliases: ['Lost to competitor', '被竞争对手抢走', '竞品'],
    },
    { code: 'needMoved', label: 'list.lostReasons.needMoved', aliases: ['Need changed', '客户需求转移', '需求变化'] },
    { code: 'keyPersonLeft', label: 'list.lostReasons.keyPersonLeft', aliases: ['关键人的离职', 'Contact left'] },
    {
      code: 'lowSwitchingCost',
      label: 'list.lostReasons.lowSwitchingCost',
      aliases: ['Easy to switch', '转换成本低'],
    },
    { code: 'price', label: 'list.lostReasons.price', aliases: ['Too expensive', '价格原因', '价格太高'] },
    { code: 'market', label: 'list.lostReasons.market', aliases: ['Market change', '市场', '市场原因'] },
  ],
  roles: [
    { code: 'salesperson', label: 'list.roles.salesperson', aliases: ['Sales', 'Sales rep', 'Rep', '销售', '销售员'] },
    {
      code: 'manager',
      label: 'list.roles.manager',
      aliases: ['Sales manager', 'Team lead', '主管', '销售经理', '高级经理'],
    },
    {
      code: 'director',
      label: 'list.roles.director',
      aliases: ['Sales director', 'Head of sales', '部门总监', '销售总监'],
    },
  ],
  attitudes: [
    {
      code: 'friendly',
      label: 'list.attitudes.friendly',
      aliases: ['Warm', 'Positive', 'Interested', '热情', '积极', '感兴趣'],
    },
    { code: 'neutral', label: 'list.attitudes.neutral', aliases: ['Polite', 'OK', '中立', '平淡', '正常'] },
    {
      code: 'hesitant',
      label: 'list.attitudes.hesitant',
      aliases: ['Undecided', 'Cautious', 'Wary', '谨慎', '观望', '犹豫不决'],
    },
    { code: 'cold', label: 'list.attitudes.cold', aliases: ['Indifferent', 'Uninterested', '冷漠', '不耐烦'] },
    {
      code: 'hostile',
      label: 'list.attitudes.hostile',
      aliases: ['Objecting', 'Resistant', 'Angry', '有抵触情绪', '反感', '敌对'],
    },
  ],
  segments: [
    { code: 'vip', label: 'list.segments.vip', aliases: ['Key customer', '重点客户', 'VIP客户', '大客户'] },
    {
      code: 'normal',
      label: 'list.segments.normal',
      aliases: ['Regular', 'Ordinary', '正常', '正常关系客户', '普通客户'],
    },
    { code: 'lowValue', label: 'list.segments.lowValue', aliases: ['Small', '低价值客户', '小客户'] },
    {
      code: 'objectionDormant',
      label: 'list.segments.objectionDormant',
      aliases: ['Objection', 'Dormant', 'Objection/dormant', '异议客户', '休眠客户', '异议客户、休眠客户'],
    },
  ],
  // One per catalogue, named as each catalogue names it.
  languages: LANGS.map((code) => ({
    code,
    label: Object.fromEntries(LANGS.map((lang) => [lang, languageName(code, lang)])) as Record<Lang, string>,
    aliases: languageAliases(code),
  })),
  changeKinds: [
    {
      code: 'reassigned',
      label: 'list.changeKinds.reassigned',
      aliases: ['Reassignment', 'Handover', 'Owner change', '移交', '更换负责人'],
    },
    {
      code: 'poolRelease',
      label: 'list.changeKinds.poolRelease',
      aliases: ['Pool release', 'Released', '进入公海', '释放'],
    },
    { code: 'poolClaim', label: 'list.changeKinds.poolClaim', aliases: ['Claim', 'Claimed', '领取', '认领'] },
    {
      code: 'gradeChange',
      label: 'list.changeKinds.gradeChange',
      aliases: ['Grade changed', 'Upgrade', 'Downgrade', '升级', '降级', '级别变更'],
    },
    { code: 'stageChange', label: 'list.changeKinds.stageChange', aliases: ['Stage changed', '阶段变更'] },
    {
      code: 'nextStep',
      label: 'list.changeKinds.nextStep',
      aliases: ['Plan set', 'Next step changed', '跟进计划变更', '修改跟进计划'],
    },
    { code: 'idAssigned', label: 'list.changeKinds.idAssigned', aliases: ['New ID', '编号分配'] },
    { code: 'clientAdded', label: 'list.changeKinds.clientAdded', aliases: ['New client', 'Added', '新客户'] },
    { code: 'importUndone', label: 'list.changeKinds.importUndone', aliases: ['Undo import', '导入撤销'] },
  ],
  weekdays: [
    { code: 'monday', label: 'list.weekdays.monday', aliases: ['Mon', '周一', '礼拜一'] },
    { code: 'tuesday', label: 'list.weekdays.tuesday', aliases: ['Tue', 'Tues', '周二', '礼拜二'] },
    { code: 'wednesday', label: 'list.weekdays.wednesday', aliases: ['Wed', '周三', '礼拜三'] },
    { code: 'thursday', label: 'list.weekdays.thursday', aliases: ['Thu', 'Thurs', '周四', '礼拜四'] },
    { code: 'friday', label: 'list.weekdays.friday', aliases: ['Fri', '周五', '礼拜五'] },
    { code: 'saturday', label: 'list.weekdays.saturday', aliases: ['Sat', '周六', '礼拜六'] },
    { code: 'sunday', label: 'list.weekdays.sunday', aliases: ['Sun', '周日', '星期天', '礼拜天', '礼拜日'] },
  ],
} as const satisfies Record<string, readonly ListItem[]>;

export type ListName = keyof typeof LISTS;
export type ListCode<L extends ListName> = (typeof LISTS)[L][number]['code'];

export type Grade = ListCode<'grades'>;
export type Kind = ListCode<'kinds'>;
export type Source = ListCode<'sources'>;
export type Stage = ListCode<'stages'>;
export type Status = ListCode<'statuses'>;
export type Channel = ListCode<'channels'>;
export type Outcome = ListCode<'outcomes'>;
export type Result = ListCode<'results'>;
export type Reason = ListCode<'reasons'>;
export type LostReason = ListCode<'lostReasons'>;
export type Role = ListCode<'roles'>;
export type Attitude = ListCode<'attitudes'>;
export type Segment = ListCode<'segments'>;
export type ChangeKind = ListCode<'changeKinds'>;

/** Strategy per segment (seed 001: VIP 升级服务, 正常关系 客户关怀, 低价值 激活, 异议/休眠 复苏). */
export const SEGMENT_STRATEGY: Record<Segment, MessageKey> = {
  vip: 'segment.strategy.vip',
  normal: 'segment.strategy.normal',
  lowValue: 'segment.strategy.lowValue',
  objectionDormant: 'segment.strategy.objectionDormant',
};

/** Stage order: A < A2 < B1 < B2 < B3 < Won; Lost is an exit, ranked apart. */
const STAGE_RANK: Record<Stage, number> = { A: 1, A2: 2, B1: 3, B2: 4, B3: 5, won: 6, lost: 0 };

export function stageRank(stage: Stage): number {
  return STAGE_RANK[stage];
}

/** Seed 000: from B2 on the director leads the deal (open deals only; Won and Lost are outcomes). */
export function isB2OrBeyond(stage: Stage | null): boolean {
  return stage === 'B2' || stage === 'B3';
}

const GRADE_RANK: Record<Grade, number> = { A: 1, B: 2, C: 3, D: 4 };

/** True when `to` is a worse grade than `from` (A → B is a downgrade). */
export function isDowngrade(from: Grade, to: Grade): boolean {
  return GRADE_RANK[to] > GRADE_RANK[from];
}

/** An item's label in a language. */
export function itemLabel(item: ListItem, lang: Lang): string {
  return typeof item.label === 'string' ? t(lang, item.label) : item.label[lang];
}

/** An item's label in every language, the registry's order. */
export function itemLabels(item: ListItem): string[] {
  return LANGS.map((lang) => itemLabel(item, lang));
}

const lookups = new Map<ListName, Map<string, string>>();

function lookupFor(list: ListName): Map<string, string> {
  let map = lookups.get(list);
  if (!map) {
    map = new Map();
    for (const item of LISTS[list] as readonly ListItem[]) {
      for (const name of [item.code, ...itemLabels(item), ...formerLabels(item.formerly), ...item.aliases]) {
        const key = normalizeLabel(name);
        if (key && !map.has(key)) map.set(key, item.code);
      }
    }
    lookups.set(list, map);
  }
  return map;
}

/**
 * The normalised names (normalizeLabel) that read as `code` in a list: code, labels and aliases,
 * less any name an earlier item already took. What a spreadsheet formula must accept to read a cell
 * the way parseEnum does (core/follow-up-formula.ts).
 */
export function namesReadAs<L extends ListName>(list: L, code: ListCode<L>): string[] {
  return [...lookupFor(list)].filter(([, c]) => c === code).map(([key]) => key);
}

/** Cells repeat a handful of values, so each distinct text is normalised once per list (bounded). */
const readers = new Map<ListName, (value: unknown) => string | null>();
const READ_MEMO_LIMIT = 10_000;

/** parseEnum for one list, as a function to call per cell (what readTable does for a whole column). */
export function enumReader<L extends ListName>(list: L): (value: unknown) => ListCode<L> | null {
  let reader = readers.get(list);
  if (!reader) {
    const memo = new Map<string, string | null>();
    const lookup = lookupFor(list);
    reader = (value) => {
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      const raw = String(value);
      let code = memo.get(raw);
      if (code === undefined) {
        const key = normalizeLabel(raw);
        code = key ? (lookup.get(key) ?? null) : null;
        if (memo.size >= READ_MEMO_LIMIT) memo.clear();
        memo.set(raw, code);
      }
      return code;
    };
    readers.set(list, reader);
  }
  return reader as (value: unknown) => ListCode<L> | null;
}

/** A cell's value → the list's code, whichever language or synonym was typed; null when not recognised or blank. */
export function parseEnum<L extends ListName>(list: L, value: unknown): ListCode<L> | null {
  return enumReader(list)(value);
}

/** The label of a code in a language (what goes into a cell or a dropdown). */
export function label<L extends ListName>(list: L, code: ListCode<L>, lang: Lang): string {
  const item = (LISTS[list] as readonly ListItem[]).find((i) => i.code === code);
  if (!item) return String(code);
  return itemLabel(item, lang);
}

/** Every label of a list in a language, in order (dropdown values). */
export function labels(list: ListName, lang: Lang): string[] {
  return (LISTS[list] as readonly ListItem[]).map((i) => itemLabel(i, lang));
}

export function codes<L extends ListName>(list: L): ListCode<L>[] {
  return (LISTS[list] as readonly ListItem[]).map((i) => i.code as ListCode<L>);
}

const YES = new Set(['yes', 'y', 'true', '是', '有', '✓', '✔', '☑']);
const NO = new Set(['no', 'n', 'false', '否', '无', '没有', '✗', '✘', '☐']);

/** true / false for a recognised yes or no (yes/no, y/n, true/false, 是/否, 有/无, checkboxes); null otherwise. */
export function readYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (text === '') return false;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

/** Yes/no cells: anything not recognised as yes counts as not yes. */
export function parseYesNo(value: unknown): boolean {
  return readYesNo(value) === true;
}
