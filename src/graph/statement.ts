/**
 * Statements as data: Cypher held as pieces of text, references to parameters, the variable a start
 * names its nodes by, and the columns a statement returns. A store sends a statement's text; where it
 * sends several together (`combine`), it renames their parameters and shares their starts from these
 * pieces, and never reads the Cypher back.
 */

/** A plain JavaScript value as both engines' results are turned into. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, Value | undefined>;

/** A reference to the parameter `name` (`$name`). */
export interface Param {
  readonly param: string;
}

/** The columns a `RETURN` gives: each an expression and the name it is returned as. */
export interface Columns {
  readonly columns: ReadonlyArray<readonly [expression: string, name: string]>;
}

/** Where a start's clause names the nodes it finds: the statement built on it says as what. */
export const NODES = Symbol('the nodes a start finds');

type Piece = string | Param | Columns | typeof NODES;

type Hole = string | number | Param | Columns | Cypher | typeof NODES;

/** Cypher as pieces. Nested Cypher is flattened into them as it is built. */
export class Cypher {
  private constructor(readonly pieces: readonly Piece[]) {}

  /** Cypher from a template: text, with `param()`s, `returns()`, `NODES`, other Cypher and numbers in its holes. */
  static of(strings: TemplateStringsArray, ...holes: readonly Hole[]): Cypher {
    return Cypher.from(strings.flatMap((text, i) => (i < holes.length ? [text, holes[i]!] : [text])));
  }

  /** Cypher joined by a separator (`', '`, `' UNION ALL '`). */
  static join(parts: readonly Cypher[], separator: string): Cypher {
    return Cypher.from(parts.flatMap((part, i) => (i ? [separator, part] : [part])));
  }

  /** The pieces of these holes in order, adjacent text in one piece. */
  private static from(holes: readonly Hole[]): Cypher {
    const pieces: Piece[] = [];
    const add = (piece: Piece) => {
      const last = pieces.length - 1;
      if (typeof piece === 'string' && typeof pieces[last] === 'string') pieces[last] += piece;
      else if (piece !== '') pieces.push(piece);
    };
    for (const hole of holes) {
      if (hole instanceof Cypher) hole.pieces.forEach(add);
      else add(typeof hole === 'number' ? String(hole) : hole);
    }
    return new Cypher(pieces);
  }

  /**
   * The text: each parameter as `rename` names it, a start's nodes as `nodes`. Columns whose name is their
   * expression are returned bare (`RETURN key`).
   */
  text(rename: (param: string) => string = (param) => param, nodes = 'n'): string {
    return this.pieces
      .map((piece) => {
        if (typeof piece === 'string') return piece;
        if (piece === NODES) return nodes;
        if ('param' in piece) return `$${rename(piece.param)}`;
        return piece.columns.map(([expression, name]) => (expression === name ? name : `${expression} AS ${name}`)).join(', ');
      })
      .join('');
  }

  /** The columns of its last `returns()`: what each row holds. */
  columns(): string[] {
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const piece = this.pieces[i]!;
      if (typeof piece === 'object' && 'columns' in piece) return piece.columns.map(([, name]) => name);
    }
    return [];
  }

  /** The same Cypher with a start's nodes named `nodes`. */
  naming(nodes: string): Cypher {
    return new Cypher(this.pieces.map((piece) => (piece === NODES ? nodes : piece)));
  }
}

/** Cypher from a template (see `Cypher.of`). */
export function cypher(strings: TemplateStringsArray, ...holes: readonly Hole[]): Cypher {
  return Cypher.of(strings, ...holes);
}
/** A reference to a parameter. */
export const param = (name: string): Param => ({ param: name });
/** The columns of a `RETURN`. */
export const returns = (...columns: ReadonlyArray<readonly [expression: string, name: string]>): Columns => ({ columns });

/**
 * A statement: its Cypher and text (built once), the columns it returns and, when it goes on from the
 * nodes a start finds, that start (a clause naming its nodes `NODES`), the variable it names them and
 * the rest of the statement. Reads of a batch built on one start with the same parameters find its
 * nodes once (a page of a list is filtered and sorted once for the page and every field read from it).
 */
export interface Statement {
  readonly text: string;
  readonly cypher: Cypher;
  readonly columns: readonly string[];
  readonly start?: { readonly clause: Cypher; readonly variable: string; readonly rest: Cypher; readonly key: string };
}

/** A statement of this Cypher. */
export function statement(whole: Cypher): Statement {
  return { text: whole.text(), cypher: whole, columns: whole.columns() };
}

/** A statement going on from the nodes `clause` finds, named `variable`, with `rest`. */
export function statementOn(clause: Cypher, variable: string, rest: Cypher): Statement {
  const whole = cypher`${clause.naming(variable)} ${rest}`;
  return { ...statement(whole), start: { clause, variable, rest, key: clause.text() } };
}

/** A statement and the parameters it is sent with. */
export interface Read {
  readonly statement: Statement;
  readonly params?: Params;
}
