import { langFromLocale, render, t } from '../../src/core/i18n';

describe('language', () => {
  test.each([
    ['zh', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['en_US', 'en'],
    ['en', 'en'],
    ['fr_FR', 'en'],
    ['', 'en'],
  ])('locale %s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
  test('no locale → English', () => {
    expect(langFromLocale(undefined)).toBe('en');
    expect(langFromLocale(null)).toBe('en');
  });
});

describe('messages', () => {
  test('a missing column, in English and Chinese', () => {
    expect(t('en', 'error.missingColumn', { tab: 'Clients', column: 'Phone' })).toBe(
      'The Clients tab has no “Phone” column. Add it back or run Set up / upgrade sheets.',
    );
    expect(t('zh-CN', 'error.missingColumn', { tab: '客户', column: '电话' })).toBe(
      '“客户”工作表缺少“电话”列。请把它加回来，或运行“初始化 / 更新表格结构”。',
    );
  });
  test('follow-up states', () => {
    expect(
      ['overdue', 'dueToday', 'upcoming', 'unplanned'].map((s) => t('zh-CN', `state.${s}` as 'state.overdue')),
    ).toEqual(['已逾期', '今日待跟进', '待跟进', '未安排']);
  });
  test('a placeholder without a value stays visible', () => {
    expect(t('en', 'error.unknownClient')).toBe('There is no client with ID “{id}”.');
  });
  test('a count agrees with its word in English: 1 day, 3 days; Chinese needs no plural', () => {
    expect(t('en', 'sidebar.next.retry', { days: 1 })).toBe(
      'Proposed retry: 1 day after an unanswered attempt (Settings ▸ Retry after).',
    );
    expect(t('en', 'sidebar.next.retry', { days: 3 })).toBe(
      'Proposed retry: 3 days after an unanswered attempt (Settings ▸ Retry after).',
    );
    expect(t('en', 'sidebar.context.overdue', { days: 1 })).toBe('Overdue by 1 day');
    expect(t('en', 'sidebar.notice.reassigned', { count: 1, from: 'Amy', to: 'Li Na' })).toBe(
      'Handed 1 client from Amy to Li Na.',
    );
    expect(t('en', 'grade.beyondA', { days: 1, window: 30 })).toBe(
      'Expected in 1 day, later than the A window (30 days).',
    );
    expect(t('en', 'check.problems', { count: 1 })).toBe('1 thing needs your attention; what to do is under each.');
    expect(t('en', 'check.problems', { count: 2 })).toBe('2 things need your attention; what to do is under each.');
    expect(t('zh-CN', 'sidebar.next.retry', { days: 1 })).toBe(
      '没联系上，建议 1 天后再跟进（设置 ▸ 没联系上再跟进间隔）。',
    );
    // No English message is left saying "(s)".
    for (const key of ['cadence.overCalling', 'report.refreshProblems', 'check.problems'] as const) {
      expect(t('en', key, { days: 1, count: 1, interval: 7, grade: 'B', menu: 'Problems' })).not.toContain('(s)');
    }
  });
  test('a stored message renders in either language', () => {
    const m = { key: 'grade.beyondB', params: { days: 120, window: 90 } } as const;
    expect(render('en', m)).toBe('Expected in 120 days, later than the B window (90 days).');
    expect(render('zh-CN', m)).toBe('预计 120 天后成交，晚于 B 级期限（90 天）。');
  });
});
