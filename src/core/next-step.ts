/**
 * The next step (由谁跟, 什么时候跟, 跟什么内容): which one is in force, whoever entered it. The step
 * in force is the one set most recently, by the date of the contact or the typed edit that set it; a
 * contact dated before that never replaces it (docs/rule-path.md).
 */
import { proposeNextFollowUp } from './cadence';
import type { DayKey } from './dates';
import type { Grade } from './lists';
import type { Settings } from './settings';

export interface NextStep {
  day: DayKey;
  owner: string;
  topic: string;
}

/** What a contact says about the next step. */
export interface StepFacts {
  /** The contact's own day. */
  day: DayKey;
  reached: boolean;
  nextFollowUp: DayKey | null;
  nextOwner: string;
  nextTopic: string;
}

/**
 * The step a contact sets, or null when it leaves the step as it was: a reached contact with no next
 * date gets the contact's day + the grade's interval; an unreached attempt with no next date sets none
 * (a proposed retry date is only a proposal until someone saves it).
 */
export function stepFromContact(
  contact: StepFacts,
  grade: Grade,
  clientOwner: string,
  settings: Settings,
  fallbackOwner = '',
): NextStep | null {
  const day = contact.nextFollowUp ?? (contact.reached ? proposeNextFollowUp(contact.day, grade, settings) : null);
  if (day === null) return null;
  return { day, owner: contact.nextOwner || clientOwner || fallbackOwner, topic: contact.nextTopic };
}

/**
 * Whether what a contact dated `ms` gives (a stage, a next step) replaces what was set at `setMs`
 * (Stage set, Next step set; null: nobody recorded when): at or after it, yes; before it, never.
 */
export function replaces(ms: number, setMs: number | null): boolean {
  return setMs === null || ms >= setMs;
}

/** A step as one line of the Changes tab: "2026-03-05 · Amy Liu · send the quote". */
export function stepText(step: { day: DayKey | null; owner: string; topic: string }): string {
  if (step.day === null && step.owner === '' && step.topic === '') return '';
  return [step.day ?? '', step.owner, step.topic].filter((part) => part !== '').join(' · ');
}
