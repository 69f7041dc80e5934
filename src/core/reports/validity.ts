/**
 * Report · Validity (seed 001's audit), by the domain rules' definition, over all time: a client is valid
 * if any attempt reached it (counted under the Result of its latest reached attempt), invalid if it
 * has attempts and none reached (counted under the Outcome of its latest attempt, by Date then row
 * order), and "not yet tried" without attempts. Per owner = the client's current Owner.
 */
import { t } from '../i18n';
import { type Outcome, type Result, codes, label } from '../lists';
import { header } from '../schema';
import { type ClientView, type ReportData, momentText, personLabel, roster } from './data';
import { type Cell, type ReportModel, section, share } from './model';

type Verdict = { kind: 'valid'; result: Result | null } | { kind: 'invalid'; outcome: Outcome } | { kind: 'untried' };

export function clientValidity(client: ClientView): Verdict {
  const attempts = client.attempts;
  if (attempts.length === 0) return { kind: 'untried' };
  for (let i = attempts.length - 1; i >= 0; i--) {
    if (attempts[i].outcome === 'reached') return { kind: 'valid', result: attempts[i].result };
  }
  return { kind: 'invalid', outcome: attempts[attempts.length - 1].outcome };
}

interface Tally {
  valid: number;
  invalid: number;
  untried: number;
}

function tally(): Tally {
  return { valid: 0, invalid: 0, untried: 0 };
}

export function validityReport(data: ReportData): ReportModel {
  const { lang, now, tz } = data.input;
  const team = tally();
  const byOwner = new Map<string, Tally>();
  const byOutcome = new Map<Outcome, number>();
  const byResult = new Map<Result | null, number>();
  for (const client of data.clients) {
    const v = clientValidity(client);
    let owner = byOwner.get(client.owner);
    if (!owner) byOwner.set(client.owner, (owner = tally()));
    team[v.kind]++;
    owner[v.kind]++;
    if (v.kind === 'valid') byResult.set(v.result, (byResult.get(v.result) ?? 0) + 1);
    if (v.kind === 'invalid') byOutcome.set(v.outcome, (byOutcome.get(v.outcome) ?? 0) + 1);
  }
  const tried = team.valid + team.invalid;
  const clientsCol = t(lang, 'report.col.clients');
  const summary = section(
    t(lang, 'report.validity.summary'),
    [
      [t(lang, 'report.col.category'), 'text'],
      [clientsCol, 'int'],
      [t(lang, 'report.col.shareOfTried'), 'percent'],
    ],
    [
      [t(lang, 'report.validity.valid'), team.valid, share(team.valid, tried)],
      [t(lang, 'report.validity.invalid'), team.invalid, share(team.invalid, tried)],
      [t(lang, 'report.validity.tried'), tried, share(tried, tried)],
      [t(lang, 'report.validity.untried'), team.untried, null],
    ],
  );
  const invalidOutcomes = codes('outcomes').filter((o) => o !== 'reached');
  const invalid = section(
    t(lang, 'report.validity.invalidByOutcome'),
    [
      [header('contacts', 'outcome', lang), 'text'],
      [clientsCol, 'int'],
      [t(lang, 'report.col.shareOfInvalid'), 'percent'],
    ],
    [
      ...invalidOutcomes.map((o): Cell[] => {
        const n = byOutcome.get(o) ?? 0;
        return [label('outcomes', o, lang), n, share(n, team.invalid)];
      }),
      [t(lang, 'report.validity.invalid'), team.invalid, share(team.invalid, team.invalid)],
    ],
    true,
  );
  const results: (Result | null)[] = [...codes('results'), ...(byResult.has(null) ? [null] : [])];
  const valid = section(
    t(lang, 'report.validity.validByResult'),
    [
      [header('contacts', 'result', lang), 'text'],
      [clientsCol, 'int'],
      [t(lang, 'report.col.shareOfValid'), 'percent'],
    ],
    [
      ...results.map((r): Cell[] => {
        const n = byResult.get(r) ?? 0;
        return [r === null ? t(lang, 'report.none') : label('results', r, lang), n, share(n, team.valid)];
      }),
      [t(lang, 'report.validity.valid'), team.valid, share(team.valid, team.valid)],
    ],
    true,
  );
  const ownerRow = (name: string, x: Tally): Cell[] => {
    const n = x.valid + x.invalid;
    return [name, n, x.valid, share(x.valid, n), x.invalid, share(x.invalid, n), x.untried];
  };
  const owners = roster(data, byOwner.keys(), false);
  const perOwner = section(
    t(lang, 'report.validity.byOwner'),
    [
      [header('clients', 'owner', lang), 'text'],
      [t(lang, 'report.validity.tried'), 'int'],
      [t(lang, 'report.validity.valid'), 'int'],
      [t(lang, 'report.col.validShare'), 'percent'],
      [t(lang, 'report.validity.invalid'), 'int'],
      [t(lang, 'report.col.invalidShare'), 'percent'],
      [t(lang, 'report.validity.untried'), 'int'],
    ],
    [
      ...owners.map((o) => ownerRow(personLabel(o, lang), byOwner.get(o) ?? tally())),
      ownerRow(t(lang, 'report.team'), team),
    ],
    true,
  );
  return {
    name: 'validity',
    lang,
    title: t(lang, 'menu.report.validity'),
    period: t(lang, 'report.period.allTime'),
    asOf: momentText(now, tz),
    notes: tried === 0 ? [t(lang, 'report.noContacts')] : [],
    sections: [summary, invalid, valid, perOwner],
    charts:
      tried === 0 ? [] : [{ kind: 'pie', title: t(lang, 'report.validity.summary'), section: 0, rows: 2, columns: 2 }],
  };
}
