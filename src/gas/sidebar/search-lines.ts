/**
 * One field of the client index as text: one line per Clients row, kept in pieces of whole lines,
 * each small enough to be one CacheService value. Pure: no Apps Script here.
 *
 * Apps Script loads the script afresh for every call, so the JavaScript runs cold, and at 50,000
 * clients a loop that looks at every row of several columns costs more than a whole search should.
 * Whole-string operations run as engine code instead: one join turns a column into lines, one
 * indexOf finds a query among 50,000 names, and the pieces go into the cache and come back as they
 * are. A row is only looked at when it matched; a piece is only split into lines when a row in it is
 * needed.
 */

/** UTF-8 bytes per cached value, under CacheService's 100 KB (102,400 bytes). */
export const PIECE_BYTES = 100_000;
/**
 * Lines per piece, at most: a piece is split into an array when rows in it are needed, and an array
 * past 16,384 elements is a large object, whose allocation can stall a call after a big collection.
 */
const PIECE_LINES = 10_000;
/** A cell longer than this is cut to it in the index: a longer one could not fit in one piece. */
const MAX_LINE = 20_000;

const NON_ASCII = /[^\x00-\x7f]/;

/** Line breaks in text. */
function lineBreaks(text: string): number {
  return text.length - text.replace(/\n/g, '').length;
}

/** Line breaks in text[from, to): counted by hand over a short span, by the engine over a long one. */
function breaksBetween(text: string, from: number, to: number): number {
  if (to - from > 4096) return lineBreaks(text.slice(from, to));
  let n = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** Whether the line starting at `start` is exactly `value`. */
export function lineIs(text: string, start: number, value: string): boolean {
  const end = start + value.length;
  return text.startsWith(value, start) && (end === text.length || text.charCodeAt(end) === 10);
}

/** Characters in a piece starting at `from`: every UTF-16 unit of non-ASCII text may take 3 bytes. */
function pieceLength(text: string, from: number): number {
  return NON_ASCII.test(text.slice(from, from + PIECE_BYTES)) ? Math.floor(PIECE_BYTES / 3) : PIECE_BYTES;
}

/** `line` cut to MAX_LINE characters, not inside a surrogate pair. */
function shortened(line: string): string {
  const last = line.charCodeAt(MAX_LINE - 1);
  return line.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_LINE - 1 : MAX_LINE);
}

export class Lines {
  /** first line of each piece, and the total after the last */
  private readonly first: number[];
  private readonly split: (string[] | undefined)[];

  constructor(
    readonly pieces: readonly string[],
    /** lines in each piece (a piece '' is one empty line) */
    readonly counts: readonly number[],
  ) {
    this.first = [0];
    for (const n of counts) this.first.push(this.first[this.first.length - 1] + n);
    this.split = new Array<string[] | undefined>(pieces.length);
  }

  /**
   * Lines of text ('\n' between them), cut into pieces at line breaks; `rows` is 0 for no lines at
   * all (text '' is otherwise one empty line).
   */
  static of(whole: string, rows: number): Lines {
    const pieces: string[] = [];
    const counts: number[] = [];
    let text = whole;
    for (let from = 0; rows > 0 && from <= text.length;) {
      const size = pieceLength(text, from);
      let end = text.length - from <= size ? text.length : text.lastIndexOf('\n', from + size);
      if (end < from) {
        // One line longer than a piece: keep its start (a cell of tens of thousands of characters).
        const next = text.indexOf('\n', from);
        const stop = next < 0 ? text.length : next;
        text = text.slice(0, from) + shortened(text.slice(from, stop)) + text.slice(stop);
        continue;
      }
      let lines = lineBreaks(text.slice(from, end)) + 1;
      if (lines > PIECE_LINES) {
        // Short lines (owners, blank cells): fewer per piece, so that splitting one stays a small array.
        const shorter = text.lastIndexOf('\n', from + Math.floor(((end - from) * PIECE_LINES) / lines));
        end = shorter > from ? shorter : text.indexOf('\n', from);
        lines = lineBreaks(text.slice(from, end)) + 1;
      }
      pieces.push(text.slice(from, end));
      counts.push(lines);
      from = end + 1;
    }
    return new Lines(pieces, counts);
  }

