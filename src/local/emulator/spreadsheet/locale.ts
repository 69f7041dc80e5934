/**
 * What the spreadsheet locale changes: number separators, the day/month order of typed dates, the
 * default date display and the currency symbol. Sheets documents that parsing and rendering follow
 * the locale (https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String));
 * the per-locale details below are the common Sheets defaults, not checked against live Sheets.
 */
export interface LocaleInfo {
  decimal: string;
  group: string;
  /** order of a typed date whose year comes last ('3/1/2026') */
  yearLastOrder: 'MDY' | 'DMY';
  /** Sheets number-format patterns used for a Date cell without a format */
  defaultDate: string;
  defaultDateTime: string;
  currency: string;
  /** BCP 47 tag for month and weekday names */
  bcp47: string;
}

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  yearLastOrder: 'MDY',
  defaultDate: 'm/d/yyyy',
  defaultDateTime: 'm/d/yyyy h:mm:ss',
  currency: '$',
  bcp47: 'en-US',
};

const LOCALES: Record<string, LocaleInfo> = {
  en_US: EN_US,
  en_GB: {
    ...EN_US,
    yearLastOrder: 'DMY',
    defaultDate: 'dd/mm/yyyy',
    defaultDateTime: 'dd/mm/yyyy hh:mm:ss',
    currency: '£',
    bcp47: 'en-GB',
  },
  // [U] year-last typed dates in zh_CN are read day-first, as the lead's brief asks; unverified.
  zh_CN: {
    ...EN_US,
    yearLastOrder: 'DMY',
    defaultDate: 'yyyy/m/d',
    defaultDateTime: 'yyyy/m/d h:mm:ss',
    currency: '¥',
    bcp47: 'zh-CN',
  },
  zh_TW: { ...EN_US, defaultDate: 'yyyy/m/d', defaultDateTime: 'yyyy/m/d h:mm:ss', currency: 'NT$', bcp47: 'zh-TW' },
  ja_JP: { ...EN_US, defaultDate: 'yyyy/mm/dd', defaultDateTime: 'yyyy/mm/dd h:mm:ss', currency: '¥', bcp47: 'ja-JP' },
  de_DE: {
    decimal: ',',
    group: '.',
    yearLastOrder: 'DMY',
    defaultDate: 'dd.mm.yyyy',
    defaultDateTime: 'dd.mm.yyyy hh:mm:ss',
    currency: '€',
    bcp47: 'de-DE',
  },
  fr_FR: {
    decimal: ',',
    group: '\u202f',
    yearLastOrder: 'DMY',
    defaultDate: 'dd/mm/yyyy',
    defaultDateTime: 'dd/mm/yyyy hh:mm:ss',
    currency: '€',
    bcp47: 'fr-FR',
  },
};

export function localeInfo(locale: string): LocaleInfo {
  return (
    LOCALES[locale] ??
    LOCALES[Object.keys(LOCALES).find((k) => k.split('_')[0] === locale.split('_')[0]) ?? ''] ??
    EN_US
  );
}
