/**
 * A small formula evaluator, so the emulator and the playground show what Sheets would today for the
 * formulas the add-on writes: conditional-format rules (src/gas/highlight.ts) and the register's
 * Follow-up state column (one ARRAYFORMULA in its header cell, core/follow-up-formula.ts). It reads
 * numbers, strings, booleans, cell references (relative parts shift per cell), whole-column ranges
 * (`B:B`, `B2:B`), comparisons, & + - * /, omitted arguments, and AND, OR, NOT, N, ISNUMBER,
 * ISBLANK, INT, TODAY, IF, ROW, FIND, LOWER, SUBSTITUTE and ARRAYFORMULA. Errors are
 * thrown (#VALUE! …) and caught by ISNUMBER as Sheets' ISNUMBER does.
 *
 * ARRAYFORMULA is evaluated one output row at a time: a column range stands for its cell in that
 * row, which is what Sheets gives for element-wise functions and operators. Functions that fold a
 * range into one value (AND, OR over a column) are refused rather than guessed. Anything else makes
 * the formula fail (a rule does not apply, a cell shows nothing), never a crash.
 */

/** A cell's value as formulas see it: dates as day serials, null for an empty cell. */
export type FormulaValue = number | string | boolean | null;

export interface FormulaScope {
  /** the value of a cell, 1-based */
  cell(row: number, col: number): FormulaValue;
  /** today's date serial in the spreadsheet's time zone */
  today: number;
}

/** Where the formula is evaluated: the cell's own row, and the output row inside an ARRAYFORMULA. */
interface Position {
  dr: number;
  dc: number;
  /** 1-based row of the cell the formula sits in (its anchor for an ARRAYFORMULA) */
  anchorRow: number;
  /** 0-based output row of the ARRAYFORMULA being evaluated; null outside one */
  arrayRow: number | null;
}

type Node =
  | { kind: 'literal'; value: FormulaValue }
  | { kind: 'ref'; row: number; col: number; absRow: boolean; absCol: boolean }
  /** a whole column from `fromRow` down: B:B (from 1) or B2:B */
  | { kind: 'column'; col: number; fromRow: number }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+'; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export interface Formula {
  /** evaluates for the cell `rowOffset` rows and `colOffset` columns from the one it was written for */
  evaluate(scope: FormulaScope, rowOffset: number, colOffset: number): FormulaValue;
  /**
   * For a formula in a cell of row `anchorRow` whose top level is ARRAYFORMULA: its value in output
   * row `arrayRow` (0 = the anchor's own row). Throws for a formula that is not an ARRAYFORMULA.
   */
  evaluateArray(scope: FormulaScope, anchorRow: number, arrayRow: number): FormulaValue;
  readonly isArray: boolean;
  /**
   * No reference moves with the column ($N2, not N2): the value is the same in every cell of a row,
   * so a highlighting rule over a whole row needs one evaluation per row.
   */
  readonly sameInEveryColumn: boolean;
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Za-z]{1,3}\$?\d*:\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(])|(\$?[A-Za-z]{1,3}\$?\d+)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/&=<>(),^]))/y;