  static blank(rows: number): Lines {
    return Lines.of(rows === 0 ? '' : '\n'.repeat(rows - 1), rows);
  }

  get rows(): number {
    return this.first[this.first.length - 1];
  }

  /** The same lines changed piece by piece (`f` keeps each line a line). */
  map(f: (piece: string) => string): Lines {
    return new Lines(this.pieces.map(f), this.counts);
  }

  /** Whether every piece still fits in one cache value (a change of case or width may lengthen text). */
  fits(): boolean {
    return this.pieces.every((p) => p.length <= pieceLength(p, 0));
  }

  whole(): string {
    return this.pieces.join('\n');
  }

  private piece(line: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.first[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line `line` (0 = row 2); '' past the end. */
  value(line: number): string {
    if (line < 0 || line >= this.rows) return '';
    const p = this.piece(line);
    let lines = this.split[p];
    if (lines === undefined) {
      lines = this.pieces[p].split('\n');
      this.split[p] = lines;
    }
    return lines[line - this.first[p]] ?? '';
  }

  /**
   * Each of `lines` (ascending) with its text. Each piece holding some of them is split once, only
   * up to the last one needed, and nothing of it is kept: a keystroke may need a few rows from every
   * piece, and holding 50,000 split lines makes every garbage collection during the call copy them.
   */
  eachOf(lines: ArrayLike<number>, visit: (line: number, value: string) => void): void {
    for (let i = 0; i < lines.length;) {
      const line = lines[i];
      if (line < 0 || line >= this.rows) {
        i++;
        continue;
      }
      const p = this.piece(line);
      const first = this.first[p];
      let last = i;
      while (last + 1 < lines.length && lines[last + 1] < this.first[p + 1]) last++;
      const split = this.pieces[p].split('\n', lines[last] - first + 1);
      for (let k = i; k <= last; k++) visit(lines[k], split[lines[k] - first] ?? '');
      i = last + 1;
    }
  }

  /**
   * Every line containing `needle`, in order, each once, with its piece and where it starts there.
   * Each piece is searched whole; lines are only counted between hits.
   */
  eachWith(needle: string, visit: (line: number, piece: string, start: number, at: number) => void): void {
    if (needle === '' || needle.includes('\n')) return;
    this.pieces.forEach((text, p) => {
      let line = this.first[p];
      let counted = 0;
      let at = text.indexOf(needle);
      while (at >= 0) {
        const start = text.lastIndexOf('\n', at) + 1;
        line += breaksBetween(text, counted, start);
        counted = start;
        visit(line, text, start, at);
        const end = text.indexOf('\n', at + needle.length);
        if (end < 0) break;
        at = text.indexOf(needle, end + 1);
      }
    });
  }

  /** The first line equal to `value`, or -1. */
  find(value: string): number {
    let found = -1;
    this.eachWith(value, (line, text, start) => {
      if (found < 0 && lineIs(text, start, value)) found = line;
    });
    return found;
  }

  /** Lines with no text at all. */
  blanks(): Set<number> {
    const found = new Set<number>();
    this.pieces.forEach((text, p) => {
      const first = this.first[p];
      if (text === '' || text.startsWith('\n')) found.add(first);
      if (text.endsWith('\n')) found.add(this.first[p + 1] - 1);
      let line = first;
      let counted = 0;
      for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) {
        line += breaksBetween(text, counted, at + 1);
        counted = at + 1;
        found.add(line);
      }
    });
    return found;
  }

  /** A copy with line `line` set to `value` (which holds no line break), blank lines added up to it. */
  with(line: number, value: string): Lines {
    const rows = Math.max(this.rows, line + 1);
    const all = Array.from({ length: rows }, (_, i) => this.value(i));
    all[line] = value;
    return Lines.of(all.join('\n'), rows);
  }
}
