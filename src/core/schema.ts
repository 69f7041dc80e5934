/**
 * The workbook's schema, declared once: tabs, columns (keys, header labels from the catalogues, aliases,
 * types, value lists, computed or not), widths and number formats. Setup, header mapping,
 * validation, record types, the sidebar form and the tests all read it from here.
 */
import { type FormerLabels, type Lang, type MessageKey, LANGS, formerLabels, t } from './i18n';
import type { ListCode, ListName } from './lists';
import { normalizeLabel } from './normalize';

export { LISTS, parseEnum, label, labels, codes, parseYesNo, readYesNo } from './lists';
export type { ListName, ListCode, Grade, Stage, Status, Outcome, Result, Segment, ChangeKind, Role } from './lists';

/**
 * text: free text; plainText: text that looks like a number but must stay text (phone, ID);
 * date: a day (or a moment, for contacts); number; boolean: yes/no; enum: one of a value list;
 * person: a Team name.
 */
export type ColumnType = 'text' | 'plainText' | 'date' | 'number' | 'boolean' | 'enum' | 'person';

export interface ColumnDef {
  readonly key: string;
  /** The header, one per language, from the catalogues (core/languages/). */
  readonly label: MessageKey;
  /** Other names people give the column, in any language: read, never written. */
  readonly aliases: readonly string[];
  /**
   * Labels an earlier version of Client Tracker wrote here: still read, and Setup replaces them with
   * today's label in place, saying so (docs/headers.md, "Renamed labels").
   */
  readonly formerly?: FormerLabels;
  readonly type: ColumnType;
  readonly list?: ListName;
  /** Written by the refresh, never typed by people. */
  readonly computed?: boolean;
  /** The operation cannot run without this column. */
  readonly required?: boolean;
  /**
   * In what the sidebar sends (a logged contact, a new client): 'required' — a save without a value
   * is refused, and the form marks the field *; 'filled' — the add-on fills it in itself, so it is no
   * field of the entry.
   */
  readonly entry?: 'required' | 'filled';
  /** Typed over several lines: the forms give it a text area. */
  readonly multiline?: boolean;
  /** The text box the forms give it (a phone shows the keyboard for it); plain text when absent. */
  readonly input?: 'email' | 'tel';
  readonly width: number;
  /** Sheets number format; '@' keeps a cell as plain text. */
  readonly format?: string;
  /** number columns: the smallest and largest value allowed, and whether it must be whole */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/**
 * A column as declared: its header is the catalogues' word `column.<table>.<key>`, unless it names
 * another (the next-step columns, which Clients and Contacts share). Only the key is written here.
 */
type ColumnSpec = Omit<ColumnDef, 'label'> & { readonly label?: MessageKey };

/** The catalogue key of a declared column's header. */
type LabelOf<T extends string, C> = C extends { label: infer L extends string }
  ? L
  : C extends { key: infer K extends string }
    ? `column.${T}.${K}`
    : never;

type Labelled<T extends string, Cols extends readonly ColumnSpec[]> = {
  readonly [I in keyof Cols]: Cols[I] & { readonly label: LabelOf<T, Cols[I]> };
};

/** A table's columns, each with the catalogue key of its header. */
function labelled<const T extends string, const Cols extends readonly ColumnSpec[]>(
  table: T,
  specs: Cols,
): Labelled<T, Cols> {
  return specs.map((c) => ({ label: `column.${table}.${c.key}`, ...c })) as unknown as Labelled<T, Cols>;
}

/** Whether a number lies in its column's range (whole numbers only where the column says so). */
export function inColumnRange(def: ColumnDef, n: number): boolean {
  if (def.min !== undefined && n < def.min) return false;
  if (def.max !== undefined && n > def.max) return false;
  return def.integer !== true || Number.isInteger(n);
}

const DAY = 'yyyy-mm-dd';
const MOMENT = 'yyyy-mm-dd hh:mm';
const TEXT = '@';

const NEXT_FOLLOW_UP_ALIASES = [
  'Next follow up',
  'Next contact',
  'Next date',
  'Follow-up date',
  '下次跟进日期',
  '下次联系',
  '下次联系日期',
] as const;
const NEXT_OWNER_ALIASES = ['Follow-up owner', 'Next by', 'Who follows up', '由谁跟', '跟进负责人'] as const;
const NEXT_TOPIC_ALIASES = ['Next step', 'Follow-up topic', 'Topic', '跟什么内容', '下一步'] as const;

/** The next step — who follows up, when, about what — kept on the client and on each contact. */
const NEXT_STEP_COLUMNS = [
  {
    key: 'nextFollowUp',
    label: 'column.nextStep.nextFollowUp',
    aliases: NEXT_FOLLOW_UP_ALIASES,
    type: 'date',
    width: 110,
    format: DAY,
  },
  { key: 'nextOwner', label: 'column.nextStep.nextOwner', aliases: NEXT_OWNER_ALIASES, type: 'person', width: 110 },
  { key: 'nextTopic', label: 'column.nextStep.nextTopic', aliases: NEXT_TOPIC_ALIASES, type: 'text', width: 200 },
] as const satisfies readonly ColumnSpec[];

export const CLIENT_COLUMNS = labelled('clients', [
  {
    key: 'id',
    aliases: ['Client ID', 'Customer ID', '客户编号', '客户ID'],
    type: 'plainText',
    required: true,
    width: 110,
    format: TEXT,
  },
  {
    key: 'name',
    aliases: [
      'Client name',
      'Client',
      'Customer',
      'Customer name',
      'Company',
      'Company name',
      '客户',
      '名称',
      '客户名',
      '公司',
      '公司名称',
      '单位名称',
    ],
    type: 'text',
    entry: 'required',
    required: true,
    width: 180,
    format: TEXT,
  },
  {
    // One ARRAYFORMULA in the header cell works the state out live (core/follow-up-formula.ts); never read or written by rows.
    key: 'followUpState',
    aliases: ['Follow up state', 'Follow-up status', '跟进情况', '跟进状况'],
    type: 'text',
    computed: true,
    width: 100,
  },
  {
    key: 'contact',
    aliases: ['Contact person', 'Contact name', '联系人姓名', '对接人', '姓名'],
    type: 'text',
    width: 110,
    format: TEXT,
  },
  {
    key: 'title',
    aliases: ['Job title', 'Position', '职位', '头衔'],
    type: 'text',
    width: 100,
  },
  {
    key: 'phone',
    aliases: [
      'Phone number',
      'Mobile',
      'Mobile phone',
      'Cell',
      'Tel',
      'Telephone',
      '手机',
      '联系电话',
      '手机号',
      '手机号码',
      '电话号码',
      '联系方式',
    ],
    type: 'plainText',
    input: 'tel',
    width: 130,
    format: TEXT,
  },
  {
    key: 'email',
    aliases: ['E-mail', 'Mail', 'Email address', '电子邮件', '电子邮箱'],
    type: 'text',
    input: 'email',
    width: 180,
    format: TEXT,
  },
  {
    key: 'address',
    aliases: ['Building', 'Location', '楼号', '住址', '详细地址', '楼盘'],
    type: 'text',
    width: 200,
    format: TEXT,
  },
  {
    key: 'kind',
    aliases: ['Client type', 'Customer type', 'Lead type', 'Type', '意向客户类型', '类型', '类别'],
    type: 'enum',
    list: 'kinds',
    width: 100,
  },
  {
    key: 'source',
    aliases: ['Lead source', '客户来源', '来源渠道', '渠道来源'],
    type: 'enum',
    list: 'sources',
    width: 150,
  },
  {
    key: 'owner',
    aliases: [
      'Salesperson',
      'Sales rep',
      'Account owner',
      'Assigned to',
      '业务员',
      '跟进人',
      '销售',
      '所属业务员',
      '客户经理',
    ],
    type: 'person',
    width: 110,
  },
  {
    key: 'collaborator',
    aliases: ['Helper', 'Co-owner', 'Help wanted', '协助人', '协同人'],
    type: 'person',
    width: 110,
  },
  {
    key: 'stage',
    aliases: ['Pipeline stage', 'Process', '流程', '销售阶段', '进度'],
    type: 'enum',
    list: 'stages',
    width: 190,
  },
  {
    key: 'grade',
    aliases: ['Level', 'Rating', '等级', '客户级别', '分级', '意向等级'],
    type: 'enum',
    list: 'grades',
    computed: true,
    width: 70,
  },
  {
    key: 'gradeOverride',
    formerly: { 'zh-CN': ['级别调整'] },
    aliases: ['Manual grade', 'Override', '手动级别', '人工级别', '等级调整'],
    type: 'enum',
    list: 'grades',
    width: 100,
  },
  {
    key: 'status',
    aliases: ['State', 'Client status', '客户状态'],
    type: 'enum',
    list: 'statuses',
    computed: true,
    width: 90,
  },
  {
    key: 'need',
    aliases: ['Needs', 'Requirement', 'Need quantity', '需求量', '需求说明', '需求内容'],
    type: 'text',
    multiline: true,
    width: 180,
  },
  {
    key: 'needConfirmed',
    aliases: ['Need clear', 'Has need', '需求确认', '有需求', '需求已确认'],
    type: 'boolean',
    list: 'yesNo',
    width: 90,
  },
  {
    key: 'budgetConfirmed',
    aliases: ['Budget', 'Has budget', '预算', '有预算', '预算已确认'],
    type: 'boolean',
    list: 'yesNo',
    width: 90,
  },
  {
    key: 'decisionMaker',
    aliases: ['Talking to decision maker', 'Decision-maker', 'DM', '决策者', '有决策权', '是否决策人', '对接决策人'],
    type: 'boolean',
    list: 'yesNo',
    width: 90,
  },
  {
    key: 'competitors',
    aliases: ['Competition', 'Other brands', '竞品', '其他品牌', '竞争品牌'],
    type: 'text',
    width: 140,
  },
  {
    key: 'expectedDate',
    aliases: [
      'Expected purchase date',
      'Planned date',
      'Purchase date',
      'Expected close',
      '预计购买日期',
      '预计日期',
      '计划安装日期',
      '预计成交日期',
    ],
    type: 'date',
    width: 110,
    format: DAY,
  },
  {
    key: 'lastContact',
    aliases: ['Last contacted', 'Last reached', '最后联系日期', '最近联系日期', '上次联系', '上次联系日期'],
    type: 'date',
    computed: true,
    width: 110,
    format: DAY,
  },
  ...NEXT_STEP_COLUMNS,
  {
    // When the next step in force was set: the date of the contact or the typed edit that set it. A
    // contact dated before it never replaces the step (docs/rule-path.md).
    key: 'planSet',
    aliases: ['Plan set', 'Next step set on', '计划设定时间'],
    type: 'date',
    computed: true,
    width: 140,
    format: MOMENT,
  },
  {
    key: 'poolRelease',
    aliases: ['Pool date', 'Release date', '公海释放', '释放日期', '进入公海日期', '公海日期'],
    type: 'date',
    computed: true,
    width: 110,
    format: DAY,
  },
  {
    key: 'dealValue',
    aliases: ['Deal amount', 'Contract value', 'Amount', '合同金额', '金额', '成交额'],
    type: 'number',
    min: 0,
    width: 110,
    format: '#,##0',
  },
  {
    key: 'expiryDate',
    formerly: { 'zh-CN': ['到期日'] },
    aliases: ['Expiry', 'Contract expiry', 'Service expiry', 'Renewal date', '到期日期', '服务到期', '服务到期日'],
    type: 'date',
    width: 110,
    format: DAY,
  },
  {
    key: 'satisfaction',
    aliases: ['Satisfaction (1-5)', 'CSAT', '客户满意度'],
    type: 'number',
    min: 1,
    max: 5,
    integer: true,
    width: 90,
    format: '0',
  },
  {
    key: 'segment',
    aliases: ['Customer segment', 'Value segment', '客户分群', '价值分类', '分群'],
    type: 'enum',
    list: 'segments',
    computed: true,
    width: 130,
  },
  {
    key: 'lostReason',
    aliases: ['Reason lost', 'Churn reason', '丢单原因'],
    type: 'enum',
    list: 'lostReasons',
    width: 150,
  },
  {
    key: 'created',
    aliases: ['Created on', 'Created date', 'Date added', '录入日期', '建档日期', '创建时间'],
    type: 'date',
    width: 110,
    format: DAY,
  },
  {
    key: 'notes',
    aliases: ['Note', 'Remarks', 'Comments', 'Profile', '说明', '备注说明'],
    type: 'text',
    multiline: true,
    width: 250,
  },
  {
    // The Stage the Changes tab last recorded for the client ('—': recorded blank). A Stage cell that
    // differs was changed without being recorded (typed on a phone, pasted, a script): onEdit or
    // Refresh records the move and this cell follows (src/core/stage-record.ts, docs/rule-path.md).
    key: 'stageRecorded',
    aliases: ['Recorded stage', '记录的阶段'],
    type: 'plainText',
    computed: true,
    width: 110,
    format: TEXT,
  },
  {
    // The plan (next follow-up day and topic) the Changes tab last recorded ('—': none). A plan typed
    // into the Clients cells is logged on Changes, with Next step set, by whichever of onEdit and
    // Refresh sees it first (src/core/stage-record.ts, docs/rule-path.md).
    key: 'stepRecorded',
    aliases: ['Recorded plan', '记录的计划'],
    type: 'plainText',
    computed: true,
    width: 160,
    format: TEXT,
  },
  {
    // When the stage in force was set: the moment of the contact that last gave it, or when a Stage
    // typed into the cell was recorded. A contact dated before it never changes the stage, so a row
    // caught up late cannot undo a later move (docs/rule-path.md).
    key: 'stageSet',
    aliases: ['Stage set on', '阶段更新时间'],
    type: 'date',
    computed: true,
    width: 140,
    format: MOMENT,
  },
] as const satisfies readonly ColumnSpec[]);

export const CONTACT_COLUMNS = labelled('contacts', [
  {
    key: 'id',
    aliases: ['Contact ID', 'Log ID', '记录编号'],
    type: 'plainText',
    entry: 'filled',
    width: 110,
    format: TEXT,
  },
  {
    key: 'date',
    aliases: ['When', 'Contact date', 'Date/time', '联系日期', '跟进时间', '时间'],
    type: 'date',
    required: true,
    width: 140,
    format: MOMENT,
  },
  {
    key: 'clientId',
    aliases: ['Customer ID', '客户ID'],
    type: 'plainText',
    entry: 'required',
    required: true,
    width: 110,
    format: TEXT,
  },
  {
    key: 'client',
    aliases: ['Client name', 'Customer', 'Company', '客户名称', '公司'],
    type: 'text',
    entry: 'filled',
    width: 160,
    format: TEXT,
  },
  {
    key: 'by',
    aliases: ['Contacted by', 'Salesperson', 'Who', '业务员', '执行人', '经办人'],
    type: 'person',
    width: 100,
  },
  {
    key: 'channel',
    aliases: ['Method', 'Via', 'Contact method', '方式', '联系方式', '渠道'],
    type: 'enum',
    entry: 'required',
    list: 'channels',
    width: 90,
  },
  {
    key: 'outcome',
    formerly: { 'zh-CN': ['接通情况'] },
    aliases: ['Call outcome', 'Call result', '联系结果', '通话结果', '接通结果'],
    type: 'enum',
    entry: 'required',
    list: 'outcomes',
    required: true,
    width: 120,
  },
  {
    key: 'result',
    formerly: { 'zh-CN': ['结果'] },
    aliases: ['Finding', 'Valid result', '有效信息', '跟进结果', '信息分类'],
    type: 'enum',
    list: 'results',
    width: 150,
  },
  {
    key: 'summary',
    aliases: ['What was said', 'Notes', 'Content', 'Details', '跟进内容', '内容', '谈话内容', '备注'],
    type: 'text',
    multiline: true,
    width: 300,
    format: TEXT,
  },
  {
    key: 'objections',
    aliases: ['Questions', 'Concerns', 'Questions and objections', '疑问', '异议', '客户疑问'],
    type: 'text',
    multiline: true,
    width: 200,
    format: TEXT,
  },
  {
    key: 'attitude',
    aliases: ['Temperament', 'Mood', '客户态度', '性格'],
    type: 'enum',
    list: 'attitudes',
    width: 100,
  },
  {
    key: 'reason',
    aliases: ['Follow-up reason', 'Purpose', 'Pretext', '跟进借口', '理由', '目的'],
    type: 'enum',
    list: 'reasons',
    width: 140,
  },
  ...NEXT_STEP_COLUMNS,
  {
    key: 'stageAfter',
    aliases: ['New stage', 'Stage', '阶段', '新阶段'],
    type: 'enum',
    list: 'stages',
    width: 170,
  },
  {
    key: 'gradeAfter',
    aliases: ['New grade', 'Grade', '级别', '新级别'],
    type: 'enum',
    list: 'grades',
    width: 80,
  },
] as const satisfies readonly ColumnSpec[]);

export const TEAM_COLUMNS = labelled('team', [
  {
    key: 'name',
    aliases: ['Person', 'Full name', 'Staff name', '名字', '人员'],
    type: 'text',
    required: true,
    width: 120,
  },
  {
    key: 'email',
    aliases: ['E-mail', 'Mail', 'Email address', '电子邮箱', '电子邮件'],
    type: 'text',
    required: true,
    width: 200,
    format: TEXT,
  },
  {
    key: 'role',
    aliases: ['Position', 'Job', 'Title', '职位', '角色'],
    type: 'enum',
    list: 'roles',
    width: 110,
  },
  {
    key: 'manager',
    aliases: ['Reports to', 'Supervisor', 'Boss', '主管', '直属上级'],
    type: 'person',
    width: 120,
  },
  {
    key: 'active',
    aliases: ['Enabled', 'In team', '启用', '有效'],
    type: 'boolean',
    list: 'yesNo',
    width: 70,
  },
  {
    key: 'digest',
    aliases: ['Email digest', 'Daily email', 'Send digest', '每日邮件', '接收邮件'],
    type: 'boolean',
    list: 'yesNo',
    width: 80,
  },
  {
    key: 'language',
    aliases: ['Lang', 'Locale'],
    type: 'enum',
    list: 'languages',
    width: 110,
  },
] as const satisfies readonly ColumnSpec[]);

export const CHANGE_COLUMNS = labelled('changes', [
  {
    key: 'id',
    aliases: ['Change ID'],
    type: 'plainText',
    required: true,
    width: 110,
    format: TEXT,
  },
  {
    key: 'date',
    aliases: ['When', 'Time', '时间'],
    type: 'date',
    required: true,
    width: 140,
    format: MOMENT,
  },
  {
    key: 'clientId',
    aliases: ['Customer ID', '客户ID'],
    type: 'plainText',
    required: true,
    width: 110,
    format: TEXT,
  },
  {
    key: 'what',
    aliases: ['Change', 'Kind', 'Type', '类型', '事项', '变更'],
    type: 'enum',
    list: 'changeKinds',
    required: true,
    width: 140,
  },
  {
    key: 'old',
    aliases: ['Before', 'From', 'Old value', '变更前', '旧值'],
    type: 'text',
    width: 140,
  },
  {
    key: 'new',
    aliases: ['After', 'To', 'New value', '变更后'],
    type: 'text',
    width: 140,
  },
  {
    key: 'by',
    aliases: ['Changed by', 'Who', 'User', '修改人', '执行人'],
    type: 'person',
    width: 100,
  },
  {
    key: 'reason',
    aliases: ['Why', 'Note', 'Notes', '说明', '备注'],
    type: 'text',
    width: 240,
  },
] as const satisfies readonly ColumnSpec[]);

export const SETTINGS_COLUMNS = labelled('settings', [
  {
    key: 'key',
    aliases: ['Setting', 'Name', 'Parameter', '参数', '项目', '名称'],
    type: 'text',
    required: true,
    width: 260,
  },
  {
    key: 'value',
    aliases: ['Setting value', '数值', '取值', '设定值'],
    type: 'text',
    required: true,
    width: 120,
  },
  {
    key: 'notes',
    aliases: ['Note', 'Description', 'Explanation', '备注', '解释'],
    type: 'text',
    width: 480,
  },
] as const satisfies readonly ColumnSpec[]);

export const TABLES = {
  clients: CLIENT_COLUMNS,
  contacts: CONTACT_COLUMNS,
  team: TEAM_COLUMNS,
  changes: CHANGE_COLUMNS,
  settings: SETTINGS_COLUMNS,
} as const;

export type TableName = keyof typeof TABLES;
export type ColumnKey<T extends TableName> = (typeof TABLES)[T][number]['key'];

/** Every header is a word of the catalogues: a column whose word is missing does not compile, naming it. */
const _everyHeaderWorded: Record<Exclude<(typeof TABLES)[TableName][number]['label'], MessageKey>, never> = {};
export type ReportName = 'daily' | 'monthly' | 'funnel' | 'overdue' | 'churn' | 'validity' | 'persistence';
export type TabName = TableName | ReportName;

export interface TabDef {
  /** The tab's name, one per language, from the catalogues (core/languages/). */
  readonly label: MessageKey;
  readonly aliases: readonly string[];
  /**
   * Labels an earlier version of Client Tracker wrote here: still read, and Setup replaces them with
   * today's label in place, saying so (docs/headers.md, "Renamed labels").
   */
  readonly formerly?: FormerLabels;
}

/** The tabs, each named by the catalogues' word `tab.<name>`. */
function tabLabels(specs: Record<TabName, Omit<TabDef, 'label'>>): Record<TabName, TabDef> {
  const named = Object.entries(specs).map(([tab, def]) => [tab, { label: `tab.${tab}`, ...def }]);
  return Object.fromEntries(named) as Record<TabName, TabDef>;
}

/** Every tab's name is a word of the catalogues: a tab without one does not compile, naming it. */
const _everyTabWorded: Record<Exclude<`tab.${TabName}`, MessageKey>, never> = {};

/** Tab names: all valid in Excel too (≤ 31 characters, none of : \ / ? * [ ], never "History"). */
export const TABS: Record<TabName, TabDef> = tabLabels({
  clients: { aliases: ['客户档案', '客户跟踪表', 'Customers', 'Client list', '客户列表'] },
  contacts: {
    aliases: ['沟通记录', 'Follow-ups', 'Contact log', '沟通备案', '跟进日志'],
  },
  team: { aliases: ['人员', 'Staff', 'People', '员工'] },
  settings: { aliases: ['配置', 'Config', 'Configuration'] },
  changes: { aliases: ['Change log', 'Audit', 'Audit log', '变更日志'] },
  daily: { aliases: ['Daily report', '日工作报表', '日报'] },
  monthly: { aliases: ['Monthly report', '月工作总结和计划', '月报'] },
  funnel: {
    formerly: { 'zh-CN': ['报表·漏斗'] },
    aliases: ['Funnel', '漏斗', '销售漏斗'],
  },
  overdue: {
    formerly: { 'zh-CN': ['报表·逾期'] },
    aliases: ['Overdue', '逾期', '逾期跟进'],
  },
  churn: { formerly: { 'zh-CN': ['报表·流失'] }, aliases: ['Churn', '流失', '流失预警'] },
  validity: { aliases: ['Validity', '有效性'] },
  persistence: { aliases: ['Persistence', '跟进深度'] },
});

/** The tab's name in a language. */
export function tabName(tab: TabName, lang: Lang): string {
  return t(lang, TABS[tab].label);
}

/** A label in every language, the registry's order (what readers accept as today's label). */
export function labelsOf(key: MessageKey): string[] {
  return LANGS.map((lang) => t(lang, key));
}

/**
 * Which of the spreadsheet's tabs is this table: the canonical names win over aliases,
 * and among equals the leftmost tab wins. null when none is recognised. (The add-on first looks for
 * the tab named in the workbook's language, gas/table.ts findTab; this decides when there is none.)
 */
export function matchTabName(tab: TabName, sheetNames: readonly string[]): string | null {
  const def = TABS[tab];
  const names = labelsOf(def.label);
  const canonical = new Set(names.map(normalizeLabel));
  const aliases = new Set([...formerLabels(def.formerly), ...def.aliases].map(normalizeLabel));
  const exact = sheetNames.find((n) => names.includes(n));
  if (exact !== undefined) return exact;
  const byCanonical = sheetNames.find((n) => canonical.has(normalizeLabel(n)));
  if (byCanonical !== undefined) return byCanonical;
  return sheetNames.find((n) => aliases.has(normalizeLabel(n))) ?? null;
}

export function columns<T extends TableName>(table: T): readonly ColumnDef[] {
  return TABLES[table];
}

export function column<T extends TableName>(table: T, key: ColumnKey<T>): ColumnDef {
  const def = (TABLES[table] as readonly ColumnDef[]).find((c) => c.key === key);
  if (!def) throw new Error(`No column ${String(key)} in ${table}`);
  return def;
}

/** A column's header in a language. */
export function header<T extends TableName>(table: T, key: ColumnKey<T>, lang: Lang): string {
  return t(lang, column(table, key).label);
}

export interface HeaderMatch<K extends string> {
  /** Column key → 0-based column index in the header row. */
  map: Partial<Record<K, number>>;
  /** Schema columns not found. */
  missing: K[];
  /** Missing columns the operations cannot do without. */
  missingRequired: K[];
  /** The user's own columns, kept as they are. */
  unknown: { index: number; header: string }[];
  /** A second header naming a column already found (the first one is used). */
  duplicates: { index: number; header: string; key: K }[];
}

const headerLookups = new Map<TableName, Map<string, string>>();

function headerLookup(table: TableName): Map<string, string> {
  let map = headerLookups.get(table);
  if (!map) {
    map = new Map();
    const defs = TABLES[table] as readonly ColumnDef[];
    // Canonical headers first, so an alias can never shadow another column's own header.
    for (const def of defs) {
      for (const name of labelsOf(def.label)) {
        const key = normalizeLabel(name);
        if (!map.has(key)) map.set(key, def.key);
      }
    }
    for (const def of defs) {
      for (const name of [def.key, ...formerLabels(def.formerly), ...def.aliases]) {
        const key = normalizeLabel(name);
        if (key && !map.has(key)) map.set(key, def.key);
      }
    }
    headerLookups.set(table, map);
  }
  return map;
}

/** Which column of a header row holds which schema column; matched by name, never by position. */
export function findHeaders<T extends TableName>(table: T, headerRow: readonly unknown[]): HeaderMatch<ColumnKey<T>> {
  type K = ColumnKey<T>;
  const lookup = headerLookup(table);
  const map: Partial<Record<K, number>> = {};
  const unknown: { index: number; header: string }[] = [];
  const duplicates: { index: number; header: string; key: K }[] = [];
  headerRow.forEach((cell, index) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    if (text === '') return;
    const key = lookup.get(normalizeLabel(text)) as K | undefined;
    if (key === undefined) unknown.push({ index, header: text });
    else if (map[key] !== undefined) duplicates.push({ index, header: text, key });
    else map[key] = index;
  });
  const defs = TABLES[table] as readonly ColumnDef[];
  const missing = defs.filter((d) => map[d.key as K] === undefined).map((d) => d.key as K);
  const missingRequired = defs.filter((d) => d.required && map[d.key as K] === undefined).map((d) => d.key as K);
  return { map, missing, missingRequired, unknown, duplicates };
}

