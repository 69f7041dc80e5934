/**
 * The daily trigger under each reading of getUserTriggers (clock triggers listed or not) in bound and
 * add-on mode (docs/roles.md, "The schedule"): found and deleted only by its recorded ID.
 */
import { assume } from '../../../src/local/emulator/readings';
import { triggerState } from '../../../src/local/emulator/services';
import { OWNER } from '../../helpers/workbook';
import { fireTrigger, ourTriggers, recipients, teamWorkbook } from './fixture';

// Both readings of whether getUserTriggers lists clock triggers (docs/google-readings.md), in both modes.
const READINGS = [
  { addOn: true, clock: 'yes' },
  { addOn: true, clock: 'no' },
  { addOn: false, clock: 'yes' },
  { addOn: false, clock: 'no' },
] as const;

describe.each(READINGS)('add-on mode $addOn, clock triggers in getUserTriggers: $clock', ({ addOn, clock }) => {
  function workbook() {
    const wb = teamWorkbook();
    assume(wb.env, { mode: addOn ? 'addon' : 'bound', readings: { userTriggersListClock: clock } });
    return wb;
  }

  test('"Turn on" twice leaves one trigger, and "Turn off" leaves none', () => {
    const wb = workbook();
    wb.menu('menuScheduleOn');
    wb.menu('menuScheduleOn');
    expect(ourTriggers(wb)).toHaveLength(1);
    wb.menu('menuScheduleOff');
    expect(ourTriggers(wb)).toHaveLength(0);
  });

  test('a second trigger that is not the recorded one deletes itself at its run and sends nothing', () => {
    const wb = workbook();
    wb.menu('menuScheduleOn');
    const state = triggerState(wb.env);
    const stray = { ...state.triggers[0], id: 'stray' };
    state.triggers.unshift(stray);
    fireTrigger(wb, OWNER);
    expect(state.triggers.map((t) => t.id)).not.toContain('stray');
    expect(recipients(wb)).toEqual([]);
    fireTrigger(wb, OWNER);
    expect(recipients(wb).length).toBeGreaterThan(0);
  });
});
