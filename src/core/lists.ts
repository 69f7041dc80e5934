/**
 * The value lists of the workbook (dropdowns), in both languages with the usual synonyms.
 * A cell is read back to its code whichever language or synonym the user typed.
 */
import type { Lang } from './i18n';
import { normalizeLabel } from './normalize';

export interface ListItem {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
  readonly aliases: readonly string[];
  /**
   * Labels an earlier version of Client Tracker wrote here: still read, and Setup replaces them with
   * today's label in place, saying so (docs/headers.md, "Renamed labels").
   */
  readonly formerly?: readonly string[];
}

export const LISTS = {
  yesNo: [
    { code: 'yes', en: 'Yes', zh: '是', aliases: [] },
    { code: 'no', en: 'No', zh: '否', aliases: [] },
  ],
  grades: [
    { code: 'A', en: 'A', zh: 'A', aliases: ['Grade A', 'A级', 'A类'] },
    { code: 'B', en: 'B', zh: 'B', aliases: ['Grade B', 'B级', 'B类'] },
    { code: 'C', en: 'C', zh: 'C', aliases: ['Grade C', 'C级', 'C类'] },
    { code: 'D', en: 'D', zh: 'D', aliases: ['Grade D', 'D级', 'D类'] },
  ],
  kinds: [
    {
      code: 'direct',
      en: 'Direct',
      zh: '直接型',
      aliases: ['Direct buyer', 'Decision maker', '直接', '直接型意向客户', '直接客户'],
    },
    {
      code: 'keyPerson',
      en: 'Key person',
      zh: '关键人',
      aliases: ['Indirect', 'Influencer', 'Referrer', '间接型', '间接', '间接型意向客户', '关键人物'],
    },
    {
      code: 'potential',
      en: 'Potential',
      zh: '潜在型',
      aliases: ['Prospect', 'Watch', '潜在', '潜在客户', '潜在型意向客户'],
    },
  ],
  sources: [
    {
      code: 'newEstate',
      en: 'New housing estate',
      zh: '商品房扫楼',
      aliases: ['Canvassing', 'Estate canvassing', '商品房', '扫楼'],
    },
    { code: 'workUnitHousing', en: 'Work-unit housing', zh: '集资房', aliases: ['Staff housing', '单位集资房'] },
    {
      code: 'organization',
      en: 'Companies & institutions',
      zh: '企事业单位',
      aliases: ['Company', 'Institution', 'Organisation', 'Organization', '企业', '事业单位', '单位'],
    },
    {
      code: 'privateHouse',
      en: 'Private house or renovation',
      zh: '私房或重新装修',
      aliases: ['Private house', 'Villa', 'Renovation', '私房', '别墅', '重新装修', '自建房'],
    },
    {
      code: 'referral',
      en: 'Referral',
      zh: '转介绍',
      aliases: ['Introduced', 'Recommendation', '介绍', '推荐', '老客户介绍'],
    },
    { code: 'event', en: 'Event', zh: '活动', aliases: ['Exhibition', 'Trade show', '展会'] },
    { code: 'phone', en: 'Phone', zh: '电话', aliases: ['Cold call', 'Telemarketing', '电话营销'] },
    { code: 'web', en: 'Web', zh: '网络', aliases: ['Website', 'Online', 'Internet', '网站', '线上', '互联网'] },
    { code: 'other', en: 'Other', zh: '其他', aliases: ['其它', 'Misc'] },
  ],
  stages: [
    {
      code: 'A',
      en: 'A · Contacted not met',
      zh: 'A · 已沟通未进入会程',
      aliases: ['Contacted', 'Contacted not met', 'Contacted, not met', '已沟通', '已沟通未进入会程', 'A流程'],
    },
    {
      code: 'A2',
      en: 'A2 · First meeting',
      zh: 'A2 · 初次会谈',
      aliases: ['First meeting', 'Met', '初次会谈', '首次会谈', 'A2流程'],
    },
    {
      code: 'B1',
      en: 'B1 · Needs analysed',
      zh: 'B1 · 需求分析',
      aliases: ['Needs analysed', 'Needs analyzed', 'Topic meeting', '需求分析', '专题会', 'B1流程'],
    },
    {
      code: 'B2',
      en: 'B2 · Proposal & site visit',
      zh: 'B2 · 方案与考察',
      aliases: ['Proposal', 'Site visit', 'Proposal and site visit', '方案', '现场考察', '方案与考察', 'B2流程'],
    },
    {
      code: 'B3',
      en: 'B3 · Negotiation',
      zh: 'B3 · 商务谈判',
      aliases: ['Negotiation', 'Director leading', '商务谈判', '谈判', 'B3流程'],
    },
    {
      code: 'won',
      en: 'Won',
      zh: '成交',
      aliases: ['Member', 'Closed won', 'Signed', '入会', '成交入会', '已成交', '签单'],
    },
    { code: 'lost', en: 'Lost', zh: '流失', aliases: ['Closed lost', 'Dead', '丢单', '已流失'] },
  ],
  statuses: [
    { code: 'active', en: 'Active', zh: '跟进中', aliases: ['Open', 'Live', '活跃', '进行中'] },
    { code: 'dormant', en: 'Dormant', zh: '休眠', aliases: ['Sleeping', 'Inactive', '休眠客户', '沉睡'] },
    { code: 'inPool', en: 'In pool', zh: '公海', aliases: ['Pool', 'Shared pool', 'Released', '在公海', '公海客户'] },
    { code: 'won', en: 'Won', zh: '成交', aliases: ['Customer', 'Member', '已成交', '入会'] },
    { code: 'lost', en: 'Lost', zh: '流失', aliases: ['已流失', '丢失'] },
  ],
  channels: [
    { code: 'phone', en: 'Phone', zh: '电话', aliases: ['Call', 'Phone call', 'Tel', '打电话', '致电', '通话'] },
    { code: 'sms', en: 'SMS', zh: '短信', aliases: ['Text', 'Text message', '信息'] },
    { code: 'email', en: 'Email', zh: '邮件', aliases: ['E-mail', 'Mail', '电子邮件', '邮箱'] },
    { code: 'wechat', en: 'WeChat', zh: '微信', aliases: ['Weixin', 'WX'] },
    {
      code: 'visit',
      en: 'Visit',
      zh: '拜访',
      aliases: ['Site visit', 'In person', '上门', '上门拜访', '登门拜访', '走访'],
    },
    { code: 'meeting', en: 'Meeting', zh: '会谈', aliases: ['Meet', 'Face to face', '会议', '面谈', '见面', '专题会'] },
  ],
  outcomes: [
    {
      code: 'reached',
      en: 'Reached',
      zh: '已联系上',
      formerly: ['已接通'],
      aliases: ['Answered', 'Connected', 'Talked', '接通', '联系上'],
    },
    {
      code: 'noAnswer',
      en: 'No answer',
      zh: '无人接听',
      aliases: ['Not answered', 'No reply', '未接', '未接听', '没人接'],
    },
    { code: 'busy', en: 'Busy', zh: '占线', aliases: ['Line busy', 'Engaged', '忙线'] },
    {
      code: 'wrongNumber',
      en: 'Wrong number',
      zh: '信息与号码不符',
      aliases: ['Wrong person', 'Number does not match', '号码不符', '信息与号码不符合', '打错了'],
    },
    {
      code: 'unreachable',
      en: 'Unreachable',
      zh: '一直联系不上',
      aliases: ['Never reachable', 'Cannot reach', '联系不上', '无法接通', '无法联系'],
    },
    { code: 'fax', en: 'Fax', zh: '传真机', aliases: ['Fax machine', '传真'] },
    { code: 'suspended', en: 'Suspended', zh: '停机', aliases: ['Disconnected', 'Out of service', '已停机'] },
    {
      code: 'noSuchNumber',
      en: 'No such number',
      zh: '空号',
      aliases: ['Invalid number', 'Number does not exist', 'Not in service', '号码不存在'],
    },
  ],
  results: [
    {
      code: 'opportunity',
      en: 'Opportunity found',
      zh: '联动商机',
      aliases: ['Opportunity', 'Lead found', 'Business opportunity', '商机', '发现商机', '联动商机提供'],
    },
    {
      code: 'inService',
      en: 'Within service period',
      zh: '在服务期限内',
      aliases: ['In service', 'Under contract', '服务期内', '在伙伴服务期限内'],
    },
    {
      code: 'switchedProvider',
      en: 'Switched provider',
      zh: '更换代理商',
      aliases: ['Changed provider', 'Switched supplier', '更换服务商', '更换供应商', '更换代理商的客户'],
    },
    {
      code: 'noNeed',
      en: 'Needs no service',
      zh: '不需要服务',
      aliases: ['No need', 'Not interested', '不需要', '无需求', '不需要服务的客户'],
    },
    {
      code: 'hostile',
      en: 'Hostile',
      zh: '有抵触情绪',
      aliases: ['Objecting', 'Resistant', '抵触', '有抵触情绪的客户'],
    },
    {
      code: 'unsureProvider',
      en: 'Unsure who serves them',
      zh: '不清楚服务商',
      aliases: ['Unknown provider', '不清楚自己服务商', '不清楚自己服务商的客户'],
    },
    {
      code: 'keyPersonLeft',
      en: 'Key person left',
      zh: '关键人离职',
      aliases: ['Contact left', 'Decision maker left', '关键人离开', '对接人离职'],
    },
    { code: 'other', en: 'Other', zh: '其他情况', aliases: ['Others', '其他', '其它', '停用或更换软件'] },
  ],
  reasons: [
    {
      code: 'appointment',
      en: 'Appointment request',
      zh: '预约面谈',
      aliases: ['Appointment', 'First call', '预约', '邀约'],
    },
    {
      code: 'knowledge',
      en: 'Useful knowledge',
      zh: '知识产品',
      aliases: ['Knowledge', 'Industry news', '知识产品跟进', '资讯'],
    },
    {
      code: 'holiday',
      en: 'Holiday greeting',
      zh: '节日问候',
      aliases: ['Holiday', 'Festival greeting', '节日', '问候'],
    },
    { code: 'event', en: 'Event', zh: '活动', aliases: ['Event invitation', 'Activity', '活动邀请', '活动的跟进法'] },
    { code: 'gift', en: 'Gift', zh: '礼物', aliases: ['Present', '送礼', '礼品'] },
    { code: 'service', en: 'Service call', zh: '服务回访', aliases: ['Service', 'Support', '服务', '服务类', '回访'] },
    { code: 'offer', en: 'Offer', zh: '优惠政策', aliases: ['Promotion', 'Discount', '优惠', '促销'] },
    {
      code: 'helpfulInfo',
      en: 'Helpful information',
      zh: '提供帮助的信息',
      aliases: ['Useful information', 'Help', '帮助信息', '有用信息'],
    },
    { code: 'passingBy', en: 'Passing by', zh: '路过拜访', aliases: ['Dropped in', '路过', '顺路拜访', '借口路过'] },
    { code: 'survey', en: 'Satisfaction survey', zh: '满意度调查', aliases: ['Survey', 'Feedback', '调查'] },
  ],
  lostReasons: [
    { code: 'quality', en: 'Product quality', zh: '产品质量', aliases: ['Quality', '质量', '产品质量的原因'] },
    {
      code: 'overPromising',
      en: 'Over-promising',
      zh: '过度承诺',
      aliases: ['Overpromised', '夸大承诺', '宣传中过度承诺', '售前夸大不实承诺'],
    },
    {
      code: 'neglect',
      en: 'Neglect after sale',
      zh: '后期不重视服务',
      aliases: ['Neglect', 'Poor after-sales service', '不重视服务', '售后服务差'],
    },
    {
      code: 'salespersonLeft',
      en: 'Salesperson left',
      zh: '业务员离职',
      aliases: ['Rep left', '销售离职', '离职导致客户流失'],
    },
    { code: 'competitor', en: 'Competitor', zh: '竞争对手', aliases: ['Lost to competitor', '被竞争对手抢走', '竞品'] },
    { code: 'needMoved', en: 'Need moved', zh: '需求转移', aliases: ['Need changed', '客户需求转移', '需求变化'] },
    { code: 'keyPersonLeft', en: 'Key person left', zh: '关键人离职', aliases: ['关键人的离职', 'Contact left'] },
    {
      code: 'lowSwitchingCost',
      en: 'Low switching cost',
      zh: '换供应商代价小',
      aliases: ['Easy to switch', '转换成本低'],
    },
    { code: 'price', en: 'Price', zh: '价格', aliases: ['Too expensive', '价格原因', '价格太高'] },
    { code: 'market', en: 'Market', zh: '市场波动', aliases: ['Market change', '市场', '市场原因'] },
  ],
  roles: [
    { code: 'salesperson', en: 'Salesperson', zh: '业务员', aliases: ['Sales', 'Sales rep', 'Rep', '销售', '销售员'] },
    {
      code: 'manager',
      en: 'Manager',
      zh: '经理',
      aliases: ['Sales manager', 'Team lead', '主管', '销售经理', '高级经理'],
    },
    {
      code: 'director',
      en: 'Director',
      zh: '总监',
      aliases: ['Sales director', 'Head of sales', '部门总监', '销售总监'],
    },
  ],
  attitudes: [
    {
      code: 'friendly',
      en: 'Friendly',
      zh: '友好',
      aliases: ['Warm', 'Positive', 'Interested', '热情', '积极', '感兴趣'],
    },
    { code: 'neutral', en: 'Neutral', zh: '一般', aliases: ['Polite', 'OK', '中立', '平淡', '正常'] },
    {
      code: 'hesitant',
      en: 'Hesitant',
      zh: '犹豫',
      aliases: ['Undecided', 'Cautious', 'Wary', '谨慎', '观望', '犹豫不决'],
    },
    { code: 'cold', en: 'Cold', zh: '冷淡', aliases: ['Indifferent', 'Uninterested', '冷漠', '不耐烦'] },
    {
      code: 'hostile',
      en: 'Hostile',
      zh: '抵触',
      aliases: ['Objecting', 'Resistant', 'Angry', '有抵触情绪', '反感', '敌对'],
    },
  ],
  segments: [
    { code: 'vip', en: 'VIP', zh: 'VIP', aliases: ['Key customer', '重点客户', 'VIP客户', '大客户'] },
    {
      code: 'normal',
      en: 'Normal',
      zh: '正常关系',
      aliases: ['Regular', 'Ordinary', '正常', '正常关系客户', '普通客户'],
    },
    { code: 'lowValue', en: 'Low value', zh: '低价值', aliases: ['Small', '低价值客户', '小客户'] },
    {
      code: 'objectionDormant',
      en: 'Objection or dormant',
      zh: '异议或休眠',
      aliases: ['Objection', 'Dormant', 'Objection/dormant', '异议客户', '休眠客户', '异议客户、休眠客户'],
    },
  ],
  languages: [
    { code: 'en', en: 'English', zh: '英文', aliases: ['en-US', 'en-GB', '英语'] },
    { code: 'zh-CN', en: 'Chinese (Simplified)', zh: '简体中文', aliases: ['zh', 'Chinese', '中文', '汉语', '简中'] },
  ],
  changeKinds: [
    {
      code: 'reassigned',
      en: 'Reassigned',
      zh: '转交',
      aliases: ['Reassignment', 'Handover', 'Owner change', '移交', '更换负责人'],
    },
    {
      code: 'poolRelease',
      en: 'Released to pool',
      zh: '释放到公海',
      aliases: ['Pool release', 'Released', '进入公海', '释放'],
    },
    { code: 'poolClaim', en: 'Claimed from pool', zh: '从公海领取', aliases: ['Claim', 'Claimed', '领取', '认领'] },
    {
      code: 'gradeChange',
      en: 'Grade change',
      zh: '级别变化',
      aliases: ['Grade changed', 'Upgrade', 'Downgrade', '升级', '降级', '级别变更'],
    },
    { code: 'stageChange', en: 'Stage change', zh: '阶段变化', aliases: ['Stage changed', '阶段变更'] },
    {
      code: 'nextStep',
      en: 'Next step set',
      zh: '设定跟进计划',
      aliases: ['Plan set', 'Next step changed', '跟进计划变更', '修改跟进计划'],
    },
    { code: 'idAssigned', en: 'ID assigned', zh: '分配编号', aliases: ['New ID', '编号分配'] },
    { code: 'clientAdded', en: 'Client added', zh: '新增客户', aliases: ['New client', 'Added', '新客户'] },
    { code: 'importUndone', en: 'Import undone', zh: '撤销导入', aliases: ['Undo import', '导入撤销'] },
  ],
  weekdays: [
    { code: 'monday', en: 'Monday', zh: '星期一', aliases: ['Mon', '周一', '礼拜一'] },
    { code: 'tuesday', en: 'Tuesday', zh: '星期二', aliases: ['Tue', 'Tues', '周二', '礼拜二'] },
    { code: 'wednesday', en: 'Wednesday', zh: '星期三', aliases: ['Wed', '周三', '礼拜三'] },
    { code: 'thursday', en: 'Thursday', zh: '星期四', aliases: ['Thu', 'Thurs', '周四', '礼拜四'] },
    { code: 'friday', en: 'Friday', zh: '星期五', aliases: ['Fri', '周五', '礼拜五'] },
    { code: 'saturday', en: 'Saturday', zh: '星期六', aliases: ['Sat', '周六', '礼拜六'] },
    { code: 'sunday', en: 'Sunday', zh: '星期日', aliases: ['Sun', '周日', '星期天', '礼拜天', '礼拜日'] },
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
export const SEGMENT_STRATEGY: Record<Segment, { en: string; zh: string }> = {
  vip: {
    en: 'Upgrade service: standard support plus value-added services and a business review; build a strategic partnership.',
    zh: '升级服务：标准支持服务＋增值服务、业务梳理，建立战略合作关系。',
  },
  normal: {
    en: 'Care: improve the relationship, invite to events, guide deeper use and new needs.',
    zh: '客户关怀：改善关系、参加活动，引导客户深入应用、扩展需求。',
  },
  lowValue: {
    en: 'Activate and upgrade: mostly remote; show how the industry uses us so the client sees what it is missing.',
    zh: '激活并升级：非现场为主，介绍行业应用，让客户感觉应用的不足，产生深度应用需求。',
  },
  objectionDormant: {
    en: 'Revive: serve by the book, learn the gap between their use and their business, give expert advice.',
    zh: '复苏：做好服务规范，了解应用与业务之间的差异，提供专业建议。',
  },
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

const lookups = new Map<ListName, Map<string, string>>();

function lookupFor(list: ListName): Map<string, string> {
  let map = lookups.get(list);
  if (!map) {
    map = new Map();
    for (const item of LISTS[list] as readonly ListItem[]) {
      for (const name of [item.code, item.en, item.zh, ...(item.formerly ?? []), ...item.aliases]) {
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
  return lang === 'zh-CN' ? item.zh : item.en;
}

/** Every label of a list in a language, in order (dropdown values). */
export function labels(list: ListName, lang: Lang): string[] {
  return (LISTS[list] as readonly ListItem[]).map((i) => (lang === 'zh-CN' ? i.zh : i.en));
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
