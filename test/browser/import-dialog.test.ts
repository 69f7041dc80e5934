/**
 * The Import from a tab… dialog (dist/ImportDialog.html) in Debian's Chromium against the local
 * playground: pick the tab the list was imported into, preview, start; the clients land in the
 * register, and text from the list (a client named like markup, a tab named like markup) is shown as
 * text everywhere in the dialog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/local/playground/server';
import { exportServiceState } from '../../src/local/emulator/services/persistence';
import { saveWorkbook } from '../../src/local/xlsx/save';
import { loadWorkbook } from '../../src/local/xlsx/load';
import { confirmTeamRoles } from '../helpers/roles';
import { launchChromium } from '../helpers/chromium';
import { distDir } from '../helpers/bundle';
import { addRows, asEditor, trackerWorkbook } from '../gas/clients-fixture';
import { TEAM, WANG, ZHANG } from '../gas/schedule/fixture';

const MARKUP = '<img src=x onerror="window.pwned=1">';
const TAB = '名单 <b>2026 & "x"';

let playground: Playground;
let browser: BrowserContext;
let page: Page;
let file: string;

beforeAll(async () => {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
  addRows(wb, 'Team', TEAM);
  wb.env.spreadsheet.editors.push(ZHANG, WANG);
  confirmTeamRoles(wb);
  asEditor(wb, (ss) => {
    const sheet = ss.insertSheet(TAB);
    const rows = [
      ['客户名称', '联系电话', '负责人', '最近跟进', '联系情况', '跟进内容'],
      ['远山物业', '021-5555-0000', '张伟', '2026-02-20', '已联系上', '报价, 下周再谈'],
      [`${MARKUP} 科技`, '0755 8888 0000', '张伟', '2026-02-25', '无人接听', MARKUP],
    ];
    sheet.getRange(1, 1, rows.length, 6).setNumberFormat('@').setValues(rows);
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-import-dialog-'));
  file = path.join(dir, 'import.xlsx');
  await saveWorkbook(file, wb.env.spreadsheet, { services: exportServiceState(wb.env) });
  playground = await startPlayground({ workbook: file, distDir, user: WANG }, 0);
  browser = await launchChromium({ width: 760, height: 620 });
  page = await browser.newPage();
  await page.goto(`${playground.url}html/ImportDialog`);
  await page.waitForSelector('#tab');
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

test('pick the tab, preview, start: the list lands in the register, and its markup stays text', async () => {
  expect(await page.$$eval('#tab option', (os) => os.map((o) => o.textContent))).toContain(TAB);
  await page.selectOption('#tab', TAB);
  await page.click('#preview');
  await page.waitForFunction(() => (document.getElementById('lines')?.textContent ?? '') !== '');
  expect(await page.textContent('#lines')).toContain('客户名称 → Name');
  await page.waitForSelector('#start:not([disabled])');
  await page.click('#start');
  await page.waitForFunction(() => /^Done: batch I-/.test(document.getElementById('status')?.textContent ?? ''));
  expect(await page.textContent('#status')).toMatch(/2 clients added, 2 contacts logged\.$/);

  expect(await page.$$('img')).toHaveLength(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  const saved = await loadWorkbook(file);
  const clients = saved.model.sheets.find((s) => s.name === 'Clients')!.values;
  const names = clients.map((r) => r[clients[0].indexOf('Name')]);
  expect(names).toEqual(expect.arrayContaining(['远山物业', `${MARKUP} 科技`]));
});
