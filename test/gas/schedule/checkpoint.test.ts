/**
 * A daily run that comes close to the 6-minute limit saves where it is and the next run finishes;
 * a step is either done or not started, so no report is half-written. Also: the run never touches the
 * Ui (a time-driven trigger has none), and Preview my email shows the list without sending it.
 */
import { mailState, propertiesState, uiState } from '../../../src/local/emulator/services';
import { AMY, LINA, WANG, ZHANG, advance, dialogText, fireTrigger, recipients, teamWorkbook } from './fixture';

const reportTabs = (wb: ReturnType<typeof teamWorkbook>) => wb.sheetNames().filter((n) => n.startsWith('Report'));

describe('a refresh that takes almost four minutes', () => {
  const wb = teamWorkbook();
  let slowed = false;
  wb.env.hooks.push((exec, method) => {
    if (!slowed && exec.options.kind === 'timeDriven' && method === 'Range.setValues') {
      slowed = true;
      wb.clock.advance(230_000);
    }
  });
  fireTrigger(wb);

  test('the run stops before the next step and writes no report at all', () => {
    expect(reportTabs(wb)).toEqual([]);
    expect(mailState(wb.env).sent).toHaveLength(0);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain(
      'Stopped before the time limit; the next run finishes: Pool release, Reports, Emails.',
    );
  });

  test('the next run the same day finishes the rest without refreshing again', () => {
    advance(wb, 1);
    wb.menu('menuScheduleRunNow');
    expect(reportTabs(wb).length).toBeGreaterThan(0);
    expect(recipients(wb)).toEqual([AMY, LINA, WANG, ZHANG].sort());
    const alert = uiState(wb.env).dialogs.at(-1)?.prompt ?? '';
    expect(alert).toContain('Emails sent: 5.');
    expect(alert).toContain('Every step ran.');
    const history = JSON.parse(propertiesState(wb.env).document.get('ct.run.history.0') ?? '[]') as {
      steps: { step: string }[];
    }[];
    expect(history[0].steps.map((s) => s.step)).toEqual(['poolRelease', 'reports', 'mail']);
  });
});

describe('sending that comes close to the limit', () => {
  const wb = teamWorkbook();
  wb.env.hooks.push((exec, method) => {
    // Each message takes almost two minutes: only three fit before the limit.
    if (exec.options.kind === 'timeDriven' && method === 'MailApp.sendEmail') wb.clock.advance(115_000);
  });
  fireTrigger(wb);

  test('stops before the limit and says the emails are left for the next run', () => {
    expect(mailState(wb.env).sent).toHaveLength(3);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('Stopped before the time limit; the next run finishes: Emails.');
  });

  test('Run now the same day sends the other two and nothing twice', () => {
    wb.menu('menuScheduleRunNow');
    expect(mailState(wb.env).sent).toHaveLength(5);
    expect(recipients(wb)).toEqual([AMY, LINA, WANG, ZHANG].sort());
  });
});

describe('the time-driven run', () => {
  const wb = teamWorkbook();
  const before = uiState(wb.env).dialogs.length;
  fireTrigger(wb);

  test('shows nothing: no alert, dialog or sidebar (getUi is refused there)', () => {
    expect(uiState(wb.env).dialogs.length).toBe(before);
    expect(uiState(wb.env).shown).toHaveLength(0);
  });
});

describe('Preview my email', () => {
  const wb = teamWorkbook();
  wb.menu('menuPreviewEmail', ZHANG);
  const shown = uiState(wb.env).shown.at(-1);

  test('shows 张伟 his own list in a dialog', () => {
    expect(shown?.kind).toBe('modalDialog');
    expect(shown?.title).toBe('Your email for 2026-03-02');
    expect(dialogText(wb)).toContain('Client Tracker: 张伟, 1 overdue, 1 due today (2026-03-02)');
    expect(dialogText(wb)).toContain('Acme');
    expect(dialogText(wb)).not.toContain('Gamma');
  });

  test('sends nothing', () => {
    expect(mailState(wb.env).sent).toHaveLength(0);
  });

  test('someone not on the Team tab is told so', () => {
    wb.menu('menuPreviewEmail', 'stranger@example.com');
    expect(uiState(wb.env).dialogs.at(-1)?.prompt).toBe(
      'Your address stranger@example.com is not on the confirmed Team, so you can only read here. Ask a director to add you to the Team tab and confirm the roles.',
    );
  });
});
