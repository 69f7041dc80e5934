/**
 * The built sidebar on a workbook without a Settings tab, in Debian's Chromium: it opens on the
 * default settings and says so once, above the views, in the language the sidebar shows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/local/playground/server';
import { exportServiceState } from '../../src/local/emulator/services/persistence';
import { saveWorkbook } from '../../src/local/xlsx/save';
import { asEditor } from '../gas/clients-fixture';
import { sidebarWorkbook } from '../gas/sidebar/fixture';
import { launchChromium } from '../helpers/chromium';
import { distDir } from '../helpers/bundle';
import { OWNER } from '../helpers/workbook';

let playground: Playground;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const wb = sidebarWorkbook();
  asEditor(wb, (ss) => ss.deleteSheet(ss.getSheetByName('Settings')!));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-settings-'));
  const file = path.join(dir, 'no-settings.xlsx');
  await saveWorkbook(file, wb.env.spreadsheet, { services: exportServiceState(wb.env) });
  playground = await startPlayground({ workbook: file, distDir, user: OWNER }, 0);
  browser = await launchChromium({ width: 300, height: 900 });
  page = await browser.newPage();
  await page.goto(`${playground.url}html/Sidebar`);
  await page.waitForSelector('#client-search');
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

test('one notice says the sidebar works with the default settings, in English and after a switch in Chinese', async () => {
  expect(await page.locator('[role=status]#settings-fallback').count()).toBe(1);
  expect(await page.textContent('#settings-fallback')).toBe(
    'There is no Settings tab, so the sidebar works with the default settings (follow-up intervals, retry days). Run Set up / upgrade sheets to add it.',
  );
  await page.click('#tab-add');
  expect(await page.locator('#settings-fallback').count()).toBe(1);
  await page.click('#switch-language');
  expect(await page.textContent('#settings-fallback')).toBe(
    '找不到“Settings”工作表，侧边栏暂按默认设置（跟进间隔、再跟进天数等）工作。请运行“初始化 / 更新表格结构”来添加它。',
  );
});
