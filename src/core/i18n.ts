/**
 * Every sentence a user reads, in English and Simplified Chinese. The Chinese catalogue is typed
 * by the English one's keys, so a missing translation does not compile.
 */

export type Lang = 'en' | 'zh-CN';

export type Params = Readonly<Record<string, string | number>>;

/** A sentence to show later, in whichever language the reader uses. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** zh, zh_CN, zh-TW, zh-Hans … → zh-CN; anything else (en_US, fr, blank) → en. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^\s*zh(?:[-_]|$)/i.test(locale ?? '') ? 'zh-CN' : 'en';
}

const EN = {
  'app.name': 'Client Tracker',

  'menu.setup': 'Set up / upgrade sheets',
  'menu.refresh': 'Refresh grades and status',
  'menu.logContact': 'Log a contact…',
  'menu.addClient': 'Add a client…',
  'menu.clientCard': 'Client card',
  'menu.poolRelease': 'Release idle clients to the pool',
  'menu.reports': 'Reports',
  'menu.reportsAll': 'All reports',
  'menu.report.daily': 'Daily work report',
  'menu.report.monthly': 'Monthly summary and plan',
  'menu.report.funnel': 'Funnel',
  'menu.report.overdue': 'Overdue',
  'menu.report.churn': 'Churn',
  'menu.report.validity': 'Contact validity',
  'menu.report.persistence': 'Persistence',
  'menu.schedule': 'Schedule',
  'menu.scheduleOn': 'Turn on daily run',
  'menu.scheduleOff': 'Turn off daily run',
  'menu.scheduleRun': 'Run now',
  'menu.scheduleStatus': 'Status',
  'menu.previewEmail': 'Preview my email',

  'error.missingTab': 'There is no {tab} tab. Run Set up / upgrade sheets to create it.',
  'error.missingColumn': 'The {tab} tab has no “{column}” column. Add it back or run Set up / upgrade sheets.',
  'error.rowsMoved': 'Rows on the {tab} tab moved while this was running. Nothing was written; please run it again.',
  'error.unknownClient': 'There is no client with ID “{id}”.',

  'setup.tabCreated': 'Created the {tab} tab.',
  'setup.tabAdopted': 'Using your tab “{name}” as the {tab} tab.',
  'setup.columnsAdded': '{tab}: added the columns {columns} at the end.',
  'setup.userColumnsKept': '{tab}: kept your own columns {columns} as they are.',
  'setup.settingsAdded': 'Settings: added {keys} with their default values.',
  'setup.nothingChanged': 'Everything was already set up; nothing changed.',
  'setup.done': 'Set up finished.',
  'setup.computedNote': 'Computed by Client Tracker on every refresh: anything typed here is replaced.',
  'setup.rulesUpdated': 'Clients: updated the highlighting rules (overdue, due today, unplanned, pool soon).',
  'legend.title': 'Highlighting on the Clients tab',
  'setup.todayAdded': 'Settings: added the named cell CT_TODAY (today’s date) for the CT_ formulas.',
  'today.label': 'Today (CT_TODAY, kept by Client Tracker for formulas)',
  'legend.overdue': 'Overdue: the next follow-up date has passed (bold)',
  'legend.dueToday': 'Due today: the next follow-up is today',
  'legend.unplanned': 'Unplanned: an active client with no next follow-up (italic)',
  'legend.poolSoon': 'Pool soon: goes to the shared pool within the pool warning days (italic)',
  'error.busy': 'Another Client Tracker task is still working on this spreadsheet. Try again in a minute.',
  'error.noHeaderRow':
    'The {tab} tab has values but no header row. Insert a row at the top with the column names, or rename the tab.',

  'state.overdue': 'Overdue',
  'state.dueToday': 'Due today',
  'state.upcoming': 'Upcoming',
  'state.unplanned': 'Unplanned',
  'state.none': 'No follow-up',

  'grade.needNotConfirmed': 'The need is not confirmed.',
  'grade.noExpectedDate': 'There is no expected date.',
  'grade.readyToSign':
    'Budget confirmed, talking to the decision maker, expected in {days} days (A window: {window} days): can sign.',
  'grade.budgetNotConfirmed': 'The budget is not confirmed yet.',
  'grade.beyondA': 'Expected in {days} days, later than the A window ({window} days).',
  'grade.withinB': 'Talking to the decision maker, expected in {days} days (B window: {window} days).',
  'grade.noDecisionMaker': 'Not talking to the decision maker yet.',
  'grade.beyondB': 'Expected in {days} days, later than the B window ({window} days).',
  'grade.overridden': 'Grade set by hand to {grade}; the rule gives {computed}.',

  'churn.gap': 'No reached contact for {days} days, more than {limit} days ({factor} × the grade {grade} interval).',
  'churn.neverReached': 'Never reached in {days} days since it was created ({limit} days allowed).',
  'churn.downgrade': 'Grade fell from {from} to {to}.',
  'churn.keyPersonLeft': 'The key person has left (latest result).',
  'churn.expiryNear': 'The contract expires in {days} days and nobody has reached the client since {since}.',

  'pool.reclaimWait': 'You released this client on {released}; you can claim it back from {from}.',
  'pool.released': 'No reached contact for {days} days (grade {grade} allows {limit}).',

  'cadence.overCalling': 'Contacted again after {days} days; grade {grade} calls for about {interval} days.',

  'settings.badValue': 'Settings: “{key}” is “{value}”, which is not {expected}; using the default {default}.',
  'settings.duplicate': 'Settings: “{key}” appears more than once; using the first value.',
  'settings.expected.wholeNumber': 'a whole number from {min} to {max}',
  'settings.expected.number': 'a number of at least {min}',
  'settings.expected.yesNo': 'yes or no',
  'settings.expected.weekday': 'a day of the week',
  'settings.expected.language': 'English or 简体中文 (or blank)',

  'problem.notADate': '{tab}, {who}: “{column}” holds “{value}”, which is not a date; fix it or clear it.',
  'problem.notANumber': '{tab}, {who}: “{column}” holds “{value}”, which is not a number.',
  'problem.notInList': '{tab}, {who}: “{column}” holds “{value}”, which is not one of {allowed}.',
  'problem.notYesNo': '{tab}, {who}: “{column}” holds “{value}”; use yes or no. Counted as no.',
  'problem.duplicateId': '{tab}: the ID {id} is used by more than one row; give one of them a new ID.',
  'problem.contactUnknownClient': '{tab}, {who}: the client ID {id} matches no client.',
  'problem.contactNoDate': '{tab}, {who}: the contact has no date, so it is not counted.',
  'problem.row': 'row {index}',

  'change.idAssigned': 'The row had no ID.',
  'change.gradeComputed': 'Grade recomputed from the qualification facts.',
  'change.poolRelease': 'Released to the shared pool.',

  'refresh.done': 'Refreshed {clients} clients: grade, status, last contact, pool release and segment.',
  'refresh.counts': 'Grades changed: {grades}. Statuses changed: {statuses}. IDs assigned: {ids}.',
  'refresh.changesLogged': 'Grade changes and new IDs are recorded on the {tab} tab.',
  'refresh.problems': 'Please check these {count} problems; every other row was refreshed:',
  'refresh.andMore': '… and {count} more.',
  'poolRelease.off':
    'The shared pool is off, so nobody was released. To turn it on, set “{key}” to Yes on the {tab} tab.',
  'poolRelease.none': 'No client is due for the shared pool today.',
  'poolRelease.done': 'Clients released to the shared pool: {count}. Each one is recorded on the {tab} tab.',
  'poolRelease.line': '{name} ({id}), was with {owner}: {reason}',
  'poolRelease.noId': '{tab}, {who}: due for the shared pool but has no ID yet, so it was kept; run Refresh first.',
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  'app.name': '客户跟踪',

  'menu.setup': '创建 / 升级表格',
  'menu.refresh': '刷新级别和状态',
  'menu.logContact': '记录跟进…',
  'menu.addClient': '新增客户…',
  'menu.clientCard': '客户卡片',
  'menu.poolRelease': '将久未联系的客户释放到公海',
  'menu.reports': '报表',
  'menu.reportsAll': '全部报表',
  'menu.report.daily': '日工作报表',
  'menu.report.monthly': '月工作总结和计划',
  'menu.report.funnel': '漏斗',
  'menu.report.overdue': '逾期',
  'menu.report.churn': '流失',
  'menu.report.validity': '联系有效性',
  'menu.report.persistence': '跟进深度',
  'menu.schedule': '定时任务',
  'menu.scheduleOn': '开启每日运行',
  'menu.scheduleOff': '关闭每日运行',
  'menu.scheduleRun': '立即运行',
  'menu.scheduleStatus': '运行状态',
  'menu.previewEmail': '预览我的邮件',

  'error.missingTab': '找不到“{tab}”工作表。请运行“创建 / 升级表格”来创建它。',
  'error.missingColumn': '“{tab}”工作表缺少“{column}”列。请把它加回来，或运行“创建 / 升级表格”。',
  'error.rowsMoved': '运行期间“{tab}”工作表的行被移动了。没有写入任何内容，请再运行一次。',
  'error.unknownClient': '没有编号为“{id}”的客户。',

  'setup.tabCreated': '已创建“{tab}”工作表。',
  'setup.tabAdopted': '已将您的工作表“{name}”用作“{tab}”。',
  'setup.columnsAdded': '{tab}：已在末尾添加列 {columns}。',
  'setup.userColumnsKept': '{tab}：您自己的列 {columns} 保持不变。',
  'setup.settingsAdded': '设置：已添加 {keys}，使用默认值。',
  'setup.nothingChanged': '表格已经是最新的，没有任何改动。',
  'setup.done': '设置完成。',
  'setup.computedNote': '由客户跟踪在每次刷新时计算：在这里输入的内容会被覆盖。',
  'setup.rulesUpdated': '客户：已更新颜色提示规则（逾期、今天到期、未安排、即将进入公海）。',
  'legend.title': '客户表的颜色提示',
  'setup.todayAdded': '设置：新增了命名单元格 CT_TODAY（今天的日期），供 CT_ 公式使用。',
  'today.label': '今天（CT_TODAY，由客户跟踪维护，供公式使用）',
  'legend.overdue': '逾期：下次跟进日期已过（粗体）',
  'legend.dueToday': '今天到期：下次跟进日期是今天',
  'legend.unplanned': '未安排：跟进中的客户没有下次跟进日期（斜体）',
  'legend.poolSoon': '即将进入公海：在公海预警天数内会被释放（斜体）',
  'error.busy': '另一个客户跟踪任务正在处理这个表格，请一分钟后再试。',
  'error.noHeaderRow': '“{tab}”工作表有数据但没有表头行。请在最上面插入一行列名，或给这个工作表改名。',

  'state.overdue': '已逾期',
  'state.dueToday': '今日到期',
  'state.upcoming': '待跟进',
  'state.unplanned': '未安排',
  'state.none': '无需跟进',

  'grade.needNotConfirmed': '需求尚未明确。',
  'grade.noExpectedDate': '没有计划日期。',
  'grade.readyToSign': '预算已确认，对接的是决策人，预计 {days} 天内成交（A 级期限 {window} 天）：可以签单。',
  'grade.budgetNotConfirmed': '预算尚未确认。',
  'grade.beyondA': '预计 {days} 天后成交，晚于 A 级期限（{window} 天）。',
  'grade.withinB': '对接的是决策人，预计 {days} 天内成交（B 级期限 {window} 天）。',
  'grade.noDecisionMaker': '尚未对接到决策人。',
  'grade.beyondB': '预计 {days} 天后成交，晚于 B 级期限（{window} 天）。',
  'grade.overridden': '级别已手动设为 {grade}；按规则应为 {computed}。',

  'churn.gap': '已 {days} 天没有接通，超过 {limit} 天（{grade} 级跟进间隔的 {factor} 倍）。',
  'churn.neverReached': '建档 {days} 天以来从未接通（允许 {limit} 天）。',
  'churn.downgrade': '级别从 {from} 降到 {to}。',
  'churn.keyPersonLeft': '关键人已离职（最近一次结果）。',
  'churn.expiryNear': '合同 {days} 天后到期，自 {since} 起没有人接通过该客户。',

  'pool.reclaimWait': '您在 {released} 释放了这个客户；从 {from} 起才能重新领取。',
  'pool.released': '已 {days} 天没有接通（{grade} 级允许 {limit} 天）。',

  'cadence.overCalling': '间隔 {days} 天就再次联系；{grade} 级客户建议约 {interval} 天一次。',

  'settings.badValue': '设置：“{key}”的值“{value}”不是{expected}；已使用默认值 {default}。',
  'settings.duplicate': '设置：“{key}”出现了不止一次；使用第一个值。',
  'settings.expected.wholeNumber': ' {min} 到 {max} 之间的整数',
  'settings.expected.number': '不小于 {min} 的数字',
  'settings.expected.yesNo': '“是”或“否”',
  'settings.expected.weekday': '星期几',
  'settings.expected.language': 'English 或 简体中文（或留空）',

  'problem.notADate': '{tab}，{who}：“{column}”中的“{value}”不是日期；请修改或清空。',
  'problem.notANumber': '{tab}，{who}：“{column}”中的“{value}”不是数字。',
  'problem.notInList': '{tab}，{who}：“{column}”中的“{value}”不在可选值 {allowed} 之中。',
  'problem.notYesNo': '{tab}，{who}：“{column}”中的“{value}”请填写“是”或“否”。已按“否”处理。',
  'problem.duplicateId': '{tab}：编号 {id} 被多行使用；请给其中一行换一个新编号。',
  'problem.contactUnknownClient': '{tab}，{who}：客户编号 {id} 找不到对应的客户。',
  'problem.contactNoDate': '{tab}，{who}：这条跟进记录没有日期，未被计入。',
  'problem.row': '第 {index} 行',

  'change.idAssigned': '该行没有编号。',
  'change.gradeComputed': '根据资格信息重新计算级别。',
  'change.poolRelease': '已释放到公海。',

  'refresh.done': '已刷新 {clients} 个客户的级别、状态、最近联系、公海释放日和客户分类。',
  'refresh.counts': '级别变化：{grades}。状态变化：{statuses}。新分配编号：{ids}。',
  'refresh.changesLogged': '级别变化和新编号已记录在“{tab}”工作表。',
  'refresh.problems': '请检查以下 {count} 个问题；其他行都已刷新：',
  'refresh.andMore': '……还有 {count} 个。',
  'poolRelease.off': '公海功能未开启，没有释放任何客户。如需开启，请在“{tab}”工作表把“{key}”设为“是”。',
  'poolRelease.none': '今天没有需要释放到公海的客户。',
  'poolRelease.done': '已释放到公海的客户：{count} 个，每个都记录在“{tab}”工作表。',
  'poolRelease.line': '{name}（{id}），原负责人 {owner}：{reason}',
  'poolRelease.noId': '{tab}，{who}：已到公海释放日但还没有编号，暂未释放；请先运行“刷新级别和状态”。',
};

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en: EN, 'zh-CN': ZH_CN };

/** The sentence for key in lang, with {name} placeholders filled from params. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A Message rendered in lang. */
export function render(lang: Lang, message: Message): string {
  return t(lang, message.key, message.params);
}

export function message(key: MessageKey, params?: Params): Message {
  return params ? { key, params } : { key };
}
