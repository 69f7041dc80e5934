/**
 * The scheduled run's guard (src/gas/schedule/no-document.ts) under both readings of
 * scheduledRunDocument, run against the emulator's services as the trigger would see them: driven
 * directly, with the services as globals as Apps Script provides them, and through the bundle's own
 * trigger handler (runDaily calls it first).
 */
import {
  assume,
  createEnvironment,
  globalsFor,
  startExecution,
  type EnvironmentState,
} from '../../../src/local/emulator';
import { ManualClock } from '../../../src/local/emulator/runtime';
import { mailState, triggerState } from '../../../src/local/emulator/services';
import { OWNER } from '../../helpers/workbook';
import { fireTrigger, ourTriggers, teamWorkbook } from './fixture';
import { checkScheduledContext, lastScheduleFailure } from '../../../src/gas/schedule/no-document';

const CREATOR = 'owner@example.com';

function timeDriven<T>(env: EnvironmentState, fn: () => T): T {
  const exec = startExecution(env, { authMode: 'FULL', kind: 'timeDriven', effectiveUser: CREATOR });
  // The script's "now" is the environment's clock, as the runner gives it to the bundle.
  jest.useFakeTimers({ now: env.clock.now() });
  const globals = globalsFor(exec);
  const saved = Object.fromEntries(Object.keys(globals).map((k) => [k, (globalThis as Record<string, unknown>)[k]]));
  Object.assign(globalThis, globals);
  try {
    return fn();
  } finally {
    Object.assign(globalThis, saved);
    jest.useRealTimers();
    exec.end();
  }
}

function env(missing: boolean): EnvironmentState & { clock: ManualClock } {
  const clock = new ManualClock(Date.UTC(2026, 2, 2, 0, 30));
  const e = createEnvironment({ clock });
  if (missing) assume(e, { readings: { scheduledRunDocument: 'missing' } });
  return Object.assign(e, { clock });
}

describe('a scheduled run checks it has its document before anything else', () => {
  test('with the document (either mode), the run may go on', () => {
    const e = env(false);
    expect(timeDriven(e, () => checkScheduledContext('7').ok)).toBe(true);
    expect(mailState(e).sent).toEqual([]);
  });

  test('unverified: without it, a failure is recorded under the trigger’s ID and the owner is mailed once a day', () => {
    const e = env(true);
    expect(timeDriven(e, () => checkScheduledContext('7'))).toEqual({ ok: false, reason: 'noDocument' });
    expect(timeDriven(e, () => lastScheduleFailure('7'))).toMatchObject({ reason: 'noDocument', triggerUid: '7' });
    e.clock.advance(3_600_000);
    timeDriven(e, () => checkScheduledContext('7'));
    expect(mailState(e).sent).toHaveLength(1);
    expect(mailState(e).sent[0].to).toEqual([CREATOR]);
    expect(mailState(e).sent[0].body).toContain('without its spreadsheet');
    expect(mailState(e).sent[0].body).toContain('没有拿到表格');
    e.clock.advance(24 * 3_600_000);
    timeDriven(e, () => checkScheduledContext('7'));
    expect(mailState(e).sent).toHaveLength(2);
  });

  test('a run that needs the user to authorize again says so, with the link', () => {
    const e = env(false);
    triggerState(e).reauthorizationNeeded = true;
    expect(timeDriven(e, () => checkScheduledContext('9'))).toEqual({ ok: false, reason: 'reauthorize' });
    expect(mailState(e).sent[0].body).toContain('needs your permission again');
  });
});

describe("the daily trigger's handler under both readings of scheduledRunDocument", () => {
  test.each(['available', 'missing'] as const)(
    '%s: the run either sends the digests or stops with one notice',
    (reading) => {
      const wb = teamWorkbook();
      wb.menu('menuScheduleOn');
      expect(ourTriggers(wb)).toHaveLength(1);
      const before = JSON.stringify(wb.values('Clients'));
      assume(wb.env, { readings: { scheduledRunDocument: reading } });
      expect(() => fireTrigger(wb, OWNER)).not.toThrow();
      const sent = mailState(wb.env).sent;
      if (reading === 'missing') {
        // One email to the trigger's owner saying why, in both languages; no digest, no write.
        expect(sent.map((m) => m.to)).toEqual([[OWNER]]);
        expect(sent[0].body).toContain('without its spreadsheet');
        expect(JSON.stringify(wb.values('Clients'))).toBe(before);
      } else {
        expect(sent.length).toBeGreaterThan(0);
        expect(sent.every((m) => !m.body.includes('without its spreadsheet'))).toBe(true);
      }
    },
  );
});
