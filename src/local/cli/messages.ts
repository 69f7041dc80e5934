/**
 * What the command line itself says, in English and Simplified Chinese (the add-on's own sentences
 * come from src/core/i18n.ts, bundled into Code.js). The language is --locale's when given, else the
 * system's (LC_ALL, LC_MESSAGES, LANG: zh* → 简体中文), so a usage error is already in it.
 */
import { type Lang, langFromLocale } from '../../core/i18n';

const EN = {
  seeHelp: 'Run "client-tracker --help" for the commands and options.',
  forceNoValue: '--force takes no value.',
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
  'what.refresh': 'Refresh grades and status',
  'what.reports': 'All reports',
  'what.digest': 'the daily emails',
  'what.daily': 'the daily run',
  usage: `Usage: client-tracker <command> --workbook FILE.xlsx [options]

Commands:
  demo                 write a realistic demo workbook (refuses to overwrite without --force)
  setup                Set up / upgrade sheets (creates the workbook if it does not exist)
  refresh              refresh grades, status, last contact and pool dates
  reports              rebuild every report tab
  digest               send the daily emails, written as .eml files into --outbox
  daily                the whole scheduled run (refresh, pool, reports, emails)
  call <fn> [JSON…]    call a sidebar function as google.script.run would; JSON result on stdout
  serve                the browser playground (creates the demo workbook on first run)

Options:
  --workbook FILE      the .xlsx workbook (serve: .playground/client-tracker.xlsx by default)
  --now 2026-03-02T09:00   fix the clock (wall-clock time in the workbook's time zone)
  --tz Asia/Shanghai   time zone of a new workbook, or a new one for an existing workbook
  --locale en|zh-CN    spreadsheet locale (also zh, zh_CN, en_US)
  --user EMAIL         who runs the command (default: the workbook's first editor)
  --mode bound|addon   run as a script bound to the sheet or as an editor add-on (default addon)
  --assume NAME=VALUE  answer one question Google's reference leaves open another way, e.g.
                       --assume apostropheInPlainText=kept (repeatable; docs/google-readings.md)
  --outbox DIR         where digest/daily write their emails (default: outbox/ beside the workbook)
  --force              demo: overwrite an existing workbook
  --port N             serve: the port (default 8080)
`,
} as const;

export type CliMessage = keyof typeof EN;

const ZH_CN: Record<CliMessage, string> = {
  seeHelp: '运行 "client-tracker --help" 查看命令和选项。',
  forceNoValue: '--force 不带值。',
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
  'what.refresh': '“刷新级别和状态”',
  'what.reports': '“全部报表”',
  'what.digest': '每日邮件',
  'what.daily': '每日运行',
  usage: `用法：client-tracker <命令> --workbook FILE.xlsx [选项]

命令：
  demo                 写入一个逼真的示例工作簿（没有 --force 时不会覆盖已有文件）
  setup                创建 / 升级表格（工作簿不存在时会新建）
  refresh              刷新级别、状态、最近联系和公海日期
  reports              重建所有报表
  digest               发送每日邮件，以 .eml 文件写入 --outbox
  daily                完整的定时运行（刷新、公海、报表、邮件）
  call <函数> [JSON…]  像 google.script.run 一样调用侧边栏函数；结果以 JSON 输出
  serve                浏览器演示页面（首次运行时创建示例工作簿）

选项：
  --workbook FILE      .xlsx 工作簿（serve 默认 .playground/client-tracker.xlsx）
  --now 2026-03-02T09:00   固定时钟（工作簿时区的当地时间）
  --tz Asia/Shanghai   新工作簿的时区，或为已有工作簿换时区
  --locale en|zh-CN    表格语言区域（也接受 zh、zh_CN、en_US）
  --user EMAIL         谁在运行命令（默认：工作簿的第一个编辑者）
  --mode bound|addon   作为绑定在表格上的脚本或作为编辑器插件运行（默认 addon）
  --assume 名称=值      对谷歌文档没有说清的某个行为换一种假设运行，例如
                       --assume apostropheInPlainText=kept（可重复；见 docs/google-readings.md）
  --outbox DIR         digest/daily 写邮件的位置（默认：工作簿旁边的 outbox/）
  --force              demo：覆盖已有的工作簿
  --port N             serve：端口（默认 8080）
`,
};

let current: Lang = 'en';

/** The language of the run: --locale's when given, else the system's. */
export function chooseCliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const fromArgs = at < 0 ? undefined : argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  current = langFromLocale(fromArgs || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en');
  return current;
}

export function cliText(key: CliMessage, params: Record<string, string | number> = {}): string {
  const template = current === 'zh-CN' ? ZH_CN[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}
