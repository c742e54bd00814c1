/**
 * A template definition typed as JSON on the templates screen: parsed, with where each path
 * (`fields.2.key`, as the Worker names its problems without `body.`) starts in the text, so a
 * problem is shown at its line; a syntax error says its line and column.
 */

/** Where something starts in the text: 1-based line and column, and the offset. */
export interface TextSpot {
  line: number;
  column: number;
  offset: number;
}

export type ParsedJson = { ok: true; value: unknown; spots: ReadonlyMap<string, number> } | { ok: false; message: string; at: TextSpot };

/** The line and column of `offset` in `text`. */
export function spotOf(text: string, offset: number): TextSpot {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

/**
 * Where `path` (dots, or the brackets of `fields[2].key`) starts — a property at its name — or,
 * for a property the text lacks, its nearest ancestor; the whole definition starts at its top.
 *
 * @example
 * spotOfPath(text, parsed.spots, 'fields.1.key'); // { line: 9, column: 7, offset: 184 }
 */
export function spotOfPath(text: string, spots: ReadonlyMap<string, number>, path: string): TextSpot {
  const segments = path
    .replace(/^body\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  for (let n = segments.length; n >= 0; n--) {
    const offset = spots.get(segments.slice(0, n).join('.'));
    if (offset !== undefined) return spotOf(text, offset);
  }
  return spotOf(text, 0);
}

class JsonSyntaxError extends Error {
  readonly expected: string;
  readonly offset: number;
  constructor(expected: string, offset: number) {
    super(expected);
    this.expected = expected;
    this.offset = offset;
  }
}

/** Parses `text` as JSON (by `JSON.parse`), recording where each path starts. */
export function parseJson(text: string): ParsedJson {
  const spots = new Map<string, number>();
  try {
    new Scanner(text, spots).document();
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const at = spotOf(text, err.offset);
    const found = err.offset >= text.length ? 'the end of the text' : `“${text.charAt(err.offset)}”`;
    return { ok: false, message: `Line ${at.line}, column ${at.column}: expected ${err.expected}, found ${found}.`, at };
  }
  return { ok: true, value: JSON.parse(text), spots };
}

const join = (path: string, segment: string | number) => (path ? `${path}.${segment}` : String(segment));
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON's grammar, to find where things are (the values come from `JSON.parse`). */
class Scanner {
  #i = 0;
  readonly text: string;
  readonly spots: Map<string, number>;
  constructor(text: string, spots: Map<string, number>) {
    this.text = text;
    this.spots = spots;
  }

  document(): void {
    this.#value('');
    this.#space();
    if (this.#i < this.text.length) this.#fail('the end of the definition');
  }

  #fail(expected: string): never {
    throw new JsonSyntaxError(expected, this.#i);
  }

  #space(): void {
    while (' \t\n\r'.includes(this.text.charAt(this.#i)) && this.#i < this.text.length) this.#i++;
  }

  #value(path: string): void {
    this.#space();
    if (!this.spots.has(path)) this.spots.set(path, this.#i);
    const c = this.text.charAt(this.#i);
    if (c === '{') this.#object(path);
    else if (c === '[') this.#array(path);
    else if (c === '"') this.#string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.#number();
    else this.#literal();
  }

  #object(path: string): void {
    this.#i++;
    this.#space();
    if (this.text.charAt(this.#i) === '}') {
      this.#i++;
      return;
    }
    for (;;) {
      this.#space();
      if (this.text.charAt(this.#i) !== '"') this.#fail('a property name in double quotes');
      const start = this.#i;
      const key = this.#string();
      this.spots.set(join(path, key), start);
      this.#space();
      if (this.text.charAt(this.#i) !== ':') this.#fail('“:”');
      this.#i++;
      this.#value(join(path, key));
      this.#space();
      const c = this.text.charAt(this.#i);
      this.#i++;
      if (c === '}') return;
      if (c !== ',') {
        this.#i--;
        this.#fail('“,” or “}”');
      }
    }
  }

  #array(path: string): void {
    this.#i++;
    this.#space();
    if (this.text.charAt(this.#i) === ']') {
      this.#i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.#value(join(path, index));
      this.#space();
      const c = this.text.charAt(this.#i);
      this.#i++;
      if (c === ']') return;
      if (c !== ',') {
        this.#i--;
        this.#fail('“,” or “]”');
      }
    }
  }

  #string(): string {
    const start = this.#i;
    this.#i++;
    for (;;) {
      if (this.#i >= this.text.length) this.#fail('“"” to end the text');
      const c = this.text.charAt(this.#i);
      if (c === '"') break;
      if (c < ' ') this.#fail('no line break inside a text (write \\n)');
      this.#i += c === '\\' ? 2 : 1;
    }
    this.#i++;
    try {
      return JSON.parse(this.text.slice(start, this.#i)) as string;
    } catch {
      this.#i = start;
      return this.#fail('a valid text (check its backslashes)');
    }
  }

  #number(): void {
    NUMBER.lastIndex = this.#i;
    const match = NUMBER.exec(this.text);
    if (!match) this.#fail('a number');
    this.#i += match[0].length;
  }

  #literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.#i)) {
        this.#i += word.length;
        return;
      }
    }
    this.#fail('a value (text in double quotes, a number, true, false, null, an object or a list)');
  }
}
