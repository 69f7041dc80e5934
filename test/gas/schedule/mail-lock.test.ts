/**
 * The daily run does not hold the document lock while it sends (a send takes about a second on
 * Google), yet a "Run now" during it sends nothing twice: each message is claimed under a short lock,
 * sent, then marked sent; a claim left by a run that stopped counts as sent and is reported.
 */
import { mailState, propertiesState, uiState } from '../../../src/local/emulator/services';
import { advance, dialogText, fireTrigger, recipients, teamWorkbook } from './fixture';
import { AMY, LINA, WANG, ZHANG } from './fixture';

describe('sending the day’s emails', () => {
  test('no email is sent while the document lock is held', () => {
    const wb = teamWorkbook();
    fireTrigger(wb);
    expect(mailState(wb.env).sent).toHaveLength(5);
    expect(mailState(wb.env).sentUnderDocumentLock).toBe(0);
  });

  test('"Run now" while the scheduled run is sending goes ahead, and every message goes out once', () => {
    const wb = teamWorkbook();
    let sentByRunNow = -1;
    wb.env.hooks.push((exec, method) => {
      if (sentByRunNow < 0 && exec.options.kind === 'timeDriven' && method === 'MailApp.sendEmail') {
        sentByRunNow = 0;
        wb.menu('menuScheduleRunNow');
        sentByRunNow = mailState(wb.env).sent.length;
      }
    });
    fireTrigger(wb);
    // Run now was not turned away as busy: it sent what the scheduled run had not claimed yet.
    expect(sentByRunNow).toBeGreaterThan(0);
    const to = mailState(wb.env).sent.map((m) => `${m.to.join()} ${m.subject}`);
    expect(new Set(to).size).toBe(to.length);
    expect(to).toHaveLength(5);
    expect(recipients(wb)).toEqual([AMY, LINA, WANG, ZHANG].sort());
  });

  test('a message a stopped run had claimed counts as sent, is not sent again, and is reported', () => {
    const wb = teamWorkbook();
    let claimed: Map<string, string> | undefined;
    wb.env.hooks.push((_exec, method) => {
      // the document properties as they stood when the first message was claimed and about to go out
      if (claimed === undefined && method === 'MailApp.sendEmail') claimed = new Map(propertiesState(wb.env).document);
    });
    fireTrigger(wb);
    // As if that run had stopped right after claiming its first message: nothing sent, one claim left.
    const props = propertiesState(wb.env).document;
    props.clear();
    for (const [k, v] of claimed!) props.set(k, v);
    mailState(wb.env).sent.length = 0;
    advance(wb, 1);
    wb.menu('menuScheduleRunNow');
    expect(mailState(wb.env).sent).toHaveLength(4);
    expect(uiState(wb.env).dialogs.at(-1)?.prompt).toContain('An earlier run stopped while sending to');
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('counted as sent, so not sent again');
  });
});
