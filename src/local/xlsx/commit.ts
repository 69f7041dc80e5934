/**
 * Several files replaced as one: the workbook, its sidecar and the .eml files of the mail the run
 * sent either all change or none does, whenever the process stops (an error, Ctrl+C, a kill, a power
 * cut). Each new file is written (and flushed to disk) as a temporary file beside its target; a
 * journal next to the workbook (`FILE.xlsx.ct-journal.json`) lists them, first as "writing", then,
 * once every temporary file is complete, as "commit"; then each is renamed over its target and the
 * journal removed. The next command on the workbook, holding its lock, finishes a committed save
 * (renames what is left) or discards an uncommitted one (removes its temporary files), so no
 * temporary file outlives the command after an interruption, and the mail ledger in the sidecar and
 * the .eml files in the outbox can never disagree.
 */
import { promises as fs, existsSync, readdirSync, renameSync, rmSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crashPoint } from '../crash-point';

export interface FileWrite {
  path: string;
  content: string | Buffer;
}

interface JournalEntry {
  target: string;
  temp: string;
}

interface Journal {
  version: 1;
  state: 'writing' | 'commit';
  files: JournalEntry[];
}

/** What recovery did with an interrupted save. */
export interface Recovery {
  /** the save had been committed: these files were put in place */
  finished: string[];
  /** the save had not been committed: this many temporary files were removed */
  discarded: number;
}

export function journalPath(anchor: string): string {
  return `${anchor}.ct-journal.json`;
}

/** The temporary file a new version of `file` is written to before it replaces `file`. */
export function temporaryPath(file: string): string {
  return `${file}.tmp-${process.pid}`;
}

/** Writes all `files` or none of them. The caller holds the workbook's lock. */
export async function commitFiles(anchor: string, files: readonly FileWrite[]): Promise<void> {
  const entries = files.map((f) => {
    const target = path.resolve(f.path);
    return { target, temp: temporaryPath(target) };
  });
  for (const { target } of entries) await assertReplaceable(target);
  await writeJournal(anchor, { version: 1, state: 'writing', files: entries });
  crashPoint();
  try {
    for (const [i, file] of files.entries()) {
      await fs.mkdir(path.dirname(entries[i].target), { recursive: true });
      await writeDurably(entries[i].temp, file.content);
      crashPoint();
    }
    await writeJournal(anchor, { version: 1, state: 'commit', files: entries });
  } catch (error) {
    await Promise.all(entries.map((e) => fs.rm(e.temp, { force: true })));
    await fs.rm(journalPath(anchor), { force: true });
    throw error;
  }
  crashPoint();
  for (const { temp, target } of entries) {
    await fs.rename(temp, target);
    crashPoint();
  }
  await fs.rm(journalPath(anchor), { force: true });
}

/** A rename onto a folder fails: find that out before anything is committed. */
async function assertReplaceable(target: string): Promise<void> {
  const stat = await fs.lstat(target).catch(() => null);
  if (stat?.isDirectory()) throw new Error(`Cannot save ${target}: a folder has that name.`);
}

async function writeDurably(file: string, content: string | Buffer): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The journal itself is replaced atomically: a reader sees the old one or the new one, never half. */
async function writeJournal(anchor: string, journal: Journal): Promise<void> {
  const file = journalPath(anchor);
  await writeDurably(`${file}.tmp`, JSON.stringify(journal));
  await fs.rename(`${file}.tmp`, file);
}

function readJournal(anchor: string): Journal | null {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(journalPath(anchor), 'utf8'));
  } catch {
    return null;
  }
  const j = data as Partial<Journal>;
  const entryOk = (e: unknown): e is JournalEntry =>
    typeof e === 'object' &&
    e !== null &&
    typeof (e as JournalEntry).target === 'string' &&
    typeof (e as JournalEntry).temp === 'string';
  if ((j.state !== 'writing' && j.state !== 'commit') || !Array.isArray(j.files) || !j.files.every(entryOk)) {
    return null;
  }
  return j as Journal;
}

/**
 * Finishes or discards a save that was interrupted, and removes temporary files an interrupted save
 * left beside the workbook and its sidecar. The caller holds the workbook's lock. Null when there was
 * nothing to do.
 */
export function recoverInterruptedSave(anchor: string, alsoBeside: readonly string[] = []): Recovery | null {
  const journal = readJournal(anchor);
  const recovery: Recovery = { finished: [], discarded: 0 };
  if (journal?.state === 'commit') {
    for (const { temp, target } of journal.files) {
      if (!existsSync(temp)) continue;
      renameSync(temp, target);
      recovery.finished.push(target);
    }
  } else if (journal) {
    for (const { temp } of journal.files) {
      if (!existsSync(temp)) continue;
      rmSync(temp, { force: true });
      recovery.discarded++;
    }
  }
  rmSync(journalPath(anchor), { force: true });
  rmSync(`${journalPath(anchor)}.tmp`, { force: true });
  // Temporary files with no journal: from a save interrupted before its journal was written.
  for (const file of [anchor, ...alsoBeside]) {
    const dir = path.dirname(path.resolve(file));
    const prefix = `${path.basename(file)}.tmp-`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      rmSync(path.join(dir, name), { force: true });
      recovery.discarded++;
    }
  }
  return journal || recovery.discarded > 0 ? recovery : null;
}
