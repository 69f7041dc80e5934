/**
 * A report is one module and one line in the registry (docs/how-to-add.md, "A report"): All reports
 * and the daily run build every report there is a tab for, none twice, in the tabs' order.
 */
import { REPORT_NAMES } from '../../../src/core/reports';
import { TABLES, TABS } from '../../../src/core/schema';

test('All reports builds exactly the report tabs, in the order the tabs are listed', () => {
  const reportTabs = Object.keys(TABS).filter((tab) => !(tab in TABLES));
  expect(REPORT_NAMES).toEqual(reportTabs);
});
