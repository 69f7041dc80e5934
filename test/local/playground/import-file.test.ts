/**
 * The playground's file picker reads a list as the command line does (docs/import.md): for each
 * encoding a team sends (GBK, UTF-8 with and without its mark, UTF-16 both ways) and for an .xlsx, the
 * picker's rows are the command line's reading of the same file, as text; a file it cannot read is one
 * sentence in the workbook's language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readList } from '../../../src/local/import/read-list';
import { MAX_FILE_BYTES, readPickedFile } from '../../../src/local/playground/import-file';
import { startPlayground } from '../../../src/local/playground/server';
import { parseWallTime } from '../../../src/local/cli/args';
import { distDir } from '../../helpers/bundle';
import { cli, ensureBuilt, openXlsx, records } from '../cli/run-cli';
import { NOW, OWNER, SHARED, copyWorkbook, teamWorkbook } from '../cli/team-workbook';

const TEXT = [
  '客户名单',
  '',
  '客户名称,联系电话,最近跟进',
  '"海纳学校, 东区",0755 8888 0000,2026/2/5',
  '远山物业,13800138000,',
].join('\r\n');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-pick-'));

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

const FILES: [string, Buffer][] = [
  ['gbk.csv', iconv.encode(TEXT, 'gbk')],
  ['utf8.csv', Buffer.from(TEXT)],
  ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
  ['utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
  ['utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
];

test.each(FILES)('%s: the picker reads what the command line reads', async (name, bytes) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const cli = await readList(file);
  const picked = await readPickedFile(name, bytes, 'en');
  if (!picked.ok) throw new Error(picked.error);
  expect(picked.tabs).toHaveLength(1);
  const [tab] = picked.tabs;
  expect(tab.rows).toEqual(cli.rows.map((r) => r.map(String)));
  expect(tab.rows[3]).toEqual(['海纳学校, 东区', '0755 8888 0000', '2026/2/5']);
  expect(tab.name).toBe(name.replace('.csv', ''));
  // A CSV comes in as text ("Convert text to numbers, dates and formulas" unticked).
  expect(tab.typed).toBeNull();
});

test('an .xlsx: every tab that holds something, named as its tab, its numbers, yes/no and dates kept as the file types them', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['客户名称', '联系电话', '最近跟进', '是否成交']);
  sheet.addRow(['海纳学校', 13800138000, new Date(Date.UTC(2026, 1, 5)), true]);
  wb.addWorksheet('空白');
  wb.addWorksheet('老客户').addRow(['客户名称', '备注']).commit();
  const file = path.join(dir, 'list.xlsx');
  await wb.xlsx.writeFile(file);
  const picked = await readPickedFile('list.xlsx', fs.readFileSync(file), 'en');
  if (!picked.ok) throw new Error(picked.error);
  expect(picked.tabs.map((t) => t.name)).toEqual(['名单', '老客户']);
  const [first] = picked.tabs;
  expect(first.rows).toEqual([
    ['客户名称', '联系电话', '最近跟进', '是否成交'],
    ['海纳学校', 13800138000, '2026-02-05', true],
  ]);
  expect(first.typed).toEqual([
    [false, false, false, false],
    [false, true, true, true],
  ]);
  // The command line reads the same cells.
  expect((await readList(file)).rows[1]).toEqual(first.rows[1]);
});

test('a file over the limit is one sentence, read no further', async () => {
  const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x41);
  expect(await readPickedFile('big.csv', big, 'zh-CN')).toEqual({
    ok: false,
    error: 'big.csv 超过 100 MB，演示页面读不了这么大的文件；请把名单拆成几个小文件，分别导入。',
  });
});

test('a file it cannot read, or an empty one, is one sentence in the workbook language', async () => {
  const binary = Buffer.from([0x00, 0x01, 0xff, 0x00]);
  expect(await readPickedFile('C:\\fakepath\\坏.csv', binary, 'zh-CN')).toEqual({
    ok: false,
    error: '坏.csv 不是文本格式的 CSV；请把名单另存为 CSV（UTF-8 或 GBK）或 .xlsx 后再试。',
  });
  expect(await readPickedFile('坏.xlsx', Buffer.from('PK\u0003\u0004 not a zip'), 'zh-CN')).toEqual({
    ok: false,
    error: '坏.xlsx 无法按 .xlsx 工作簿读取；什么都没有导入。',
  });
  expect(await readPickedFile('empty.csv', Buffer.from('\r\n,,\r\n'), 'en')).toEqual({
    ok: false,
    error: 'empty.csv has nothing in it; nothing was imported.',
  });
});

test('someone who may only view the workbook is told so, and no tab is added', async () => {
  ensureBuilt();
  const { file } = await teamWorkbook();
  const before = [fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)];
  const viewer = SHARED[1];
  const playground = await startPlayground({ workbook: file, distDir, user: viewer }, 0);
  try {
    const reply = await fetch(`${playground.url}api/import-file`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gbk.csv', data: iconv.encode(TEXT, 'gbk').toString('base64') }),
    }).then((r) => r.json() as Promise<{ ok: boolean; error: string; tab?: string }>);
    expect(reply.ok).toBe(false);
    expect(reply.tab).toBeUndefined();
    expect(reply.error).toContain(`${viewer} can only view ${file}, so nothing was saved.`);
    const state = await fetch(`${playground.url}api/state`).then((r) => r.json() as Promise<{ tabs: string[] }>);
    expect(state.tabs).not.toContain('gbk');
  } finally {
    await playground.close();
  }
  expect([fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)]).toEqual(before);
}, 120_000);

/** One call of the playground's server, as the page and the dialog make it. */
async function post<T>(url: string, route: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, { method: 'POST', body: JSON.stringify(body) });
  return (await res.json()) as T;
}

