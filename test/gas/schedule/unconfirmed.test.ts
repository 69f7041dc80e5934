/**
 * The run report names who the add-on did not act on as the Team tab says, because a director has not
 * confirmed the change yet (docs/roles.md): a new row gets no email, a row raised to Manager gets a
 * salesperson's list. Nobody is dropped in silence.
 */
import { addRows, editCells } from '../clients-fixture';
import { confirmTeamRoles } from '../../helpers/roles';
import { advance, dialogText, fireTrigger, recipients, teamWorkbook } from './fixture';

const NEW = 'newhire@example.com';

describe('Team rows waiting for a director', () => {
  const wb = teamWorkbook({
    clients: [
      { ID: 'C-1', Name: 'Acme', Owner: 'New Hire', 'Next follow-up': '2026-03-02' },
      { ID: 'C-2', Name: 'Beta', Owner: 'Amy', 'Next follow-up': '2026-03-02' },
    ],
  });
  wb.env.spreadsheet.editors.push(NEW);
  addRows(wb, 'Team', [{ Name: 'New Hire', Email: NEW, Role: 'Salesperson', Manager: 'Li Na', Digest: 'Yes' }]);
  const amyRow = wb.values('Team').findIndex((r) => r[0] === 'Amy') + 1;
  editCells(wb, 'Team', amyRow, 'Role', [['Manager']]);
  fireTrigger(wb);
  wb.menu('menuScheduleStatus');
  const report = dialogText(wb);

  test('a row added since the confirmation is not mailed, and the report says so and what to do', () => {
    expect(recipients(wb)).not.toContain(NEW);
    expect(report).toContain(
      'Not emailed until a director confirms the Team (Extensions ▸ Client Tracker ▸ Confirm Team roles): New Hire.',
    );
  });

  test('a role raised since the confirmation is mailed at the confirmed role, and the report says so', () => {
    expect(report).toContain(
      'Emailed at their confirmed role until a director confirms the change: Amy (Salesperson → Manager).',
    );
  });

  test('once a director confirms, the next run mails the new row and the notes are gone', () => {
    confirmTeamRoles(wb);
    advance(wb, 24);
    fireTrigger(wb);
    wb.menu('menuScheduleStatus');
    expect(recipients(wb)).toContain(NEW);
    expect(dialogText(wb)).not.toContain('until a director confirms');
  });
});
