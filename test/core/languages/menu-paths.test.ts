/**
 * A message that sends the reader somewhere ("Schedule ▸ Status", "定时任务 ▸ 运行状态") names the
 * menu items, tabs and settings as they are captioned in that language: a Chinese reader told to
 * click 状态 finds no such item when the menu says 运行状态.
 */
import { LANGS, type Lang, catalogue, t } from '../../../src/core/i18n';
import type { MessageKey } from '../../../src/core/languages/en';

/** Google's own menus the messages point into, as Sheets captions them. */
const GOOGLE: Record<Lang, readonly string[]> = {
  en: ['Extensions', 'Apps Script', 'File', 'Import'],
  'zh-CN': ['扩展程序', 'Apps 脚本', '文件', '导入'],
};

function places(lang: Lang): string[] {
  const keys = Object.keys(catalogue(lang).words) as MessageKey[];
  const named = keys
    .filter((k) => /^(menu|tab|setting)\./.test(k) && !k.endsWith('.help'))
    .map((k) => t(lang, k).replace(/…$/, ''));
  // A setting may be named without its unit: “Retry after” for “Retry after (days)”.
  const unitless = named.map((name) => name.replace(/\s*[（(][^）)]*[）)]$/, ''));
  return [...named, ...unitless, t(lang, 'app.name'), ...(GOOGLE[lang] ?? [])];
}

test.each(LANGS)('every “… ▸ …” path in the %s messages names real menu items, tabs and settings', (lang) => {
  const known = places(lang).sort((a, b) => b.length - a.length);
  // a name, then the end of the text or a word boundary (“Status for the reason”), never more letters
  const starts = (part: string) =>
    known.some(
      (name) => part === name || (part.startsWith(name) && /^[\s,.;:!?，。；：]/.test(part.slice(name.length))),
    );
  const ends = (part: string) =>
    known.some(
      (name) => part === name || (part.endsWith(name) && /[\s,.;:!?，。；：]$/.test(part.slice(0, -name.length))),
    );
  const wrong: string[] = [];
  for (const [key, text] of Object.entries(catalogue(lang).words)) {
    for (const line of String(text).split(/[“”"（）()]/)) {
      if (!line.includes(' ▸ ')) continue;
      const parts = line.split(' ▸ ');
      parts.forEach((part, i) => {
        // the first part ends with a name (“Use Schedule”), the last starts with one, and a middle one
        // is a name or two paths meeting (“Turn off daily run, then Schedule”)
        const ok = i === 0 ? ends(part) : i === parts.length - 1 ? starts(part) : starts(part) && ends(part);
        if (!ok) wrong.push(`${key}: “${part}” in “${line}”`);
      });
    }
  }
  expect(wrong).toEqual([]);
});