type Token = { type: 'number' | 'string' | 'column' | 'ref' | 'name' | 'op'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`Cannot read the formula at “${source.slice(at)}”`);
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: 'number', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'string', text: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ type: 'column', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ type: 'ref', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ type: 'name', text: m[5] });
    else tokens.push({ type: 'op', text: m[6] });
  }
  return tokens;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new Error(`Unexpected “${this.tokens[this.i].text}”`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private takeOp(ops: ReadonlySet<string> | readonly string[]): string | null {
    const token = this.peek();
    const list = ops instanceof Set ? ops : new Set(ops);
    if (token?.type === 'op' && list.has(token.text)) {
      this.i++;
      return token.text;
    }
    return null;
  }

  private expect(op: string): void {
    if (!this.takeOp([op])) throw new Error(`Expected “${op}”`);
  }

  private comparison(): Node {
    let left = this.concat();
    for (let op = this.takeOp(COMPARISONS); op; op = this.takeOp(COMPARISONS)) {
      left = { kind: 'binary', op, left, right: this.concat() };
    }
    return left;
  }

  private concat(): Node {
    let left = this.additive();
    for (let op = this.takeOp(['&']); op; op = this.takeOp(['&']))
      left = { kind: 'binary', op, left, right: this.additive() };
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    for (let op = this.takeOp(['+', '-']); op; op = this.takeOp(['+', '-'])) {
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.unary();
    for (let op = this.takeOp(['*', '/']); op; op = this.takeOp(['*', '/'])) {
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    const op = this.takeOp(['-', '+']);
    return op ? { kind: 'unary', op: op as '-' | '+', arg: this.unary() } : this.primary();
  }

  /** An argument; an omitted one (`IF(a,,b)`) is an empty value. */
  private argument(): Node {
    const next = this.peek();
    if (next?.type === 'op' && (next.text === ',' || next.text === ')')) return { kind: 'literal', value: null };
    return this.comparison();
  }

  private primary(): Node {
    const token = this.tokens[this.i++];
    if (!token) throw new Error('The formula ends too early');
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.text) };
      case 'string':
        return { kind: 'literal', value: token.text };
      case 'column': {
        const m = /^\$?([A-Za-z]+)\$?(\d*):\$?([A-Za-z]+)$/.exec(token.text) as RegExpExecArray;
        if (m[1].toUpperCase() !== m[3].toUpperCase())
          throw new Error(`Only one-column ranges are read: ${token.text}`);
        return { kind: 'column', col: columnNumber(m[1]), fromRow: m[2] === '' ? 1 : Number(m[2]) };
      }
      case 'ref': {
        const m = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(token.text) as RegExpExecArray;
        return { kind: 'ref', absCol: m[1] === '$', col: columnNumber(m[2]), absRow: m[3] === '$', row: Number(m[4]) };
      }
      case 'name': {
        const name = token.text.toUpperCase();
        if (this.takeOp(['('])) {
          const args: Node[] = [];
          if (!this.takeOp([')'])) {
            do args.push(this.argument());
            while (this.takeOp([',']));
            this.expect(')');
          }
          return { kind: 'call', name, args };
        }
        if (name === 'TRUE' || name === 'FALSE') return { kind: 'literal', value: name === 'TRUE' };
        throw new Error(`Unknown name ${token.text}`);
      }
      default:
        if (token.text === '(') {
          const inner = this.comparison();
          this.expect(')');
          return inner;
        }
        throw new Error(`Unexpected “${token.text}”`);
    }
  }
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function parseFormula(source: string): Formula {
  const root = new Parser(tokenize(source.replace(/^=/, ''))).parse();
  const isArray = root.kind === 'call' && root.name === 'ARRAYFORMULA';
  return {
    isArray,
    sameInEveryColumn: !someNode(root, (n) => n.kind === 'ref' && !n.absCol),
    evaluate: (scope, dr, dc) => evaluate(root, scope, { dr, dc, anchorRow: 0, arrayRow: null }),
    evaluateArray: (scope, anchorRow, arrayRow) => {
      if (!isArray) throw new Error('Not an ARRAYFORMULA');
      return evaluate(root, scope, { dr: 0, dc: 0, anchorRow, arrayRow });
    },
  };
}

/** Whether `test` holds for the node or any node inside it. */
function someNode(node: Node, test: (n: Node) => boolean): boolean {
  if (test(node)) return true;
  switch (node.kind) {
    case 'call':
      return node.args.some((a) => someNode(a, test));
    case 'unary':
      return someNode(node.arg, test);
    case 'binary':
      return someNode(node.left, test) || someNode(node.right, test);
    default:
      return false;
  }
}

function hasColumn(node: Node): boolean {
  return someNode(node, (n) => n.kind === 'column');
}

function toNumber(value: FormulaValue): number {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n)) throw new Error('#VALUE!');
  return n;
}

function toBoolean(value: FormulaValue): boolean {
  if (typeof value === 'string') {
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    throw new Error('#VALUE!');
  }
  return toNumber(value) !== 0;
}

const TYPE_RANK = { number: 0, string: 1, boolean: 2 } as const;

