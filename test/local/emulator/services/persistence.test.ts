// The local CLI keeps properties, triggers, mail and the script time zone between runs in a sidecar file.
import {
  dueTimeDrivenTriggers,
  exportServiceState,
  importServiceState,
  mailState,
  sessionState,
} from '../../../../src/local/emulator/services';
import { ALICE, newEnv, start, START } from './harness';

describe('service state sidecar', () => {
  test('properties, triggers, mail and quota survive an export/import through JSON', () => {
    const env = newEnv();
    const { g } = start(env);
    g.PropertiesService.getScriptProperties().setProperty('schema', '3');
    g.PropertiesService.getDocumentProperties().setProperty('setup', 'done');
    g.PropertiesService.getUserProperties().setProperty('lang', 'zh');
    g.ScriptApp.newTrigger('digest').timeBased().everyDays(1).atHour(8).create();
    g.MailApp.sendEmail('bob@example.com', 'Hi', 'body');
    sessionState(env).scriptTimeZone = 'Europe/Berlin';

    const json = JSON.parse(JSON.stringify(exportServiceState(env)));
    const restored = newEnv();
    importServiceState(restored, json);

    const r = start(restored).g;
    expect(r.PropertiesService.getScriptProperties().getProperties()).toEqual({ schema: '3' });
    expect(r.PropertiesService.getDocumentProperties().getProperty('setup')).toBe('done');
    expect(r.PropertiesService.getUserProperties().getProperty('lang')).toBe('zh');
    expect(r.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['digest']);
    expect(r.MailApp.getRemainingDailyQuota()).toBe(99);
    expect(mailState(restored).sent[0]).toMatchObject({ from: ALICE, subject: 'Hi', sentAt: START });
    expect(r.Session.getScriptTimeZone()).toBe('Europe/Berlin');
    expect(dueTimeDrivenTriggers(restored, START, START + 86_400_000)).toHaveLength(1);
    // new triggers do not reuse restored ids
    expect(() => r.ScriptApp.newTrigger('other').forSpreadsheet('sheet-1').onOpen().create()).not.toThrow();
    const ids = r.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
    expect(new Set(ids).size).toBe(2);
  });

  test('an unrecognised file is refused', () => {
    expect(() => importServiceState(newEnv(), { version: 99 })).toThrow('Unrecognised service state file');
  });
});
