/**
 * markdown-it without what the Worker's parser never runs (src/markdown/parser.ts: the
 * CommonMark preset plus linkify, no raw HTML, no images; our own renderer, src/markdown/render.ts):
 * its HTML renderer, the rules the preset leaves off (tables, strikethrough, typographic
 * replacements and quotes) and those parser.ts disables (images, HTML blocks and inline HTML).
 * markdown-it ships as one module, which esbuild cannot tree-shake by rule, so the production
 * bundle (scripts/bundle.ts) and the Worker's tests (test/worker-config.ts) read it through
 * `withoutUnusedMarkdownIt`: each such source region (`//#region src/….ts`) is replaced by a
 * stand-in of the same name that throws if it is ever called — a rule enabled later fails
 * loudly, never silently.
 */

/** markdown-it's module, as the bundle and Vite resolve it. */
export const MARKDOWN_IT_MODULE = /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/;

const UNAVAILABLE = 'bridgekitMarkdownItUnavailable';

/** Each left-out region of markdown-it's source, and what stands in for it. */
const STAND_INS: Record<string, string> = {
  'src/renderer.ts': `var Renderer = class { rules = {}; render() { ${UNAVAILABLE}(); } renderInline() { ${UNAVAILABLE}(); } };`,
  'src/rules_core/replacements.ts': `function replace() { ${UNAVAILABLE}(); }`,
  'src/rules_core/smartquotes.ts': `function smartquotes() { ${UNAVAILABLE}(); }`,
  'src/rules_block/table.ts': `function table() { ${UNAVAILABLE}(); }`,
  'src/common/html_blocks.ts': '',
  'src/common/html_re.ts': '',
  'src/rules_block/html_block.ts': `function html_block() { ${UNAVAILABLE}(); }`,
  'src/rules_inline/strikethrough.ts': `var strikethrough_default = { tokenize: ${UNAVAILABLE}, postProcess: ${UNAVAILABLE} };`,
  'src/rules_inline/image.ts': `function image() { ${UNAVAILABLE}(); }`,
  'src/rules_inline/html_inline.ts': `function html_inline() { ${UNAVAILABLE}(); }`,
};

const declared = (code: string) => [...code.matchAll(/^(?:var|let|const|function|class) ([\w$]+)/gm)].map(([, name]) => name as string);

/**
 * markdown-it's module source with the regions above replaced. Throws if markdown-it's source
 * no longer has them, or if what remains uses a name only a left-out region declared.
 */
export function withoutUnusedMarkdownIt(source: string): string {
  const removed: string[] = [];
  let out = source;
  for (const [region, standIn] of Object.entries(STAND_INS)) {
    const start = out.indexOf(`//#region ${region}\n`);
    const end = out.indexOf('//#endregion\n', start);
    if (start < 0 || end < 0) throw new Error(`markdown-it has no region ${region} any more: update scripts/markdown-it-trim.ts.`);
    const kept = new Set(declared(standIn));
    removed.push(...declared(out.slice(start, end)).filter((name) => !kept.has(name)));
    out = `${out.slice(0, start)}//#region ${region} (left out: scripts/markdown-it-trim.ts)\n${standIn}\n${out.slice(end)}`;
  }
  const stillUsed = removed.filter((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(out));
  if (stillUsed.length > 0) throw new Error(`markdown-it still uses ${stillUsed.join(', ')}: update scripts/markdown-it-trim.ts.`);
  return `${out}\nfunction ${UNAVAILABLE}() { throw new Error("This part of markdown-it is not in the Worker (scripts/markdown-it-trim.ts)."); }\n`;
}
