/**
 * The daily run's steps other than the emails, each an operation another part of the add-on owns:
 * each takes the document lock itself, and each writes all of its output or none of it.
 */
import { releaseToPool } from '../pool-release';
import { refreshWorkbook } from '../refresh';
import { buildAllReports } from '../reports/build';
import type { StepName } from './state';

export function runStep(step: Exclude<StepName, 'mail'>): void {
  if (step === 'refresh') refreshWorkbook();
  else if (step === 'poolRelease') releaseToPool();
  else buildAllReports();
}
