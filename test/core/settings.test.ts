import {
  DEFAULT_SETTINGS,
  SETTING_DEFS,
  type Settings,
  formatSettingValue,
  parseSettings,
} from '../../src/core/settings';
import { LANGS, type Lang, render, t } from '../../src/core/i18n';
import { header } from '../../src/core/schema';

/** The Settings tab as Setup writes it (src/gas/setup.ts): a header, then name, value and note per setting. */
function writtenTab(values: Settings, lang: Lang): (string | number)[][] {
  return [
    [header('settings', 'key', lang), header('settings', 'value', lang), header('settings', 'notes', lang)],
    ...SETTING_DEFS.map((d) => [t(lang, d.label), formatSettingValue(d.key, values[d.key], lang), t(lang, d.help)]),
  ];
}

/** Every setting moved off its default, within what its type accepts. */
function changed(): Settings {
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const d of SETTING_DEFS) {
    const v = DEFAULT_SETTINGS[d.key];
    switch (d.type.kind) {
      case 'boolean':
        out[d.key] = !v;
        break;
      case 'weekday':
        out[d.key] = ((v as number) % 7) + 1;
        break;
      case 'language':
        out[d.key] = v === 'zh-CN' ? 'en' : 'zh-CN';
        break;
      case 'idPrefix':
        out[d.key] = v === 'KH' ? 'CT' : 'KH';
        break;
      default:
        out[d.key] = (v as number) + 1;
    }
  }
  return out as unknown as Settings;
}

describe('what Setup writes is what the rules read', () => {
  test.each(LANGS)('the tab Setup writes in %s reads back as the defaults, nothing reported', (lang) => {
    expect(parseSettings(writtenTab(DEFAULT_SETTINGS, lang), lang)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
      missing: [],
      unknown: [],
    });
  });
  test('a tab written in one language and read in the other keeps every value a person changed', () => {
    const values = changed();
    expect(values).not.toEqual(DEFAULT_SETTINGS);
    for (const written of LANGS)
      for (const read of LANGS) {
        const got = parseSettings(writtenTab(values, written), read);
        expect(got.problems).toEqual([]);
        expect(got.settings).toEqual(values);
      }
  });
  test('every setting has a short name and a full-sentence note in each language', () => {
    for (const def of SETTING_DEFS) {
      expect(t('en', def.label).length).toBeLessThan(50);
      expect(t('zh-CN', def.label)).not.toBe('');
      expect(t('en', def.help)).toMatch(/\.$/);
      expect(t('zh-CN', def.help)).toMatch(/。$/);
    }
  });
});

describe('reading the Settings tab', () => {
  test('an empty tab gives the defaults and says every key is missing', () => {
    const read = parseSettings([['Key', 'Value', 'Notes']]);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.problems).toEqual([]);
    expect(read.missing).toHaveLength(SETTING_DEFS.length);
  });
  test('keys in either language, by code or label, values in the usual spellings', () => {
    const read = parseSettings([
      ['设置项', '值', '说明'],
      ['A级期限（天）', '20', ''],
      ['B window (days)', 60, ''],
      ['skipWeekends', '是', ''],
      ['启用公海', 'yes', ''],
      ['Weekly summary day', '星期五', ''],
      ['语言', '简体中文', ''],
      ['Follow-up interval D (days)', '２１', ''],
      ['A legend row', 'red = overdue', ''],
    ]);
    expect(read.problems).toEqual([]);
    expect(read.settings).toMatchObject({
      aWindow: 20,
      bWindow: 60,
      skipWeekends: true,
      poolEnabled: true,
      weeklyDay: 5,
      language: 'zh-CN',
      intervalD: 21,
    });
    expect(read.unknown).toEqual(['A legend row']);
    expect(read.missing).not.toContain('aWindow');
  });
  test('a bad value falls back to the default with one sentence', () => {
    const read = parseSettings([
      ['Key', 'Value'],
      ['A window (days)', 'soon'],
      ['Daily run hour', 25],
      ['Shared pool enabled', 'perhaps'],
    ]);
    expect(read.settings.aWindow).toBe(30);
    expect(read.settings.dailyHour).toBe(8);
    expect(read.settings.poolEnabled).toBe(false);
    expect(read.problems.map((p) => render('en', p))).toEqual([
      'Settings: “A window (days)” is “soon”, which is not a whole number from 0 to 3650; using the default 30.',
      'Settings: “Daily run hour” is “25”, which is not a whole number from 0 to 23; using the default 8.',
      'Settings: “Shared pool enabled” is “perhaps”, which is not yes or no; using the default No.',
    ]);
  });
  test('problems in Chinese', () => {
    const read = parseSettings(
      [
        ['设置项', '值'],
        ['休眠天数', '很久'],
      ],
      'zh-CN',
    );
    expect(render('zh-CN', read.problems[0])).toBe(
      '设置：“休眠天数”的值“很久”不是 0 到 3650 之间的整数；已使用默认值 90。',
    );
  });
  test('rows without a header: key in the first column, value in the second', () => {
    expect(parseSettings([['dormantDays', 60]]).settings.dormantDays).toBe(60);
  });
  test('a blank language follows the locale', () => {
    expect(parseSettings([['language', '']]).settings.language).toBeNull();
  });
  test('a repeated key keeps the first value', () => {
    const read = parseSettings([
      ['aWindow', 10],
      ['aWindow', 20],
    ]);
    expect(read.settings.aWindow).toBe(10);
    expect(read.problems).toHaveLength(1);
  });
  test('values as written back to the tab', () => {
    expect(formatSettingValue('weeklyDay', 1, 'zh-CN')).toBe('星期一');
    expect(formatSettingValue('poolEnabled', false, 'en')).toBe('No');
    expect(formatSettingValue('language', null, 'en')).toBe('');
    expect(formatSettingValue('aWindow', 30, 'en')).toBe(30);
  });
});
