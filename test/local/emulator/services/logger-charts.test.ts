// Sources: https://developers.google.com/apps-script/reference/base/logger ,
// https://developers.google.com/apps-script/reference/charts/chart-type
import { loggerState } from '../../../../src/local/emulator/services';
import { newEnv, start } from './harness';

describe('Logger', () => {
  test('collects lines in the environment, with %s substitution', () => {
    const env = newEnv();
    const { g } = start(env);
    g.Logger.log('synced %s clients in %s ms', 12, 340).log({ a: 1 });
    expect(loggerState(env).lines.map((l) => l.message)).toEqual(['synced 12 clients in 340 ms', '{"a":1}']);
    expect(g.Logger.getLog()).toBe('synced 12 clients in 340 ms\n{"a":1}\n');
    g.Logger.clear();
    expect(g.Logger.getLog()).toBe('');
  });
});

describe('Charts', () => {
  test('ChartType values are their names', () => {
    const { g } = start(newEnv());
    expect(g.Charts.ChartType.COLUMN).toBe('COLUMN');
    expect(g.Charts.ChartType.LINE).toBe('LINE');
    expect(g.Charts.ChartType.PIE).toBe('PIE');
  });
});
