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
import { readPickedFile } from '../../../src/local/playground/import-file';
import { startPlayground } from '../../../src/local/playground/server';
import { distDir } from '../../helpers/bundle';
import { ensureBuilt } from '../cli/run-cli';
import { SHARED, teamWorkbook } from '../cli/team-workbook';

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
  expect(picked.rows).toEqual(cli.rows.map((r) => r.map(String)));
  expect(picked.rows[3]).toEqual(['海纳学校, 东区', '0755 8888 0000', '2026/2/5']);
  expect(picked.name).toBe(name.replace('.csv', ''));
});

test('an .xlsx: its first tab, named as the tab, every cell as the text the command line reads', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  sheet.addRow(['客户名称', '联系电话', '最近跟进', '是否成交']);
  sheet.addRow(['海纳学校', 13800138000, new Date(Date.UTC(2026, 1, 5)), true]);
  const file = path.join(dir, 'list.xlsx');
  await wb.xlsx.writeFile(file);
  const picked = await readPickedFile('list.xlsx', fs.readFileSync(file), 'en');
  if (!picked.ok) throw new Error(picked.error);
  expect(picked.name).toBe('名单');
  expect(picked.rows).toEqual([
    ['客户名称', '联系电话', '最近跟进', '是否成交'],
    ['海纳学校', '13800138000', '2026-02-05', 'TRUE'],
  ]);
  expect((await readList(file)).rows[1].slice(0, 3)).toEqual(['海纳学校', 13800138000, '2026-02-05']);
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
