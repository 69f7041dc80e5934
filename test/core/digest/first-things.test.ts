/**
 * The daily email says what to do first: the hottest clients (grade, then how far along, then how
 * overdue) lead, the first three open the email with a number to tap, every line carries grade, stage
 * and contact person, and nothing is filler — in English and in Chinese, with the greeting of the hour.
 */
import { composeMessage } from '../../../src/core/digest/plan';
import { context, member } from './fixture';

const TODAY = '2026-03-02';
const HOT = {
  'Need confirmed': 'Yes',
  'Budget confirmed': 'Yes',
  'Decision maker': 'Yes',
  'Expected date': '2026-03-20',
};

function day(hour: number) {
  return context({
    today: TODAY,
    hour,
    clients: [
      { ID: 'C-1', Name: 'Old cold lead', Owner: '张伟', 'Next follow-up': '2026-01-01' },
      {
        ID: 'C-2',
        Name: 'Hot deal',
        Owner: '张伟',
        'Next follow-up': '2026-03-01',
        Stage: 'B3',
        ...HOT,
        Contact: '王经理',
        Phone: '0138 0013 8000 / 020-87654321',
      },
      { ID: 'C-3', Name: 'Warm proposal', Owner: '张伟', 'Next follow-up': '2026-02-20', Stage: 'B2' },
      { ID: 'C-4', Name: 'Due today, hot', Owner: '张伟', 'Next follow-up': TODAY, ...HOT, Phone: '+86 20 8765 4321' },
      { ID: 'C-5', Name: 'Due today, cold', Owner: '张伟', 'Next follow-up': TODAY },
    ],
  });
}

function mail(hour: number, lang: 'en' | 'zh-CN') {
  const ctx = day(hour);
  const m = member(ctx, '张伟');
  const out = composeMessage(ctx, { member: m, email: m.email, lang }, 'daily', TODAY);
  if (!out) throw new Error('no email');
  return out;
}

describe('what to do first', () => {
  const en = mail(8, 'en');

  test('opens with the three to call first: hot and far along before old and cold', () => {
    const start = en.text.split('Start with these 3\n')[1]!.split('\n\n')[0]!;
    const names = start.split('\n').filter((l) => l.startsWith('- '));
    expect(names.map((l) => l.replace(/ —.*$/, '').replace(/ · .*$/, ''))).toEqual([
      '- Hot deal',
      '- Due today, hot',
      '- Warm proposal',
    ]);
    expect(start).toContain('- Hot deal · 0138 0013 8000 — 1 day overdue (due 2026-03-01)');
    expect(start).toContain('- Due today, hot · +86 20 8765 4321 — due today');
  });

  test('the overdue section is in the same order, the 60-day-old cold lead last', () => {
    const overdue = en.text.split('Overdue (3)\n')[1]!.split('\n\n')[0]!;
    const names = overdue
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.replace(/^- ([^·—]+?) [·—].*$/, '$1'));
    expect(names).toEqual(['Hot deal', 'Warm proposal', 'Old cold lead']);
  });

  test('each phone is a tel: link in the HTML part; only the first of two numbers', () => {
    expect(en.html).toContain('<a href="tel:013800138000">0138 0013 8000</a>');
    expect(en.html).toContain('<a href="tel:+862087654321">+86 20 8765 4321</a>');
    expect(en.html).not.toContain('020-87654321');
  });

  test('each line says grade, stage and contact person; no filler lines', () => {
    expect(en.text).toContain('  Grade A · B3 · Negotiation · Contact: 王经理');
    expect(en.text).not.toMatch(/No contact summary yet|No topic planned/);
  });

  test('grammar: 1 day, 2 days; the greeting follows the hour', () => {
    expect(en.text).toContain('1 day overdue');
    expect(en.text).not.toContain('1 days');
    expect(en.text).toContain('Good morning, 张伟.');
    expect(mail(14, 'en').text).toContain('Good afternoon, 张伟.');
    expect(mail(19, 'en').text).toContain('Good evening, 张伟.');
  });
});

describe('the same in Chinese', () => {
  const zh = mail(8, 'zh-CN');

  test('先跟进这 3 个客户, in the same order, with numbers to tap', () => {
    const start = zh.text.split('先跟进这 3 个客户\n')[1]!.split('\n\n')[0]!;
    expect(start.split('\n')[0]).toBe('- Hot deal · 0138 0013 8000 — 逾期 1 天（应于 2026-03-01 跟进）');
    expect(start).toContain('- Due today, hot · +86 20 8765 4321 — 今日待跟进');
    expect(zh.html).toContain('<a href="tel:013800138000">');
  });

  test('grade, stage and contact person read as a sales team writes them; greeting by the hour', () => {
    expect(zh.text).toContain('  A 级 · B3 · 商务谈判 · 联系人：王经理');
    expect(zh.text).toContain('张伟，早上好！');
    expect(mail(20, 'zh-CN').text).toContain('张伟，晚上好！');
    expect(zh.text).not.toMatch(/还没有沟通记录|没有计划内容/);
  });
});

describe('the escalations say what to do first too', () => {
  // Three of 张伟's clients overdue past both limits: the hot B3 deal, a day past the limit, leads the
  // old cold lead ninety days overdue, in the manager's summary and in the director's report.
  const ctx = context({
    today: TODAY,
    clients: [
      { ID: 'C-1', Name: 'Old cold lead', Owner: '张伟', 'Next follow-up': '2025-12-01' },
      { ID: 'C-2', Name: 'Hot deal', Owner: '张伟', 'Next follow-up': '2026-02-10', Stage: 'B3', ...HOT },
      { ID: 'C-3', Name: 'Warm proposal', Owner: '张伟', 'Next follow-up': '2026-01-20', Stage: 'B2' },
    ],
  });
  const order = (text: string, heading: RegExp): string[] =>
    text
      .split(heading)[1]!
      .split('\n\n')[0]!
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.replace(/ — .*$/, '').replace(/ · .*$/, ''));
  test('manager’s weekly summary', () => {
    const m = member(ctx, 'Li Na');
    const out = composeMessage(ctx, { member: m, email: m.email, lang: 'en' }, 'weekly', TODAY)!;
    expect(order(out.text, /Overdue by more than \d+ days \(3\)\n/)).toEqual([
      '- Hot deal',
      '- Warm proposal',
      '- Old cold lead',
    ]);
  });
  test('director’s monthly report', () => {
    const m = member(ctx, '王总');
    const out = composeMessage(ctx, { member: m, email: m.email, lang: 'en' }, 'monthly', '2026-02')!;
    expect(out.text).toMatch(/- Hot deal[\s\S]*- Warm proposal[\s\S]*- Old cold lead/);
  });
});
