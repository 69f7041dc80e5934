/**
 * The playground's file picker in Debian's Chromium (docs/import.md): a GBK CSV with a title row and
 * Chinese headers, picked in the page, lands as a new tab of text and opens the Import dialog on that
 * tab; preview and start, and the register equals what `client-tracker import` makes of the same file
 * on a copy of the same workbook. A file the reader cannot read is one sentence, the workbook unchanged.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { type BrowserContext, type Frame, type Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { NOW, OWNER, copyWorkbook, teamWorkbook } from '../local/cli/team-workbook';
import { cli, ensureBuilt, openXlsx, records, serve, type Plain } from '../local/cli/run-cli';

/** The messy list of a team: a title row, a blank line, Chinese headers, quoted commas, three date styles. */
const LIST = [
  '客户回访名单（2026年2月）,,,,,,',
  '',
  '客户名称,联系电话,负责人,最近跟进,联系情况,跟进内容,微信',
  '"华为(深圳), 总部",+86 138 0013 8000,Amy Liu,2026/2/5,已联系上,"报价, 下周再谈",hw01',
  '腾讯科技,010-6552-1234,Tom Baker,2026年2月20日,无人接听,,',
  '',
  '远山物业,02155550000,Amy Liu,2026.2.27,接通,约了上门,',
  '海纳学校,13900000000,Amy Liu,,,,',
].join('\r\n');
const FILE_NAME = '客户名单.csv';
const TAB = '客户名单';
/** Generous for a loaded 2-core machine, and bounded. */
const WAIT = { timeout: 60_000 };

let base: string;
let play: { dir: string; file: string };
let server: ChildProcessWithoutNullStreams;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  base = (await teamWorkbook()).file;
  play = copyWorkbook(base);
  fs.writeFileSync(path.join(play.dir, FILE_NAME), iconv.encode(LIST, 'gbk'));
  const served = serve(play.dir, ['--workbook', 'book.xlsx', '--now', NOW, '--user', OWNER]);
  server = served.child;
  const url = await served.url;
  browser = await launchChromium({ width: 1400, height: 900 });
  page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#grid[data-tab="Clients"] tbody tr', WAIT);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function tabs(file: string): Promise<{ clients: Record<string, Plain>[]; contacts: Record<string, Plain>[] }> {
  const wb = await openXlsx(file);
  return { clients: records(wb, 'Clients'), contacts: records(wb, 'Contacts') };
}

function bytes(file: string): Buffer[] {
  return [fs.readFileSync(file), fs.readFileSync(`${file}.ct-state.json`)];
}

function dialogFrame(): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/shown/'));
  if (!frame) throw new Error('the Import dialog is not open');
  return frame;
}

/** The error lines the page shows, without their OK buttons. */
function errorLines(): Promise<string[]> {
  return page.$$eval('#messages .message.error', (lines) => lines.map((l) => l.firstChild?.textContent ?? ''));
}

test('a GBK CSV picked in the playground, previewed and imported gives the register the command line gives', async () => {
  await page.setInputFiles('#import-file', path.join(play.dir, FILE_NAME));
  // The dialog opens with the new tab chosen.
  await page.waitForSelector(`#dialog.open[data-tab="${TAB}"]`, WAIT);
  const dialog = dialogFrame();
  expect(await dialog.$eval('#tab', (s) => (s as HTMLSelectElement).value)).toBe(TAB);

  // The tab holds the list as text, as Sheets' File ▸ Import with conversion unticked would.
  await page.waitForSelector(`#grid[data-tab="${TAB}"] tbody tr`, WAIT);
  expect(await page.textContent('#grid tr[data-row="1"] td[data-col="1"]')).toBe('客户回访名单（2026年2月）');
  const saved = await openXlsx(play.file);
  const sheet = saved.getWorksheet(TAB)!;
  expect(sheet.getCell('B7').value).toBe('02155550000');
  expect(sheet.getCell('D4').value).toBe('2026/2/5');

  await dialog.click('#preview');
  await dialog.waitForFunction(() => (document.getElementById('lines')?.textContent ?? '') !== '', undefined, WAIT);
  expect(await dialog.textContent('#lines')).toContain('客户名称 → Name');
  await dialog.waitForSelector('#start:not([disabled])', WAIT);
  await dialog.click('#start');
  await dialog.waitForFunction(
    () => /^Done: batch I-/.test(document.getElementById('status')?.textContent ?? ''),
    undefined,
    WAIT,
  );
  expect(await dialog.textContent('#status')).toMatch(/4 clients added, 3 contacts logged\.$/);

  // The other path: the command line on a copy of the same workbook, the same file.
  const other = copyWorkbook(base);
  fs.writeFileSync(path.join(other.dir, FILE_NAME), iconv.encode(LIST, 'gbk'));
  const run = cli(other.dir, ['import', '--workbook', 'book.xlsx', '--now', NOW, '--user', OWNER, '--from', FILE_NAME]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);

  const viaPlayground = await tabs(play.file);
  const viaCli = await tabs(other.file);
  expect(viaPlayground.clients.map((c) => c.Name)).toEqual(
    expect.arrayContaining(['华为(深圳), 总部', '腾讯科技', '远山物业', '海纳学校']),
  );
  expect(viaPlayground).toEqual(viaCli);
}, 240_000);

test('a file the reader cannot read is one sentence, and the workbook is unchanged', async () => {
  const broken = [
    { name: 'broken.csv', data: Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41, 0x00, 0x0a]) },
    { name: 'broken.xlsx', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]) },
  ];
  const sentences = [
    'broken.csv is not a text CSV file; save the list as CSV (UTF-8 or GBK) or as .xlsx and try again.',
    'broken.xlsx cannot be read as an .xlsx workbook; nothing was imported.',
  ];
  const before = bytes(play.file);
  const tabsBefore = await page.$$eval('#tabs button', (bs) => bs.map((b) => b.textContent));
  for (const [i, file] of broken.entries()) {
    const shown = (await errorLines()).length;
    await page.setInputFiles('#import-file', { name: file.name, mimeType: 'text/csv', buffer: file.data });
    await page.waitForFunction((n) => document.querySelectorAll('#messages .message.error').length > n, shown, WAIT);
    expect((await errorLines()).slice(shown)).toEqual([sentences[i]]);
  }
  expect(bytes(play.file)).toEqual(before);
  expect(await page.$$eval('#tabs button', (bs) => bs.map((b) => b.textContent))).toEqual(tabsBefore);
}, 120_000);