test('an Excel list of mobiles and dates, picked and imported in the playground, gives the register the command line gives', async () => {
  ensureBuilt();
  // Excel's own types: mobiles as numbers (one after 86), days as dates, a yes/no as a boolean.
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['客户名称', '联系电话', '负责人', '最近跟进', '联系情况', '跟进内容']);
  sheet.addRow(['远山物业', 13800138000, 'Amy Liu', new Date(Date.UTC(2026, 1, 27)), '接通', '约了上门']);
  sheet.addRow(['海纳学校', 8613900000000, 'Amy Liu', new Date(Date.UTC(2026, 1, 5)), '无人接听', '']);
  wb.addWorksheet('说明').addRow(['这个工作表只是说明']).commit();
  const listBytes = Buffer.from(await wb.xlsx.writeBuffer());
  const base = (await teamWorkbook()).file;

  const play = copyWorkbook(base);
  const playground = await startPlayground({ workbook: play.file, distDir, user: OWNER, now: parseWallTime(NOW) }, 0);
  try {
    const picked = await post<{ ok: boolean; tab: string; error?: string }>(playground.url, 'api/import-file', {
      name: '名单.xlsx',
      data: listBytes.toString('base64'),
    });
    expect(picked).toMatchObject({ ok: true, tab: '名单' });
    const state = await fetch(`${playground.url}api/state`).then((r) => r.json() as Promise<{ tabs: string[] }>);
    expect(state.tabs).toEqual(expect.arrayContaining(['名单', '说明']));
    // The dialog's calls: start, then continue until every row is in.
    let step = await post<{
      ok: boolean;
      value: { ok: boolean; batch: string; done: number; total: number; text: string };
    }>(playground.url, 'api/run/importRun', [{ tab: '名单', batch: '' }]);
    while (step.value.ok && step.value.done < step.value.total) {
      step = await post(playground.url, 'api/run/importRun', [{ tab: '', batch: step.value.batch }]);
    }
    expect(step.value).toMatchObject({ ok: true, done: 2, total: 2 });
  } finally {
    await playground.close();
  }

  const other = copyWorkbook(base);
  fs.writeFileSync(path.join(other.dir, '名单.xlsx'), listBytes);
  const run = cli(other.dir, [
    'import',
    '--workbook',
    path.basename(other.file),
    '--now',
    NOW,
    '--user',
    OWNER,
    '--from',
    '名单.xlsx',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);

  const register = async (file: string) => {
    const book = await openXlsx(file);
    return { clients: records(book, 'Clients'), contacts: records(book, 'Contacts') };
  };
  // The picked tab holds the file's types, as Sheets keeps an .xlsx's: a number and a date.
  const tab = (await openXlsx(play.file)).getWorksheet('名单')!;
  expect(tab.getCell('B2').value).toBe(13800138000);
  expect(tab.getCell('D2').value).toBeInstanceOf(Date);
  const viaPlayground = await register(play.file);
  expect(viaPlayground.clients.map((c) => [c.Name, c.Phone])).toEqual(
    expect.arrayContaining([
      ['远山物业', '13800138000'],
      ['海纳学校', '8613900000000'],
    ]),
  );
  expect(viaPlayground).toEqual(await register(other.file));
}, 120_000);
