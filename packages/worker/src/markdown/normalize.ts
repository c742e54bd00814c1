/**
 * Input preparation for the Markdown renderer: clean the source text, and keep hostile input
 * from reaching micromark's super-linear paths. micromark needs seconds, not milliseconds, on
 * some 10 kB inputs (a single line of 5,000 nested `- ` list markers, or thousands of unmatched
 * emphasis delimiters); these inputs are never normal comments, so they are degraded to
 * literal text instead.
 */

/** Container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) one line may open before the rest is escaped. */
export const MAX_LINE_NESTING = 32;

/** Above this many `*`/`_` delimiter runs, emphasis is not parsed and the markers stay literal. */
export const MAX_EMPHASIS_RUNS = 1000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+/gm;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*]|\d{1,9}[.)])/y;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const EMPHASIS_RUN = /\*+|_+/g;

/**
 * Line endings to `\n`; C0/C1 controls other than tab and line feed removed; lone surrogates
 * replaced by U+FFFD; NFC. Nothing else changes, so leading and trailing whitespace survives.
 *
 * @example
 * normalizeSource('a\r\nb\u0000c'); // 'a\nbc'
 */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
}

/**
 * Escapes the container markers past `MAX_LINE_NESTING` on any line that opens more than that
 * many (they then read as text), leaving thematic breaks such as `- - -` alone.
 *
 * @example
 * limitNesting('- '.repeat(40) + 'x'); // '- '.repeat(32) + '\\- ' + '- '.repeat(7) + 'x'
 */
export function limitNesting(source: string): string {
  return source.replace(CONTAINER_PREFIX, (prefix, offset: number) => {
    let depth = 0;
    let index = 0;
    CONTAINER_MARKER.lastIndex = 0;
    while (CONTAINER_MARKER.exec(prefix) !== null) {
      if (++depth > MAX_LINE_NESTING) break;
      index = CONTAINER_MARKER.lastIndex;
    }
    if (depth <= MAX_LINE_NESTING) return prefix;
    const lineEnd = source.indexOf('\n', offset);
    if (THEMATIC_BREAK.test(source.slice(offset, lineEnd < 0 ? undefined : lineEnd))) return prefix;
    const rest = prefix.slice(index);
    const marker = rest.search(/\S/);
    // An ordered marker is escaped at its delimiter (`1\.`); the others at the marker itself.
    const at = /\d/.test(rest.charAt(marker)) ? rest.search(/[.)]/) : marker;
    return `${prefix.slice(0, index)}${rest.slice(0, at)}\\${rest.slice(at)}`;
  });
}

/**
 * Whether the source has so many emphasis delimiter runs that micromark's quadratic emphasis
 * matching would be slow; the renderer then turns emphasis off.
 */
export function hasTooManyEmphasisRuns(source: string): boolean {
  EMPHASIS_RUN.lastIndex = 0;
  let runs = 0;
  while (EMPHASIS_RUN.exec(source) !== null) {
    if (++runs > MAX_EMPHASIS_RUNS) return true;
  }
  return false;
}
