/**
 * Lit's styles are `css` tagged template literals, which esbuild's minifier leaves as written:
 * every indent, newline and comment of a style sheet ships to the page. The script-tag build
 * (build.ts) squeezes the static text of each `css` literal before esbuild reads the module. It only drops
 * what CSS ignores — comments, and whitespace next to `{ } ; : , >` — and collapses other runs
 * of whitespace to one space; quoted strings and `${…}` interpolations stay exactly as written,
 * and spaces around `+`/`-` (which `calc()` needs) are kept.
 */

/** A `css` tag where an expression starts (`= css\``, `(css\``, `[css\``…), not a mention in a comment. */
const OPENING = /(?<=(?:[=(,[:]|\breturn)\s*)\bcss`/g;

/** `source` with the static text of every `css` literal minified. */
export function minifyCssLiterals(source: string): string {
  let out = '';
  let last = 0;
  for (const match of source.matchAll(OPENING)) {
    const start = (match.index ?? 0) + match[0].length;
    if (start < last) continue;
    const end = literalEnd(source, start);
    if (end < 0) return source;
    out += source.slice(last, start) + minifyParts(source.slice(start, end));
    last = end;
  }
  return out + source.slice(last);
}

/** The index of the closing backtick of the template literal whose text starts at `from`; -1 if none. */
function literalEnd(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (depth === 0 && ch === '`') return i;
    else if (depth === 0 && ch === '$' && source[i + 1] === '{') {
      depth = 1;
      i++;
    } else if (depth > 0 && ch === '{') depth++;
    else if (depth > 0 && ch === '}') depth--;
    else if (depth > 0 && ch === '`') return -1; // a template inside an interpolation: leave the file as it is
  }
  return -1;
}

/** Minifies the text between interpolations; the interpolations themselves are copied. */
function minifyParts(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('${', i);
    const textEnd = open < 0 ? body.length : open;
    out += minifyCss(body.slice(i, textEnd));
    if (open < 0) break;
    const close = interpolationEnd(body, open + 2);
    out += body.slice(open, close + 1);
    i = close + 1;
  }
  return out;
}

function interpolationEnd(body: string, from: number): number {
  let depth = 1;
  for (let i = from; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}' && --depth === 0) return i;
  }
  return body.length - 1;
}

/**
 * CSS text: comments out, whitespace squeezed, quoted strings untouched. Comments go first, as
 * they may hold an apostrophe (a string holding a comment is not something our styles do).
 */
export function minifyCss(text: string): string {
  const pieces = text.replace(/\/\*[\s\S]*?\*\//g, '').split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/);
  return pieces
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}
