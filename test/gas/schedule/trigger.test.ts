/**
 * Schedule ▸ Turn on / Turn off / Status through the built add-on: exactly one time-driven trigger
 * per user per document at the Settings hour in the spreadsheet's time zone, only ours removed, and
 * a manager taking the schedule over when its owner leaves.
 */
import { triggerState, uiState } from '../../../src/local/emulator/services';
import { OWNER } from '../../helpers/workbook';
import { LINA, ZHANG, dialogText, fireTrigger, ourTriggers, recipients, teamWorkbook } from './fixture';
import { mailState } from '../../../src/local/emulator/services';

function lastAlert(wb: ReturnType<typeof teamWorkbook>): string {
  return uiState(wb.env).dialogs.at(-1)?.prompt ?? '';
}

describe('turning the daily run on', () => {
  const wb = teamWorkbook();
  wb.menu('menuScheduleOn');

  test('installs one daily trigger for runDaily at 8:00 in the spreadsheet’s time zone, run by the person who turned it on', () => {
    expect(
      ourTriggers(wb).map((t) => [t.creator, t.schedule?.recurrence, t.schedule?.hour, t.schedule?.timeZone]),
    ).toEqual([[OWNER, 'days', 8, 'Asia/Shanghai']]);
    expect(lastAlert(wb)).toBe(
      'The daily run is on: every day at 8:00 (Asia/Shanghai), from your account (owner@example.com). Emails go out from this account.',
    );
  });

  test('turning it on twice still leaves one', () => {
    wb.menu('menuScheduleOn');
    expect(ourTriggers(wb)).toHaveLength(1);
  });

  test('Status says it is on, whose account runs it and since when, and that it has not run yet', () => {
    wb.menu('menuScheduleStatus');
    const text = dialogText(wb);
    expect(text).toContain(
      'On: every day at 8:00 (Asia/Shanghai), from the account of owner@example.com, since 2026-03-02 08:30.',
    );
    expect(text).toContain('It has not run yet.');
    expect(uiState(wb.env).shown.at(-1)?.title).toBe('Daily run');
  });

  test('a changed hour in Settings moves the trigger', () => {
    const settings = wb.sheet('Settings');
    const row = settings.values.findIndex((r) => r[0] === 'Daily run hour');
    settings.values[row][1] = 6;
    wb.menu('menuScheduleOn');
    expect(ourTriggers(wb).map((t) => t.schedule?.hour)).toEqual([6]);
  });
});

describe('turning it off', () => {
  const wb = teamWorkbook();
  wb.menu('menuScheduleOn');
  // Another trigger of the same user on this document, not ours.
  triggerState(wb.env).triggers.push({
    ...triggerState(wb.env).triggers[0],
    id: 'other',
    handler: 'somethingElse',
    eventType: 'ON_CHANGE',
    source: 'SPREADSHEETS',
    schedule: null,
  });
  wb.menu('menuScheduleOff');

  test('removes only the daily run’s trigger', () => {
    expect(triggerState(wb.env).triggers.map((t) => t.handler)).toEqual(['somethingElse']);
    expect(lastAlert(wb)).toBe('The daily run is off.');
  });

  test('Status says it is off', () => {
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('Off. Use Schedule ▸ Turn on daily run to start it.');
  });

  test('turning it off again changes nothing and says so', () => {
    wb.menu('menuScheduleOff');
    expect(lastAlert(wb)).toBe('The daily run was not on; nothing changed.');
  });
});

describe('a manager takes the schedule over when its owner leaves', () => {
  const wb = teamWorkbook();
  wb.menu('menuScheduleOn');

  test('a salesperson cannot take it over', () => {
    wb.menu('menuScheduleOn', ZHANG);
    expect(lastAlert(wb)).toBe(
      'The daily run is on, so only a manager or a director may run it now, turn it on again or release clients to the pool.',
    );
    expect(ourTriggers(wb).map((t) => t.creator)).toEqual([OWNER]);
  });

  test('Li Na (manager) takes it over: her trigger runs it from now on', () => {
    wb.menu('menuScheduleOn', LINA);
    expect(lastAlert(wb)).toBe(
      'You took the daily run over from owner@example.com. It now runs every day at 8:00 (Asia/Shanghai) from your account (lina@example.com).',
    );
    wb.menu('menuScheduleStatus', LINA);
    expect(dialogText(wb)).toContain('from the account of lina@example.com');
  });

  test('the former owner’s trigger removes itself at its next run and sends nothing', () => {
    fireTrigger(wb, OWNER);
    expect(mailState(wb.env).sent).toHaveLength(0);
    expect(ourTriggers(wb).map((t) => t.creator)).toEqual([LINA]);
  });

  test('her trigger sends the day’s mail from her account', () => {
    fireTrigger(wb, LINA);
    expect(recipients(wb)).toContain(ZHANG);
    expect(new Set(mailState(wb.env).sent.map((m) => m.from))).toEqual(new Set([LINA]));
  });
});

describe('a manager turns off a schedule someone else runs', () => {
  const wb = teamWorkbook();
  wb.menu('menuScheduleOn');
  wb.menu('menuScheduleOff', LINA);

  test('says the owner’s trigger stops itself', () => {
    expect(lastAlert(wb)).toBe(
      'The daily run from owner@example.com’s account is off; their trigger removes itself at its next run.',
    );
  });

  test('the owner’s trigger then removes itself and sends nothing', () => {
    fireTrigger(wb, OWNER);
    expect(mailState(wb.env).sent).toHaveLength(0);
    expect(ourTriggers(wb)).toHaveLength(0);
  });

  test('a salesperson may not turn off someone else’s schedule', () => {
    const other = teamWorkbook();
    other.menu('menuScheduleOn');
    other.menu('menuScheduleOff', ZHANG);
    expect(lastAlert(other)).toBe(
      'The daily run belongs to owner@example.com. Only they, or a manager or director on the Team tab, can turn it off.',
    );
    expect(ourTriggers(other)).toHaveLength(1);
  });
});
