// Sources: https://developers.google.com/apps-script/reference/script/script-app ,
// https://developers.google.com/apps-script/reference/script/clock-trigger-builder ,
// https://developers.google.com/apps-script/guides/services/quotas (20 triggers per user per script),
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers (editor add-on restrictions),
// https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers (fires inside the hour)
import { dueTimeDrivenTriggers, sessionState, triggerState } from '../../../../src/local/emulator/services';
import { ALICE, BOB, FULL_MENU, newEnv, SIMPLE_TRIGGER, START, start } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function nonAddOnEnv() {
  const env = newEnv();
  triggerState(env).editorAddOn = false;
  return env;
}

describe('ScriptApp triggers', () => {
  test('a daily trigger at 9 is stored with its handler, schedule, creator and time zone', () => {
    const env = newEnv();
    const { g } = start(env);
    const t = g.ScriptApp.newTrigger('sendDigest')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .inTimezone('Asia/Shanghai')
      .create();
    expect(t.getHandlerFunction()).toBe('sendDigest');
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(g.ScriptApp.TriggerSource.CLOCK);
    const [stored] = triggerState(env).triggers;
    expect(stored).toMatchObject({
      id: t.getUniqueId(),
      creator: ALICE,
      createdAt: START,
      schedule: { recurrence: 'days', interval: 1, hour: 9, timeZone: 'Asia/Shanghai' },
    });
  });

  test('the time zone defaults to the script time zone', () => {
    const env = newEnv();
    sessionState(env).scriptTimeZone = 'America/New_York';
    start(env).g.ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(7).create();
    expect(triggerState(env).triggers[0].schedule?.timeZone).toBe('America/New_York');
  });

  test('builder arguments are checked', () => {
    const { g } = start(nonAddOnEnv());
    const b = () => g.ScriptApp.newTrigger('f').timeBased();
    expect(() => b().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => b().nearMinute(60)).toThrow('Invalid argument: minute');
    expect(() => b().everyMinutes(2)).toThrow('one of 1, 5, 10, 15 or 30');
    expect(() => b().onMonthDay(32)).toThrow('Invalid argument: day');
    expect(() => b().inTimezone('Mars/Olympus')).toThrow('Invalid argument: timezone');
    expect(() => b().atHour(9).create()).toThrow('needs a schedule');
    expect(() => b().everyHours(1).atHour(9).create()).toThrow('atHour and nearMinute need');
    expect(() => b().everyDays(1).everyHours(2)).toThrow('choose only one recurrence');
  });

  test('[U] everyHours accepts only 1, 2, 4, 6, 8 or 12', () => {
    const { g } = start(nonAddOnEnv());
    for (const n of [1, 2, 4, 6, 8, 12]) g.ScriptApp.newTrigger(`f${n}`).timeBased().everyHours(n);
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow('one of 1, 2, 4, 6, 8 or 12');
  });

  test('a user sees only their own triggers', () => {
    const env = nonAddOnEnv();
    start(env, { ...FULL_MENU, activeUser: ALICE })
      .g.ScriptApp.newTrigger('a')
      .timeBased()
      .everyHours(1)
      .create();
    const bob = start(env, { ...FULL_MENU, activeUser: BOB }).g.ScriptApp;
    bob.newTrigger('b').timeBased().everyHours(1).create();
    expect(bob.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
    bob.deleteTrigger(bob.getProjectTriggers()[0]);
    expect(bob.getProjectTriggers()).toEqual([]);
    expect(triggerState(env).triggers.map((t) => t.handler)).toEqual(['a']);
  });

  test('the 21st trigger of a user is refused with the live message', () => {
    const { g } = start(nonAddOnEnv());
    for (let i = 0; i < 20; i++) g.ScriptApp.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => g.ScriptApp.newTrigger('f20').timeBased().everyDays(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('spreadsheet triggers record their source and appear in getUserTriggers', () => {
    const env = newEnv();
    const { g } = start(env);
    const ss = { getId: () => 'sheet-1' };
    const t = g.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect(t.getEventType()).toBe('ON_EDIT');
    expect(t.getTriggerSource()).toBe('SPREADSHEETS');
    expect(t.getTriggerSourceId()).toBe('sheet-1');
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).create();
    expect(g.ScriptApp.getUserTriggers(ss).map((x) => x.getHandlerFunction())).toEqual(['onEditInstalled', 'daily']);
    expect(() => g.ScriptApp.newTrigger('x').forSpreadsheet(ss).create()).toThrow('needs an event');
  });

  describe('editor add-on rules', () => {
    test('one trigger of each type per user per document', () => {
      const env = newEnv();
      const { g } = start(env);
      g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
      expect(() => g.ScriptApp.newTrigger('weekly').timeBased().onWeekDay(g.ScriptApp.WeekDay.MONDAY).create()).toThrow(
        'only one CLOCK trigger per user per document',
      );
      g.ScriptApp.newTrigger('opened').forSpreadsheet('sheet-1').onOpen().create();
      expect(() => g.ScriptApp.newTrigger('opened2').forSpreadsheet('sheet-1').onOpen().create()).toThrow(
        'only one ON_OPEN trigger',
      );
      // another user may have their own
      start(env, { ...FULL_MENU, activeUser: BOB })
        .g.ScriptApp.newTrigger('daily')
        .timeBased()
        .everyDays(1)
        .create();
      expect(triggerState(env).triggers).toHaveLength(3);
    });

    test('time-driven add-on triggers run at most hourly: everyMinutes is refused', () => {
      const { g } = start(newEnv());
      expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create()).toThrow('at most once an hour');
      g.ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
    });

    test('triggers only for the file in use', () => {
      const { g } = start(newEnv());
      expect(() => g.ScriptApp.newTrigger('f').forSpreadsheet('another-file').onEdit().create()).toThrow(
        'only create triggers for the file it is running in',
      );
    });

    test('outside add-on mode everyMinutes is allowed', () => {
      const { g } = start(nonAddOnEnv());
      g.ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create();
    });
  });

  test('a simple trigger (LIMITED) cannot create or list triggers', () => {
    const { g } = start(newEnv(), SIMPLE_TRIGGER);
    expect(() => g.ScriptApp.newTrigger('f')).toThrow('You do not have permission to call ScriptApp.newTrigger');
    expect(() => g.ScriptApp.getProjectTriggers()).toThrow('You do not have permission');
    expect(g.ScriptApp.AuthMode.LIMITED).toBe('LIMITED');
  });
});

describe('dueTimeDrivenTriggers', () => {
  test('a daily trigger at hour 9 fires once a day inside 9:00-10:00 in its zone, same minute every day', () => {
    const env = newEnv();
    start(env)
      .g.ScriptApp.newTrigger('digest')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .inTimezone('America/Los_Angeles')
      .create();
    const due = dueTimeDrivenTriggers(env, START, START + 3 * DAY);
    expect(due).toHaveLength(3);
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    const times = due.map((d) => fmt.format(new Date(d.at)));
    expect(new Set(times).size).toBe(1);
    expect(times[0]).toMatch(/^09:/);
  });

  test('nothing fires before the trigger was created, and the window is half-open', () => {
    const env = newEnv();
    start(env)
      .g.ScriptApp.newTrigger('f')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .nearMinute(0)
      .inTimezone('Asia/Shanghai')
      .create();
    // START is 09:00 Shanghai, the creation instant: the slot 09:00 today is not before creation, so it fires
    expect(dueTimeDrivenTriggers(env, START - DAY, START).map((d) => d.at)).toEqual([]);
    expect(dueTimeDrivenTriggers(env, START, START + 1).map((d) => d.at)).toEqual([START]);
    expect(dueTimeDrivenTriggers(env, START + 1, START + DAY).map((d) => d.at)).toEqual([]);
  });

  test('hourly, weekly, monthly and one-off schedules', () => {
    const env = nonAddOnEnv();
    const s = start(env).g.ScriptApp;
    s.newTrigger('hourly').timeBased().everyHours(2).create();
    s.newTrigger('weekly').timeBased().onWeekDay(s.WeekDay.WEDNESDAY).atHour(6).create();
    s.newTrigger('monthly').timeBased().onMonthDay(15).atHour(6).create();
    s.newTrigger('once')
      .timeBased()
      .after(90 * 60_000)
      .create();
    s.newTrigger('minutes').timeBased().everyMinutes(15).create();
    const due = dueTimeDrivenTriggers(env, START, START + 28 * DAY);
    const count = (h: string) => due.filter((d) => d.trigger.handler === h).length;
    expect(count('hourly')).toBe(28 * 12);
    expect(count('weekly')).toBe(4);
    expect(count('monthly')).toBe(1);
    expect(count('once')).toBe(1);
    expect(count('minutes')).toBe(28 * 96);
    const onceAt = due.find((d) => d.trigger.handler === 'once')?.at;
    expect(onceAt).toBe(START + 90 * 60_000);
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'long' });
    expect(
      new Set(due.filter((d) => d.trigger.handler === 'weekly').map((d) => weekday.format(new Date(d.at)))),
    ).toEqual(new Set(['Wednesday']));
    for (let i = 1; i < due.length; i++) expect(due[i].at).toBeGreaterThanOrEqual(due[i - 1].at);
  });

  test('a daily trigger keeps its local hour across a daylight-saving change', () => {
    const env = newEnv({ now: Date.UTC(2026, 2, 1, 12) });
    start(env)
      .g.ScriptApp.newTrigger('f')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .nearMinute(30)
      .inTimezone('America/Los_Angeles')
      .create();
    const due = dueTimeDrivenTriggers(env, Date.UTC(2026, 2, 6), Date.UTC(2026, 2, 10));
    // PST (UTC-8) until 8 March 2026, PDT (UTC-7) after
    expect(due.map((d) => new Date(d.at).toISOString())).toEqual([
      '2026-03-06T17:30:00.000Z',
      '2026-03-07T17:30:00.000Z',
      '2026-03-08T16:30:00.000Z',
      '2026-03-09T16:30:00.000Z',
    ]);
  });
});
