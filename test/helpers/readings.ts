/**
 * Runs one end-to-end flow under every reading of Google's undocumented behaviour the emulator offers
 * (src/local/emulator/readings.ts): the emulator's own answers, each deployment mode, each reading
 * flipped alone to each of its other answers, and every unkind answer together (in both modes). The
 * flow returns what a user would notice (register, report tabs, emails); the caller asserts they are
 * the same under every reading.
 */
import {
  READINGS,
  READING_NAMES,
  type Assumptions,
  type DeploymentMode,
  type ReadingName,
  unkindReadings,
} from '../../src/local/emulator';

export interface ReadingCase {
  label: string;
  mode: DeploymentMode;
  readings: Assumptions;
}

/** Every case, the emulator's defaults first. `skip`: readings the flow cannot meaningfully run under. */
export function readingCases(opts: { skip?: readonly ReadingName[] } = {}): ReadingCase[] {
  const skip = new Set(opts.skip ?? []);
  const cases: ReadingCase[] = [
    { label: 'add-on, the emulator’s answers', mode: 'addon', readings: {} },
    { label: 'bound script, the emulator’s answers', mode: 'bound', readings: {} },
  ];
  for (const name of READING_NAMES) {
    if (skip.has(name)) continue;
    for (const value of READINGS[name].values) {
      if (value === READINGS[name].initial) continue;
      cases.push({ label: `${name}=${value}`, mode: 'addon', readings: { [name]: value } as Assumptions });
    }
  }
  const unkind = Object.fromEntries(
    Object.entries(unkindReadings()).filter(([name]) => !skip.has(name as ReadingName)),
  ) as Assumptions;
  cases.push({ label: 'add-on, every unkind answer', mode: 'addon', readings: unkind });
  cases.push({ label: 'bound script, every unkind answer', mode: 'bound', readings: unkind });
  return cases;
}

/**
 * Runs `flow` under each case and returns its outcome per case label; the first is the baseline.
 * Outcomes are compared as JSON, Dates by instant.
 */
export function underEachReading<T>(
  flow: (c: ReadingCase) => T,
  opts: { skip?: readonly ReadingName[] } = {},
): { cases: ReadingCase[]; outcomes: Map<string, T> } {
  const cases = readingCases(opts);
  const outcomes = new Map<string, T>();
  for (const c of cases) outcomes.set(c.label, flow(c));
  return { cases, outcomes };
}

/** Every outcome that differs from the baseline, as [label, outcome]; [] when all agree. */
export function disagreements<T>(outcomes: Map<string, T>): Array<[string, T]> {
  const [baseline, ...rest] = [...outcomes];
  const key = (v: T): string => JSON.stringify(v);
  return rest.filter(([, v]) => key(v) !== key(baseline[1]));
}
