/**
 * Lit's templates are `html` and `svg` tagged template literals, which esbuild's minifier leaves
 * as written: every line's indent ships to the page. The script-tag build (build.ts) drops the
 * spaces and tabs around each newline in their static text before esbuild reads the module.
 * The newlines stay, so nothing renders differently: HTML collapses a newline and spaces to one
 * space, and under `white-space: pre-line` (descriptions, a held comment's body) the newline
 * still breaks the line while the spaces it drops collapsed anyway. Interpolations are untouched.
 */
import ts from 'typescript';

const TAGS = new Set(['html', 'svg']);
const INDENT = /[ \t]*\n[ \t]*/g;

/** `source` with the indents in the static text of its `html` and `svg` literals dropped. */
export function squeezeHtmlLiterals(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end) of each piece of static text, after its opening `` ` `` or `}` and before its `${` or `` ` ``. */
  const texts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) {
        texts.push([template.getStart(file) + 1, template.end - 1]);
      } else {
        texts.push([template.head.getStart(file) + 1, template.head.end - 2]);
        for (const span of template.templateSpans) {
          const literal = span.literal;
          texts.push([literal.getStart(file) + 1, ts.isTemplateTail(literal) ? literal.end - 1 : literal.end - 2]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let last = 0;
  for (const [start, end] of texts.sort((a, b) => a[0] - b[0])) {
    out += source.slice(last, start) + source.slice(start, end).replace(INDENT, '\n');
    last = end;
  }
  return out + source.slice(last);
}
