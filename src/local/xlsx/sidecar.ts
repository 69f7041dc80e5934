/**
 * What a real spreadsheet keeps but an .xlsx cannot: kept as JSON next to the workbook
 * (`<workbook>.ct-state.json`) so the workbook itself stays clean for Excel and LibreOffice.
 */
import { promises as fs } from 'fs';
import { cliText, type CliMessage } from '../cli/messages';
import { commitFiles } from './commit';
import { findProblem, findServicesProblem, type SidecarProblem } from './sidecar-schema';
import type { ChartModel, DeveloperMetadataModel, ProtectionModel, ValidationRun } from '../emulator/model';

export const SIDECAR_VERSION = 1;

export interface SidecarSheet {
  /** sheets are matched by name: a tab renamed in Excel starts afresh */
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  protections: ProtectionModel[];
  charts: ChartModel[];
  developerMetadata: DeveloperMetadataModel[];
  /** rules Excel cannot hold (checkboxes, lists without a dropdown); applied over the workbook's own */
  validations: ValidationRun[];
}

export interface Sidecar {
  version: typeof SIDECAR_VERSION;
  timeZone: string;
  locale: string;
  spreadsheetId: string;
  spreadsheetName: string;
  editors: string[];
  viewers: string[];
  developerMetadata: DeveloperMetadataModel[];
  nextSheetId: number;
  nextObjectId: number;
  sheets: SidecarSheet[];
  /** the emulated services' own state (properties, triggers, mail sent), opaque here */
  services: unknown;
}

export function sidecarPath(workbookPath: string): string {
  return `${workbookPath}.ct-state.json`;
}

/** A sidecar that cannot be used, with one sentence (in the CLI's language) saying what is wrong. */
export class SidecarError extends Error {}

/** The sidecar of this workbook, or null when there is none. Anything malformed is a SidecarError. */
export async function readSidecar(workbookPath: string): Promise<Sidecar | null> {
  const file = sidecarPath(workbookPath);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SidecarError(cliText('sidecarNotJson', { file }));
  }
  const found = findProblem(data);
  if (found) {
    const version = (data as { version?: unknown } | null)?.version;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || version !== SIDECAR_VERSION) {
      throw new SidecarError(cliText('sidecarNotOurs', { file, version: SIDECAR_VERSION }));
    }
    throw new SidecarError(cliText('sidecarWrong', { file, where: found.where, problem: problemText(found) }));
  }
  return data as Sidecar;
}

/** Checks the sidecar's services part before the emulator imports it; a SidecarError names what is wrong. */
export function assertServices(workbookPath: string, services: unknown): void {
  const found = findServicesProblem(services);
  if (found) {
    const file = sidecarPath(workbookPath);
    throw new SidecarError(cliText('sidecarWrong', { file, where: found.where, problem: problemText(found) }));
  }
}

function problemText({ problem }: SidecarProblem): string {
  const key = `sidecar.${problem.kind}` as CliMessage;
  return cliText(
    key,
    problem.kind === 'other' || problem.kind === 'missing' || problem.kind === 'timeZone'
      ? {}
      : {
          expected: problem.kind === 'type' ? cliText(expectedKey(problem.expected)) : '',
          limit: problem.kind === 'atLeast' || problem.kind === 'atMost' ? problem.limit.toLocaleString('en-US') : '',
          options: problem.kind === 'oneOf' ? problem.options : '',
        },
  );
}

function expectedKey(expected: string): CliMessage {
  switch (expected) {
    case 'string':
      return 'sidecar.type.text';
    case 'number':
    case 'integer':
      return 'sidecar.type.number';
    case 'boolean':
      return 'sidecar.type.boolean';
    case 'array':
      return 'sidecar.type.list';
    default:
      return 'sidecar.type.object';
  }
}

/** Writes the sidecar on its own, as one change (commit.ts). The caller holds the workbook's lock. */
export async function writeSidecar(workbookPath: string, data: Sidecar): Promise<void> {
  await commitFiles(workbookPath, [{ path: sidecarPath(workbookPath), content: `${JSON.stringify(data, null, 2)}\n` }]);
}

export { temporaryPath } from './commit';
