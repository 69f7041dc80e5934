// Sources: https://developers.google.com/apps-script/guides/properties ,
// https://developers.google.com/apps-script/reference/properties/properties ,
// https://developers.google.com/apps-script/guides/services/quotas (9 KB per value, 500 KB per store)
import { propertiesState } from '../../../../src/local/emulator/services';
import { ALICE, BOB, CUSTOM_FUNCTION, FULL_MENU, newEnv, start } from './harness';

describe('PropertiesService', () => {
  test('a missing property reads as null', () => {
    const { g } = start(newEnv());
    expect(g.PropertiesService.getScriptProperties().getProperty('nope')).toBeNull();
  });

  test('values are stored as strings', () => {
    const { g } = start(newEnv());
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('count', 3).setProperty('flag', true).setProperty('obj', { a: 1 });
    expect(props.getProperty('count')).toBe('3');
    expect(props.getProperty('flag')).toBe('true');
    expect(props.getProperty('obj')).toBe('[object Object]');
  });

  test('getProperties returns a copy, not a live view', () => {
    const { g } = start(newEnv());
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    props.setProperty('b', '2');
    expect(copy).toEqual({ a: 'changed' });
    expect(props.getProperties()).toEqual({ a: '1', b: '2' });
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { g } = start(newEnv());
    const props = g.PropertiesService.getScriptProperties();
    props.setProperties({ a: 1, b: 2 });
    props.setProperties({ c: 3 });
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'c']);
    props.setProperties({ d: 4 }, true);
    expect(props.getProperties()).toEqual({ d: '4' });
    props.deleteProperty('d');
    props.setProperties({ x: 1, y: 2 }).deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('stores persist between executions and stay separate', () => {
    const env = newEnv();
    const first = start(env).g.PropertiesService;
    first.getScriptProperties().setProperty('k', 'script');
    first.getDocumentProperties().setProperty('k', 'document');
    first.getUserProperties().setProperty('k', 'alice');
    const later = start(env).g.PropertiesService;
    expect(later.getScriptProperties().getProperty('k')).toBe('script');
    expect(later.getDocumentProperties().getProperty('k')).toBe('document');
    expect(later.getUserProperties().getProperty('k')).toBe('alice');
  });

  test('the user store belongs to the effective user', () => {
    const env = newEnv();
    start(env, { ...FULL_MENU, activeUser: ALICE })
      .g.PropertiesService.getUserProperties()
      .setProperty('lang', 'zh');
    expect(
      start(env, { ...FULL_MENU, activeUser: BOB })
        .g.PropertiesService.getUserProperties()
        .getProperty('lang'),
    ).toBeNull();
    expect(propertiesState(env).user.get(ALICE)?.get('lang')).toBe('zh');
  });

  test('a value over 9 KB is refused and nothing is written', () => {
    const { g } = start(newEnv());
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperties({ fine: '1', big: '汉'.repeat(3100) })).toThrow('Argument too large: value');
    expect(props.getKeys()).toEqual(['ok']);
  });

  test('a store over 500 KB is refused with the quota message', () => {
    const { g } = start(newEnv());
    const props = g.PropertiesService.getScriptProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000)); // about 504 KB of 512,000 bytes
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('k56')).toBeNull();
  });

  test('a custom function may read properties but not write them', () => {
    const env = newEnv();
    start(env).g.PropertiesService.getScriptProperties().setProperty('k', 'v');
    const props = start(env, CUSTOM_FUNCTION).g.PropertiesService.getScriptProperties();
    expect(props.getProperty('k')).toBe('v');
    expect(() => props.setProperty('k', 'w')).toThrow('You do not have permission to call Properties.setProperty');
  });

  test('every method is counted', () => {
    const { g, exec } = start(newEnv());
    g.PropertiesService.getScriptProperties().getProperty('a');
    expect(exec.counters.calls.get('Properties.getProperty')).toBe(1);
    expect(exec.counters.calls.get('PropertiesService.getScriptProperties')).toBe(1);
  });
});
