/**
 * What a real spreadsheet keeps but an .xlsx cannot: kept as JSON next to the workbook
 * (`<workbook>.ct-state.json`) so the workbook itself stays clean for Excel and LibreOffice.
 */
import { promises as fs } from 'fs';
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

/** The sidecar of this workbook, or null when there is none. */
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
    throw new Error(`${file} is not valid JSON; delete it to start the workbook's saved state afresh.`);
  }
  if (!isSidecar(data)) {
    throw new Error(`${file} is not a Client Tracker state file of version ${SIDECAR_VERSION}.`);
  }
  return data;
}

function isSidecar(data: unknown): data is Sidecar {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.version === SIDECAR_VERSION &&
    typeof d.timeZone === 'string' &&
    typeof d.locale === 'string' &&
    Array.isArray(d.sheets) &&
    Array.isArray(d.editors) &&
    Array.isArray(d.viewers)
  );
}

/** Writes the sidecar atomically: a temporary file in the same folder, then a rename. */
export async function writeSidecar(workbookPath: string, data: Sidecar): Promise<void> {
  await writeFileAtomic(sidecarPath(workbookPath), `${JSON.stringify(data, null, 2)}\n`);
}

async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  const temp = temporaryPath(file);
  try {
    await fs.writeFile(temp, content);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export function temporaryPath(file: string): string {
  return `${file}.tmp-${process.pid}`;
}