type CellOf<C> = C extends { type: 'date' }
  ? Date | null
  : C extends { type: 'number' }
    ? number | null
    : C extends { type: 'boolean' }
      ? boolean
      : C extends { type: 'enum'; list: infer L extends ListName }
        ? ListCode<L> | null
        : string;

type RecordOf<Cols extends readonly ColumnDef[]> = { -readonly [C in Cols[number] as C['key']]: CellOf<C> };

/** A client as the rules see it: one Clients row, read by header, values parsed. */
export type ClientRecord = RecordOf<typeof CLIENT_COLUMNS>;
/** One Contacts row: a contact attempt. */
export type ContactRecord = RecordOf<typeof CONTACT_COLUMNS>;
export type TeamMember = RecordOf<typeof TEAM_COLUMNS>;
export type ChangeRecord = RecordOf<typeof CHANGE_COLUMNS>;
export type SettingRow = RecordOf<typeof SETTINGS_COLUMNS>;

export interface RecordTypes {
  clients: ClientRecord;
  contacts: ContactRecord;
  team: TeamMember;
  changes: ChangeRecord;
  settings: SettingRow;
}

/** Flattens an intersection, so an entry's type reads as one object. */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * One row as the sidebar sends it: every column the add-on does not fill itself (entry: 'filled'),
 * under its column key, as typed; a column marked entry: 'required' must be there. A column added to
 * the table is a field of the entry at once.
 */
export type EntryOf<Cols extends readonly ColumnDef[]> = Flat<
  { [C in Cols[number] as C extends { entry: 'required' } ? C['key'] : never]: string } & {
    [C in Cols[number] as C extends { entry: 'required' | 'filled' } ? never : C['key']]?: string;
  }
>;

/** A contact as Log contact (and the import) sends it: Contacts columns by key, list values as codes or labels. */
export type NewContactFields = EntryOf<typeof CONTACT_COLUMNS>;

/** Whether a save is refused without a value in this column (the forms mark it *). */
export function entryRequired<T extends TableName>(table: T, key: ColumnKey<T>): boolean {
  return column(table, key).entry === 'required';
}