/** Sheets' ordering: an empty cell acts as 0, "" or FALSE beside the other side; numbers < text < booleans. */
function compare(a: FormulaValue, b: FormulaValue): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (typeof a !== typeof b) {
    return TYPE_RANK[typeof a as keyof typeof TYPE_RANK] - TYPE_RANK[typeof b as keyof typeof TYPE_RANK];
  }
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function evaluate(node: Node, scope: FormulaScope, at: Position): FormulaValue {
  const ev = (n: Node): FormulaValue => evaluate(n, scope, at);
  const { dr, dc } = at;
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return scope.cell(node.absRow ? node.row : node.row + dr, node.absCol ? node.col : node.col + dc);
    case 'column':
      // Outside ARRAYFORMULA a range is not one value (Sheets would take the cell in the same row; not needed here).
      if (at.arrayRow === null) throw new Error('#VALUE!');
      return scope.cell(node.fromRow + at.arrayRow, node.col);
    case 'unary':
      return node.op === '-' ? -toNumber(ev(node.arg)) : toNumber(ev(node.arg));
    case 'binary': {
      const left = ev(node.left);
      const right = ev(node.right);
      if (COMPARISONS.has(node.op)) {
        const c = compare(left, right);
        return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[node.op] as boolean;
      }
      if (node.op === '&') return `${text(left)}${text(right)}`;
      const [x, y] = [toNumber(left), toNumber(right)];
      if (node.op === '/' && y === 0) throw new Error('#DIV/0!');
      return node.op === '+' ? x + y : node.op === '-' ? x - y : node.op === '*' ? x * y : x / y;
    }
    case 'call':
      return callFunction(node.name, node.args, ev, scope, at);
  }
}

function text(value: FormulaValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function callFunction(
  name: string,
  args: Node[],
  ev: (n: Node) => FormulaValue,
  scope: FormulaScope,
  at: Position,
): FormulaValue {
  if ((name === 'AND' || name === 'OR') && at.arrayRow !== null && args.some(hasColumn)) {
    // Sheets folds every row of a range into one AND/OR: not element-wise, so not evaluated row by row.
    throw new Error(`${name} over a range inside ARRAYFORMULA is not evaluated`);
  }
  switch (name) {
    case 'AND':
      return args.every((a) => toBoolean(ev(a)));
    case 'OR':
      return args.some((a) => toBoolean(ev(a)));
    case 'IF':
      if (args.length < 2 || args.length > 3) throw new Error('#N/A IF takes 2 or 3 arguments');
      return toBoolean(ev(args[0])) ? ev(args[1]) : args.length === 3 ? ev(args[2]) : false;
    case 'ARRAYFORMULA':
      if (args.length !== 1) throw new Error('#N/A ARRAYFORMULA takes 1 argument');
      return ev(args[0]);
    case 'ROW': {
      if (args.length === 0) return at.arrayRow === null ? at.anchorRow + at.dr : at.anchorRow + at.arrayRow;
      const target = args[0];
      if (target.kind === 'ref') return target.absRow ? target.row : target.row + at.dr;
      if (target.kind === 'column') {
        if (at.arrayRow === null) return target.fromRow;
        return target.fromRow + at.arrayRow;
      }
      throw new Error('#N/A ROW takes a reference');
    }
    case 'NOT':
      return !toBoolean(ev(args[0]));
    case 'N': {
      const v = ev(args[0]);
      return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
    }
    case 'ISNUMBER':
      try {
        return typeof ev(args[0]) === 'number';
      } catch {
        return false; // an error is not a number
      }
    case 'ISBLANK':
      return ev(args[0]) === null;
    case 'INT':
      return Math.floor(toNumber(ev(args[0])));
    case 'TODAY':
      return scope.today;
    case 'LOWER':
      return text(ev(args[0])).toLowerCase();
    case 'SUBSTITUTE': {
      const [within, find, by] = args.map((a) => text(ev(a)));
      return find === '' ? within : within.split(find).join(by);
    }
    case 'FIND': {
      // FIND(needle, haystack): the 1-based position, case-sensitive; #VALUE! when absent.
      const found = text(ev(args[1])).indexOf(text(ev(args[0])));
      if (found < 0) throw new Error('#VALUE!');
      return found + 1;
    }
    default:
      throw new Error(`#NAME? ${name}`);
  }
}
