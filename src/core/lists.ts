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

/** An item as declared: its label is the catalogues' word `list.<list>.<code>` unless it names its own (languages). */
type ItemSpec = Omit<ListItem, 'label'> & { readonly label?: ListItem['label'] };

type ItemLabelOf<L, I> = I extends { label: infer X }
  ? X
  : I extends { code: infer C extends string }
    ? `list.${L & string}.${C}`
    : never;

type LabelledItems<L, Items> = { readonly [I in keyof Items]: Items[I] & { readonly label: ItemLabelOf<L, Items[I]> } };

type LabelledLists<S> = { readonly [L in keyof S]: LabelledItems<L, S[L]> };

/** The lists, each item with the catalogue key of its label. */
function labelledLists<const S extends Record<string, readonly ItemSpec[]>>(specs: S): LabelledLists<S> {
  const lists = Object.entries(specs).map(([list, items]) => [
    list,
    items.map((item) => ({ label: `list.${list}.${item.code}`, ...item })),
  ]);
  return Object.fromEntries(lists) as LabelledLists<S>;
}

export const LISTS = labelledLists({
  yesNo: [
    { code: 'yes', aliases: [] },
    { code: 'no', aliases: [] },
  ],
  grades: [
    { code: 'A', aliases: ['Grade A', 'A级', 'A类'] },
    { code: 'B', aliases: ['Grade B', 'B级', 'B类'] },
    { code: 'C', aliases: ['Grade C', 'C级', 'C类'] },
    { code: 'D', aliases: ['Grade D', 'D级', 'D类'] },
  ],
  kinds: [
    {
      code: 'direct',
      aliases: ['Direct buyer', 'Decision maker', '直接', '直接型意向客户', '直接客户'],
    },
    {
      code: 'keyPerson',
      aliases: ['Indirect', 'Influencer', 'Referrer', '间接型', '间接', '间接型意向客户', '关键人物'],
    },
    {
      code: 'potential',
      aliases: ['Prospect', 'Watch', '潜在', '潜在客户', '潜在型意向客户'],
    },
  ],
  sources: [
    {
      code: 'newEstate',
      aliases: ['Canvassing', 'Estate canvassing', '商品房', '扫楼'],
    },
    { code: 'workUnitHousing', aliases: ['Staff housing', '单位集资房'] },
    {
      code: 'organization',
      aliases: ['Company', 'Institution', 'Organisation', 'Organization', '企业', '事业单位', '单位'],
    },
    {
      code: 'privateHouse',
      aliases: ['Private house', 'Villa', 'Renovation', '私房', '别墅', '重新装修', '自建房'],
    },
    {
      code: 'referral',
      aliases: ['Introduced', 'Recommendation', '介绍', '推荐', '老客户介绍'],
    },
    { code: 'event', aliases: ['Exhibition', 'Trade show', '展会'] },
    { code: 'phone', aliases: ['Cold call', 'Telemarketing', '电话营销'] },
    { code: 'web', aliases: ['Website', 'Online', 'Internet', '网站', '线上', '互联网'] },
    { code: 'other', aliases: ['其它', 'Misc'] },
  ],
  stages: [
    {
      code: 'A',
      aliases: ['Contacted', 'Contacted not met', 'Contacted, not met', '已沟通', '已沟通未进入会程', 'A流程'],
    },
    {
      code: 'A2',
      aliases: ['First meeting', 'Met', '初次会谈', '首次会谈', 'A2流程'],
    },
    {
      code: 'B1',
      aliases: ['Needs analysed', 'Needs analyzed', 'Topic meeting', '需求分析', '专题会', 'B1流程'],
    },
    {
      code: 'B2',
      aliases: ['Proposal', 'Site visit', 'Proposal and site visit', '方案', '现场考察', '方案与考察', 'B2流程'],
    },
    {
      code: 'B3',
      aliases: ['Negotiation', 'Director leading', '商务谈判', '谈判', 'B3流程'],
    },
    {
      code: 'won',
      aliases: ['Member', 'Closed won', 'Signed', '入会', '成交入会', '已成交', '签单'],
    },
    { code: 'lost', aliases: ['Closed lost', 'Dead', '丢单', '已流失'] },
  ],
  statuses: [
    { code: 'active', aliases: ['Open', 'Live', '活跃', '进行中'] },
    { code: 'dormant', aliases: ['Sleeping', 'Inactive', '休眠客户', '沉睡'] },
    {
      code: 'inPool',
      aliases: ['Pool', 'Shared pool', 'Released', '在公海', '公海客户'],
    },
    { code: 'won', aliases: ['Customer', 'Member', '已成交', '入会'] },
    { code: 'lost', aliases: ['已流失', '丢失'] },
  ],
  channels: [
    { code: 'phone', aliases: ['Call', 'Phone call', 'Tel', '打电话', '致电', '通话'] },
    { code: 'sms', aliases: ['Text', 'Text message', '信息'] },
    { code: 'email', aliases: ['E-mail', 'Mail', '电子邮件', '邮箱'] },
    { code: 'wechat', aliases: ['Weixin', 'WX'] },
    {
      code: 'visit',
      aliases: ['Site visit', 'In person', '上门', '上门拜访', '登门拜访', '走访'],
    },
    {
      code: 'meeting',
      aliases: ['Meet', 'Face to face', '会议', '面谈', '见面', '专题会'],
    },
  ],
  outcomes: [
    {
      code: 'reached',
      formerly: { 'zh-CN': ['已接通'] },
      aliases: ['Answered', 'Connected', 'Talked', '接通', '联系上'],
    },
    {
      code: 'noAnswer',
      aliases: ['Not answered', 'No reply', '未接', '未接听', '没人接'],
    },
    { code: 'busy', aliases: ['Line busy', 'Engaged', '忙线'] },
    {
      code: 'wrongNumber',
      aliases: ['Wrong person', 'Number does not match', '号码不符', '信息与号码不符合', '打错了'],
    },
    {
      code: 'unreachable',
      aliases: ['Never reachable', 'Cannot reach', '联系不上', '无法接通', '无法联系'],
    },
    { code: 'fax', aliases: ['Fax machine', '传真'] },
    { code: 'suspended', aliases: ['Disconnected', 'Out of service', '已停机'] },
    {
      code: 'noSuchNumber',
      aliases: ['Invalid number', 'Number does not exist', 'Not in service', '号码不存在'],
    },
  ],
  results: [
    {
      code: 'opportunity',
      aliases: ['Opportunity', 'Lead found', 'Business opportunity', '商机', '发现商机', '联动商机提供'],
    },
    {
      code: 'inService',
      aliases: ['In service', 'Under contract', '服务期内', '在伙伴服务期限内'],
    },
    {
      code: 'switchedProvider',
      aliases: ['Changed provider', 'Switched supplier', '更换服务商', '更换供应商', '更换代理商的客户'],
    },
    {
      code: 'noNeed',
      aliases: ['No need', 'Not interested', '不需要', '无需求', '不需要服务的客户'],
    },
    {
      code: 'hostile',
      aliases: ['Objecting', 'Resistant', '抵触', '有抵触情绪的客户'],
    },
    {
      code: 'unsureProvider',
      aliases: ['Unknown provider', '不清楚自己服务商', '不清楚自己服务商的客户'],
    },
    {
      code: 'keyPersonLeft',
      aliases: ['Contact left', 'Decision maker left', '关键人离开', '对接人离职'],
    },
    { code: 'other', aliases: ['Others', '其他', '其它', '停用或更换软件'] },
  ],
  reasons: [
    {
      code: 'appointment',
      aliases: ['Appointment', 'First call', '预约', '邀约'],
    },
    {
      code: 'knowledge',
      aliases: ['Knowledge', 'Industry news', '知识产品跟进', '资讯'],
    },
    {
      code: 'holiday',
      aliases: ['Holiday', 'Festival greeting', '节日', '问候'],
    },
    {
      code: 'event',
      aliases: ['Event invitation', 'Activity', '活动邀请', '活动的跟进法'],
    },
    { code: 'gift', aliases: ['Present', '送礼', '礼品'] },
    { code: 'service', aliases: ['Service', 'Support', '服务', '服务类', '回访'] },
    { code: 'offer', aliases: ['Promotion', 'Discount', '优惠', '促销'] },
    {
      code: 'helpfulInfo',
      aliases: ['Useful information', 'Help', '帮助信息', '有用信息'],
    },
    { code: 'passingBy', aliases: ['Dropped in', '路过', '顺路拜访', '借口路过'] },
    { code: 'survey', aliases: ['Survey', 'Feedback', '调查'] },
  ],
  lostReasons: [
    { code: 'quality', aliases: ['Quality', '质量', '产品质量的原因'] },
    {
      code: 'overPromising',
      aliases: ['Overpromised', '夸大承诺', '宣传中过度承诺', '售前夸大不实承诺'],
    },
    {
      code: 'neglect',
      aliases: ['Neglect', 'Poor after-sales service', '不重视服务', '售后服务差'],
    },
    {
      code: 'salespersonLeft',
      aliases: ['Rep left', '销售离职', '离职导致客户流失'],
    },
    {
      code: 'competitor',
      aliases: ['Lost to competitor', '被竞争对手抢走', '竞品'],
    },
    { code: 'needMoved', aliases: ['Need changed', '客户需求转移', '需求变化'] },
    { code: 'keyPersonLeft', aliases: ['关键人的离职', 'Contact left'] },
    {
      code: 'lowSwitchingCost',
      aliases: ['Easy to switch', '转换成本低'],
    },
    { code: 'price', aliases: ['Too expensive', '价格原因', '价格太高'] },
    { code: 'market', aliases: ['Market change', '市场', '市场原因'] },
  ],
  roles: [
    { code: 'salesperson', aliases: ['Sales', 'Sales rep', 'Rep', '销售', '销售员'] },
    {
      code: 'manager',
      aliases: ['Sales manager', 'Team lead', '主管', '销售经理', '高级经理'],
    },
    {
      code: 'director',
      aliases: ['Sales director', 'Head of sales', '部门总监', '销售总监'],
    },
  ],
  attitudes: [
    {
      code: 'friendly',
      aliases: ['Warm', 'Positive', 'Interested', '热情', '积极', '感兴趣'],
    },
    { code: 'neutral', aliases: ['Polite', 'OK', '中立', '平淡', '正常'] },
    {
      code: 'hesitant',
      aliases: ['Undecided', 'Cautious', 'Wary', '谨慎', '观望', '犹豫不决'],
    },
    { code: 'cold', aliases: ['Indifferent', 'Uninterested', '冷漠', '不耐烦'] },
    {
      code: 'hostile',
      aliases: ['Objecting', 'Resistant', 'Angry', '有抵触情绪', '反感', '敌对'],
    },
  ],
  segments: [
    { code: 'vip', aliases: ['Key customer', '重点客户', 'VIP客户', '大客户'] },
    {
      code: 'normal',
      aliases: ['Regular', 'Ordinary', '正常', '正常关系客户', '普通客户'],
    },
    { code: 'lowValue', aliases: ['Small', '低价值客户', '小客户'] },
    {
      code: 'objectionDormant',
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
      aliases: ['Reassignment', 'Handover', 'Owner change', '移交', '更换负责人'],
    },
    {
      code: 'poolRelease',
      aliases: ['Pool release', 'Released', '进入公海', '释放'],
    },
    { code: 'poolClaim', aliases: ['Claim', 'Claimed', '领取', '认领'] },
    {
      code: 'gradeChange',
      aliases: ['Grade changed', 'Upgrade', 'Downgrade', '升级', '降级', '级别变更'],
    },
    { code: 'stageChange', aliases: ['Stage changed', '阶段变更'] },
    {
      code: 'nextStep',
      aliases: ['Plan set', 'Next step changed', '跟进计划变更', '修改跟进计划'],
    },
    { code: 'idAssigned', aliases: ['New ID', '编号分配'] },
    { code: 'clientAdded', aliases: ['New client', 'Added', '新客户'] },
    { code: 'importUndone', aliases: ['Undo import', '导入撤销'] },
    { code: 'fieldChange', aliases: ['Field updated', 'Details changed', '资料更新', '修改资料'] },
  ],
  weekdays: [
    { code: 'monday', aliases: ['Mon', '周一', '礼拜一'] },
    { code: 'tuesday', aliases: ['Tue', 'Tues', '周二', '礼拜二'] },
    { code: 'wednesday', aliases: ['Wed', '周三', '礼拜三'] },
    { code: 'thursday', aliases: ['Thu', 'Thurs', '周四', '礼拜四'] },
    { code: 'friday', aliases: ['Fri', '周五', '礼拜五'] },
    { code: 'saturday', aliases: ['Sat', '周六', '礼拜六'] },
    { code: 'sunday', aliases: ['Sun', '周日', '星期天', '礼拜天', '礼拜日'] },
  ],
} as const satisfies Record<string, readonly ItemSpec[]>);

export type ListName = keyof typeof LISTS;

/** Every item's label is a word of the catalogues: an item without one does not compile, naming it. */
const _everyItemWorded: Record<
  Exclude<Extract<(typeof LISTS)[ListName][number]['label'], string>, MessageKey>,
  never
> = {};
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
