/**
 * docs/domain.md's table of tab names is the one a reader checks a workbook against: it says what the
 * add-on names its tabs today in both languages and which earlier names it still reads and renames.
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../src/core/i18n';
import { TABS, type TabName } from '../../src/core/schema';

test('the table of tab names in docs/domain.md is the add-on’s own, row for row', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/domain.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Names of tabs'));
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const expected = (Object.keys(TABS) as TabName[]).map((tab) => [
    t('en', TABS[tab].label),
    t('zh-CN', TABS[tab].label),
    Object.values(TABS[tab].formerly ?? {})
      .flat()
      .join(', '),
  ]);
  expect(rows).toEqual(expected);
});
