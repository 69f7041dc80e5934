/**
 * Lead grade A/B/C/D (seed 004), by the domain rules' ordered rule:
 * D without a confirmed need or an expected date; A with budget, decision maker and the expected
 * date within the A window; B with the decision maker within the B window; C otherwise.
 */
import { type DayKey, dayOf, daysBetween } from './dates';
import { type Message, message } from './i18n';
import type { Grade } from './lists';
import type { Settings } from './settings';

export interface GradeFacts {
  needConfirmed: boolean;
  budgetConfirmed: boolean;
  decisionMaker: boolean;
  expectedDate: DayKey | null;
  gradeOverride: Grade | null;
}

/** A client row's grade facts (its expected date as a day in the sheet's zone). */
export function gradeFactsOf(
  client: Pick<GradeFacts, 'needConfirmed' | 'budgetConfirmed' | 'decisionMaker' | 'gradeOverride'> & {
    expectedDate: Date | null;
  },
  tz: string,
): GradeFacts {
  return {
    needConfirmed: client.needConfirmed,
    budgetConfirmed: client.budgetConfirmed,
    decisionMaker: client.decisionMaker,
    expectedDate: dayOf(client.expectedDate, tz),
    gradeOverride: client.gradeOverride,
  };
}

export interface GradeResult {
  /** The grade that counts: the override when there is one. */
  grade: Grade;
  /** What the rule alone gives. */
  computed: Grade;
  overridden: boolean;
  /** Why, in order, as sentences for the client card. */
  reasons: Message[];
  /** Whole days from today to the expected date (a past date counts as 0); null without a date. */
  days: number | null;
}

export function gradeClient(
  facts: GradeFacts,
  settings: Pick<Settings, 'aWindow' | 'bWindow'>,
  today: DayKey,
): GradeResult {
  const { computed, reasons, days } = ruleGrade(facts, settings, today);
  if (facts.gradeOverride !== null) {
    return {
      grade: facts.gradeOverride,
      computed,
      overridden: true,
      reasons: [message('grade.overridden', { grade: facts.gradeOverride, computed }), ...reasons],
      days,
    };
  }
  return { grade: computed, computed, overridden: false, reasons, days };
}

function ruleGrade(
  facts: GradeFacts,
  settings: Pick<Settings, 'aWindow' | 'bWindow'>,
  today: DayKey,
): { computed: Grade; reasons: Message[]; days: number | null } {
  const days = facts.expectedDate === null ? null : Math.max(0, daysBetween(today, facts.expectedDate));
  if (!facts.needConfirmed || days === null) {
    const reasons: Message[] = [];
    if (!facts.needConfirmed) reasons.push(message('grade.needNotConfirmed'));
    if (days === null) reasons.push(message('grade.noExpectedDate'));
    return { computed: 'D', reasons, days };
  }
  const a = settings.aWindow;
  const b = settings.bWindow;
  if (facts.budgetConfirmed && facts.decisionMaker && days <= a) {
    return { computed: 'A', reasons: [message('grade.readyToSign', { days, window: a })], days };
  }
  if (facts.decisionMaker && days <= b) {
    const whyNotA = facts.budgetConfirmed
      ? message('grade.beyondA', { days, window: a })
      : message('grade.budgetNotConfirmed');
    return { computed: 'B', reasons: [message('grade.withinB', { days, window: b }), whyNotA], days };
  }
  const reasons: Message[] = [];
  if (!facts.decisionMaker) reasons.push(message('grade.noDecisionMaker'));
  if (days > b) reasons.push(message('grade.beyondB', { days, window: b }));
  return { computed: 'C', reasons, days };
}
