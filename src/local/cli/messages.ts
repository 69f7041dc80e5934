/**
 * What the command line itself says, in English and Simplified Chinese (the add-on's own sentences
 * come from src/core/i18n.ts, bundled into Code.js). The language is --locale's when given, else the
 * system's (LC_ALL, LC_MESSAGES, LANG: zh* → 简体中文), so a usage error is already in it.
 */
import { DEFAULT_LANG, type Lang, langFromLocale } from '../../core/i18n';

const EN = {
  seeHelp: 'Run "client-tracker --help" for the commands and options.',
  flagNoValue: '--{name} takes no value.',
  unknownOption: 'Unknown option --{name}.',
  needsValue: '--{name} needs a value.',
  unknownCommand: 'Unknown command "{command}"; the commands are {commands}.',
  callNeedsName: 'call needs the name of a function.',
  noArguments: '{command} takes no arguments, but got "{arg}".',
  badTz: '--tz "{value}" is not a time zone; use a name such as Asia/Shanghai.',
  badPort: '--port "{value}" is not a port number (0–65535).',
  badUser: '--user "{value}" is not an email address.',
  badNow: '--now "{value}" is not a date and time like 2026-03-02T09:00 (the workbook\'s time zone).',
  badLocale: '--locale "{value}" is not a language Client Tracker speaks; use en or zh-CN.',
  badMode: '--mode "{value}" is neither bound nor addon.',
  badAssume: '--assume "{value}": {reason}',
  needsWorkbook: '--workbook FILE.xlsx is required.',
  demoExists: '{file} already exists; add --force to replace it with the demo.',
  demoWritten: 'Wrote the demo workbook {file}: {team} people, {clients} clients, {contacts} contacts.',
  notAvailable: '"{command}" is not available yet: this build of the add-on has no {what} ({functions}).',
  noEmails: 'No emails to send.',
  badJson: 'Argument {index} of call is not JSON: {text}',
  serving: 'Client Tracker playground on {url} (workbook {file}); press Ctrl+C to stop.',
  noWorkbook: 'The workbook {file} does not exist.',
  notXlsx: '{file} is not an .xlsx workbook.',
  badWait: '--wait "{value}" is not a number of seconds.',
  badEmail: '--{name} "{value}" is not an email address.',
  shareNeedsWorkbook: 'share needs --workbook FILE.xlsx.',
  workbookBusy:
    '{file} is in use by {what} (process {pid} on {host}, since {since} UTC); waited {seconds} s. Try again when it has finished, or wait longer with --wait SECONDS.',
  workbookBusyUnknown:
    '{file} is in use by another program; waited {seconds} s. Try again when it has finished; if nothing else is using it, delete the folder {lock}.',
  lockLost: 'Another process took over {file} while this one was running, so nothing was saved; run the command again.',
  recoveredSave:
    'An earlier command on {file} was stopped while saving; its save has now been completed ({count} files put in place).',
  discardedSave:
    'An earlier command on {file} was stopped before its save was complete; the workbook kept what it had before, and {count} leftover temporary files were removed.',
  tzChanged:
    'Time zone changed from {from} to {to}: every date and time keeps its day and time of day, as when a Google Sheets file changes time zone.',
  notShared:
    '{user} cannot open {file}, which is shared with {people}. Share it first: client-tracker share --workbook {file} --editor {user}',
  viewerCannotChange:
    '{user} can only view {file}, so nothing was saved. To let them change it: client-tracker share --workbook {file} --editor {user}',
  shareOnlyEditors: 'Only an editor can share {file}, and {user} is not one.',
  shareLastEditor: '{email} is the last editor of {file}; add another editor before taking their access away.',
  shareUnknown: '{email} has no access to {file}.',
  shareHeading: 'Who can open {file}:',
  shareOwner: '  {email} (owner, can edit)',
  shareEditor: '  {email} (can edit)',
  shareViewer: '  {email} (can view)',
  nothingChanged: 'Nothing changed, so {file} was not saved.',
  mailWritten: '{to}: {subject} → {file}',
  allStepsFailed: 'Every step of the run failed, so nothing was saved: {errors}',
  someStepsFailed: 'Some steps failed (above); what the other steps did is saved.',
  hintNoAccess: 'To mail them, let them open the workbook: client-tracker share --workbook {file} --viewer EMAIL',
  hintNoEmail: 'Fill in their Email on the Team tab.',
  hintDeferred: 'The next daily run sends them first.',
  callRefused: '{fn} refused, nothing was saved: {problems}',
  importNeedsFrom: 'import needs --from LIST.csv or LIST.xlsx.',
  importNoFile: 'The list {file} cannot be opened; check the path.',
  importNotText: '{file} is not a text CSV file; save the list as CSV (UTF-8 or GBK) or as .xlsx and try again.',
  importBadCsv: '{file} cannot be read as CSV ({reason}); nothing was imported.',
  importNotXlsx: '{file} cannot be read as an .xlsx workbook; nothing was imported.',
  importNoSheet: '{file} has no tab named "{sheet}"; its tabs are {sheets}.',
  importSheetOnlyXlsx: '--sheet only applies to an .xlsx list, and {file} is a CSV.',
  importNoHeader:
    'No column of {file} is one Client Tracker knows (such as 客户名称, 联系电话 or 负责人) in its first 10 rows; name them with --map "header=field".',
  importBadMap: '--map "{value}" is not header=field, or "{field}" is no field of ours; fields: {fields}.',
  importNotSetUp: '{file} has no Clients tab yet; run client-tracker setup --workbook {file} first.',
  importRead: 'Read {file} ({how}).',
  importEmptyList: '{file} has nothing in it; nothing was imported.',
  importFileTooBig:
    '{file} is over {limit} MB, more than the playground reads; split the list into smaller files and import each.',
  importDryRun: 'Dry run: nothing was written to {file}.',
  importNothing: 'Nothing to import, so {file} was not changed.',
  importRefused: 'Row {line} was refused, so nothing was imported: {problems}',
  importDone: 'Imported into {file}: {clients} clients added, {contacts} contacts logged.',
  importBatch: 'This import is batch {batch}; to undo it: client-tracker import --workbook {file} --undo {batch}',
  undoNoBatch: '{file} has no import {batch}; the batch is named when an import finishes (such as I-M1ABC2D3).',
  undoAlready: 'Import {batch} in {file} is already undone.',
  undoChanged:
    'Import {batch} was not undone: these rows were changed or removed since it ({ids}); undo by hand, or put them back first.',
  undoDone: 'Import {batch} undone in {file}: {clients} clients and {contacts} contacts removed, the rest restored.',
  'sidecar.missing': 'is missing',
  'sidecar.type': 'should be {expected}',
  'sidecar.type.text': 'text',
  'sidecar.type.number': 'a number',
  'sidecar.type.boolean': 'true or false',
  'sidecar.type.list': 'a list [ … ]',
  'sidecar.type.object': 'an object { … }',
  'sidecar.atLeast': 'should be at least {limit}',
  'sidecar.atMost': 'should be at most {limit}',
  'sidecar.oneOf': 'should be one of {options}',
  'sidecar.timeZone': 'is not a time zone (use a name such as Asia/Shanghai)',
  'sidecar.other': 'is not a value Client Tracker can use',
  sidecarNotJson:
    "{file} is not valid JSON; fix it, or delete it to start the workbook's saved state afresh (the tabs keep their data; properties, triggers and the mail history start empty).",
  sidecarNotOurs:
    "{file} is not a Client Tracker state file of version {version}; move it away to start the workbook's saved state afresh.",
  sidecarWrong:
    "In {file}, {where} {problem}; fix that value, or delete the file to start the workbook's saved state afresh (the tabs keep their data; properties, triggers and the mail history start empty).",
  'what.roles': 'Confirm Team roles',
  'what.refresh': 'Refresh grades and status',
  'what.reports': 'All reports',
  'what.digest': 'the daily emails',
  'what.daily': 'the daily run',
  usage: `Usage: client-tracker <command> --workbook FILE.xlsx [options]

Commands:
  demo                 write a realistic demo workbook (refuses to overwrite without --force)
  setup                Set up / upgrade sheets (creates the workbook if it does not exist)
  roles                Confirm Team roles: the Team tab as typed becomes who may do what (a director)
  refresh              refresh grades, status, last contact and pool dates
  reports              rebuild every report tab
  digest               send the daily emails, written as .eml files into --outbox
  daily                the whole scheduled run (refresh, pool, reports, emails)
  call <fn> [JSON…]    call a sidebar function as google.script.run would; JSON result on stdout
  serve                the browser playground (creates the demo workbook on first run)
  share                who can open the workbook; --editor/--viewer EMAIL give access, --remove EMAIL takes it away
  import --from LIST   bring a client list (.csv or .xlsx) in: new clients, and their history as contacts

Options:
  --workbook FILE      the .xlsx workbook (serve: .playground/client-tracker.xlsx by default)
  --now 2026-03-02T09:00   fix the clock (wall-clock time in the workbook's time zone)
  --tz Asia/Shanghai   time zone of a new workbook, or a new one for an existing workbook
  --locale en|zh-CN    spreadsheet locale (also zh, zh_CN, en_US)
  --user EMAIL         who runs the command: someone the workbook is shared with (default: its owner)
  --mode bound|addon   run as a script bound to the sheet or as an editor add-on (default addon)
  --assume NAME=VALUE  answer one question Google's reference leaves open another way, e.g.
                       --assume apostropheInPlainText=kept (repeatable; docs/google-readings.md)
  --outbox DIR         where digest/daily write their emails (default: outbox/ beside the workbook)
  --force              demo: overwrite an existing workbook
  --port N             serve: the port (default 8080)
  --wait SECONDS       how long to wait while another command or the playground uses the workbook (default 60)
  --editor EMAIL, --viewer EMAIL, --remove EMAIL   share: give or take away access (each may be repeated)
  --from FILE          import: the list (.csv in UTF-8, UTF-16 or GBK, or .xlsx)
  --sheet NAME         import: the .xlsx tab to read (default: the first)
  --map "HEADER=FIELD" import: read a column as one of ours, e.g. --map "联系电话=phone"; "HEADER=" leaves it out (repeatable)
  --update             import: also log the history of clients already in the register (default: create only)
  --dry-run            import: print the preview and write nothing
  --undo BATCH         import: undo an import (its batch is named when it finishes), if nothing it wrote changed since
`,
} as const;

export type CliMessage = keyof typeof EN;

const ZH_CN: Record<CliMessage, string> = {
  seeHelp: '运行 "client-tracker --help" 查看命令和选项。',
  flagNoValue: '--{name} 不带值。',
  unknownOption: '未知选项 --{name}。',
  needsValue: '--{name} 需要一个值。',
  unknownCommand: '未知命令 "{command}"；可用的命令有 {commands}。',
  callNeedsName: 'call 需要一个函数名。',
  noArguments: '{command} 不带参数，但收到了 "{arg}"。',
  badTz: '--tz "{value}" 不是时区；请使用 Asia/Shanghai 这样的名称。',
  badPort: '--port "{value}" 不是端口号（0–65535）。',
  badUser: '--user "{value}" 不是电子邮件地址。',
  badNow: '--now "{value}" 不是 2026-03-02T09:00 这样的日期时间（按工作簿的时区）。',
  badLocale: '--locale "{value}" 不是客户跟踪支持的语言；请使用 en 或 zh-CN。',
  badMode: '--mode "{value}" 既不是 bound 也不是 addon。',
  badAssume: '--assume "{value}"：{reason}',
  needsWorkbook: '需要指定 --workbook FILE.xlsx。',
  demoExists: '{file} 已存在；加上 --force 才会用示例工作簿替换它。',
  demoWritten: '已写入示例工作簿 {file}：{team} 人，{clients} 个客户，{contacts} 条跟进记录。',
  notAvailable: '"{command}" 暂不可用：这个版本的插件没有{what}（{functions}）。',
  noEmails: '没有要发送的邮件。',
  badJson: 'call 的第 {index} 个参数不是 JSON：{text}',
  serving: '客户跟踪演示页面：{url}（工作簿 {file}）；按 Ctrl+C 停止。',
  noWorkbook: '工作簿 {file} 不存在。',
  notXlsx: '{file} 不是 .xlsx 工作簿。',
  badWait: '--wait "{value}" 不是秒数。',
  badEmail: '--{name} "{value}" 不是电子邮件地址。',
  shareNeedsWorkbook: 'share 需要指定 --workbook FILE.xlsx。',
  workbookBusy:
    '{file} 正被 {what} 使用（{host} 上的进程 {pid}，自 UTC {since} 起）；已等待 {seconds} 秒。请等它结束后再试，或用 --wait 秒数 等更久。',
  workbookBusyUnknown:
    '{file} 正被另一个程序使用；已等待 {seconds} 秒。请等它结束后再试；如果没有别的程序在用，请删除文件夹 {lock}。',
  lockLost: '运行期间另一个进程接管了 {file}，所以没有保存任何内容；请重新运行这个命令。',
  recoveredSave: '之前对 {file} 的一个命令在保存时被中断；现已完成那次保存（放好了 {count} 个文件）。',
  discardedSave: '之前对 {file} 的一个命令在保存完成前被中断；工作簿保持原样，并删除了 {count} 个残留的临时文件。',
  tzChanged: '时区已从 {from} 改为 {to}：所有日期和时间的日期与钟点都保持不变，和 Google 表格更改文件时区时一样。',
  notShared:
    '{user} 无法打开 {file}，它只共享给了 {people}。请先共享：client-tracker share --workbook {file} --editor {user}',
  viewerCannotChange:
    '{user} 对 {file} 只有查看权限，所以没有保存任何内容。要让对方可以修改：client-tracker share --workbook {file} --editor {user}',
  shareOnlyEditors: '只有编辑者才能共享 {file}，而 {user} 不是编辑者。',
  shareLastEditor: '{email} 是 {file} 的最后一位编辑者；请先添加另一位编辑者，再取消此人的权限。',
  shareUnknown: '{email} 本来就没有 {file} 的访问权限。',
  shareHeading: '可以打开 {file} 的人：',
  shareOwner: '  {email}（所有者，可编辑）',
  shareEditor: '  {email}（可编辑）',
  shareViewer: '  {email}（可查看）',
  nothingChanged: '没有任何改动，所以没有保存 {file}。',
  mailWritten: '{to}：{subject} → {file}',
  allStepsFailed: '这次运行的每个步骤都失败了，所以没有保存任何内容：{errors}',
  someStepsFailed: '部分步骤失败（见上文）；其他步骤的结果已保存。',
  hintNoAccess: '要给他们发邮件，请让他们能打开工作簿：client-tracker share --workbook {file} --viewer 邮箱',
  hintNoEmail: '请在“团队”表中填写他们的邮箱。',
  hintDeferred: '下次每日运行会优先发送这些邮件。',
  callRefused: '{fn} 被拒绝，没有保存任何内容：{problems}',
  importNeedsFrom: 'import 需要 --from 名单.csv 或 名单.xlsx。',
  importNoFile: '打不开名单 {file}；请检查路径。',
  importNotText: '{file} 不是文本格式的 CSV；请把名单另存为 CSV（UTF-8 或 GBK）或 .xlsx 后再试。',
  importBadCsv: '{file} 无法按 CSV 读取（{reason}）；什么都没有导入。',
  importNotXlsx: '{file} 无法按 .xlsx 工作簿读取；什么都没有导入。',
  importNoSheet: '{file} 里没有叫“{sheet}”的工作表；它的工作表有：{sheets}。',
  importSheetOnlyXlsx: '--sheet 只适用于 .xlsx 名单，而 {file} 是 CSV。',
  importNoHeader:
    '{file} 的前 10 行里没有客户跟踪认识的列（比如 客户名称、联系电话、负责人）；请用 --map "表头=字段" 指定。',
  importBadMap: '--map "{value}" 不是“表头=字段”的格式，或者“{field}”不是我们的字段；可用的字段：{fields}。',
  importNotSetUp: '{file} 还没有“客户”表；请先运行 client-tracker setup --workbook {file}。',
  importRead: '已读取 {file}（{how}）。',
  importEmptyList: '{file} 是空的；什么都没有导入。',
  importFileTooBig: '{file} 超过 {limit} MB，演示页面读不了这么大的文件；请把名单拆成几个小文件，分别导入。',
  importDryRun: '试运行：没有往 {file} 写入任何内容。',
  importNothing: '没有可导入的内容，所以 {file} 没有改动。',
  importRefused: '第 {line} 行被拒绝，所以什么都没有导入：{problems}',
  importDone: '已导入到 {file}：新增客户 {clients} 个，记录跟进 {contacts} 条。',
  importBatch: '这次导入的批次是 {batch}；要撤销：client-tracker import --workbook {file} --undo {batch}',
  undoNoBatch: '{file} 里没有导入批次 {batch}；批次号在导入完成时给出（形如 I-M1ABC2D3）。',
  undoAlready: '{file} 的导入批次 {batch} 已经撤销过了。',
  undoChanged: '没有撤销导入 {batch}：这些行在导入之后被改动或删除了（{ids}）；请手动处理，或先把它们改回去。',
  undoDone: '已在 {file} 撤销导入 {batch}：删除了 {clients} 个客户和 {contacts} 条跟进，其余恢复原样。',
  'sidecar.missing': '缺失',
  'sidecar.type': '应该是{expected}',
  'sidecar.type.text': '文本',
  'sidecar.type.number': '数字',
  'sidecar.type.boolean': 'true 或 false',
  'sidecar.type.list': '列表 [ … ]',
  'sidecar.type.object': '对象 { … }',
  'sidecar.atLeast': '应该至少为 {limit}',
  'sidecar.atMost': '应该至多为 {limit}',
  'sidecar.oneOf': '应该是 {options} 之一',
  'sidecar.timeZone': '不是时区（请使用 Asia/Shanghai 这样的名称）',
  'sidecar.other': '不是客户跟踪能使用的值',
  sidecarNotJson:
    '{file} 不是有效的 JSON；请修正它，或删除它让工作簿的保存状态重新开始（各表的数据保留；属性、触发器和邮件记录会清空）。',
  sidecarNotOurs: '{file} 不是版本 {version} 的客户跟踪状态文件；把它移走即可让工作簿的保存状态重新开始。',
  sidecarWrong:
    '{file} 中的 {where} {problem}；请修正这个值，或删除该文件让工作簿的保存状态重新开始（各表的数据保留；属性、触发器和邮件记录会清空）。',
  'what.roles': '“确认团队岗位”',
  'what.refresh': '“刷新级别和状态”',
  'what.reports': '“全部报表”',
  'what.digest': '每日邮件',
  'what.daily': '每日运行',
  usage: `用法：client-tracker <命令> --workbook FILE.xlsx [选项]

命令：
  demo                 写入一个逼真的示例工作簿（没有 --force 时不会覆盖已有文件）
  setup                初始化 / 更新表格结构（工作簿不存在时会新建）
  roles                确认团队岗位：以团队表当前内容为准，决定谁能做什么（需总监操作）
  refresh              刷新级别、状态、最近联系和公海日期
  reports              重建所有报表
  digest               发送每日邮件，以 .eml 文件写入 --outbox
  daily                完整的定时运行（刷新、公海、报表、邮件）
  call <函数> [JSON…]  像 google.script.run 一样调用侧边栏函数；结果以 JSON 输出
  serve                浏览器演示页面（首次运行时创建示例工作簿）
  share                查看谁能打开工作簿；--editor/--viewer 邮箱 授予权限，--remove 邮箱 取消权限
  import --from 名单   导入客户名单（.csv 或 .xlsx）：新客户，以及他们的跟进历史

选项：
  --workbook FILE      .xlsx 工作簿（serve 默认 .playground/client-tracker.xlsx）
  --now 2026-03-02T09:00   固定时钟（工作簿时区的当地时间）
  --tz Asia/Shanghai   新工作簿的时区，或为已有工作簿换时区
  --locale en|zh-CN    表格语言区域（也接受 zh、zh_CN、en_US）
  --user EMAIL         谁在运行命令：必须是工作簿共享给的人（默认：所有者）
  --mode bound|addon   作为绑定在表格上的脚本或作为编辑器插件运行（默认 addon）
  --assume 名称=值      对谷歌文档没有说清的某个行为换一种假设运行，例如
                       --assume apostropheInPlainText=kept（可重复；见 docs/google-readings.md）
  --outbox DIR         digest/daily 写邮件的位置（默认：工作簿旁边的 outbox/）
  --force              demo：覆盖已有的工作簿
  --port N             serve：端口（默认 8080）
  --wait SECONDS       其他命令或演示页面正在使用工作簿时最多等待的秒数（默认 60）
  --editor EMAIL, --viewer EMAIL, --remove EMAIL   share：授予或取消权限（可重复）
  --from FILE          import：名单文件（UTF-8、UTF-16 或 GBK 编码的 .csv，或 .xlsx）
  --sheet NAME         import：要读取的 .xlsx 工作表（默认第一个）
  --map "表头=字段"     import：把某列当作我们的某个字段，例如 --map "联系电话=phone"；"表头=" 表示不导入该列（可重复）
  --update             import：客户表里已有的客户也导入跟进记录（默认只新建）
  --dry-run            import：只显示预览，不写入
  --undo BATCH         import：撤销一次导入（批次号在导入完成时给出），前提是它写入的内容之后没被改动
`,
};

/**
 * The command line's words by language. A language without them speaks English here: the command line
 * is a developer's tool, and its words stay out of the add-on's catalogues so Code.js (loaded on every
 * Apps Script call) does not carry them.
 */
const CLI_WORDS: { readonly [L in Lang]?: Record<CliMessage, string> } = { en: EN, 'zh-CN': ZH_CN };

let current: Lang = DEFAULT_LANG;

/** The language of the run: --locale's when given, else the system's. */
export function chooseCliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const fromArgs = at < 0 ? undefined : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  current = langFromLocale(fromArgs || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en');
  return current;
}

/** The language the command line speaks in this run. */
export function cliLang(): Lang {
  return current;
}

export function cliText(key: CliMessage, params: Record<string, string | number> = {}): string {
  return cliTextIn(current, key, params);
}

/** A sentence in a given language (the playground speaks the workbook's, not the system's). */
export function cliTextIn(lang: Lang, key: CliMessage, params: Record<string, string | number> = {}): string {
  const template = (CLI_WORDS[lang] ?? EN)[key];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}
