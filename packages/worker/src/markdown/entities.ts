/**
 * markdown-it's HTML entity decoding without the `entities` package's table in the bundle (it
 * was 15 KB of the Worker's gzip size): wrangler.jsonc aliases `entities` to this module, and the
 * table — every named reference of the HTML standard, written by the build from the `entities`
 * package itself (scripts/html-entities.ts) — is a static asset, read once per isolate before
 * the first API request renders anything (app.ts). markdown-it calls only `decodeHTMLStrict`,
 * with one `&name;` or `&#…;` at a time; like the package's, it decodes references that end in
 * `;` only, and numeric ones by the HTML standard (NUL, surrogates and values past U+10FFFF
 * become U+FFFD, C1 controls their Windows-1252 characters).
 */

/** Where the build puts the table among the static assets. */
export const HTML_ENTITIES_ASSET = '/md/html-entities.json';

/** The named references without `&` and `;`, and the text each stands for. */
export type HtmlEntityTable = Readonly<Record<string, string>>;

let table: ReadonlyMap<string, string> | undefined;
let loading: Promise<void> | undefined;

/**
 * Reads the table from the static assets, once per isolate (again after a failed read).
 *
 * @example
 * await loadHtmlEntities(env.ASSETS);
 * renderMarkdown('&copy; 2026'); // '<p>© 2026</p>'
 */
export function loadHtmlEntities(assets: { fetch(url: string): Promise<Response> }): Promise<void> {
  if (table) return Promise.resolve();
  loading ??= (async () => {
    const res = await assets.fetch(`https://assets.invalid${HTML_ENTITIES_ASSET}`);
    if (!res.ok) throw new Error(`The HTML entity table is not among the static assets (${res.status}); build them with pnpm build.`);
    useHtmlEntities((await res.json()) as HtmlEntityTable);
  })().finally(() => {
    loading = undefined;
  });
  return loading;
}

/** Installs `entries` as the table (the asset's contents; Node scripts pass the package's). */
export function useHtmlEntities(entries: HtmlEntityTable): void {
  table = new Map(Object.entries(entries));
}

// Code points 128–159 as the HTML standard reads them (Windows-1252); 0 keeps the code point.
const C1 = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482,
  353, 8250, 339, 0, 382, 376,
];

function numeric(digits: string, radix: number): string {
  // Past U+10FFFF the exact value does not matter: it becomes U+FFFD.
  const cp = digits.replace(/^0+/, '').length > 8 ? 0x110000 : Number.parseInt(digits, radix);
  if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return '\uFFFD';
  return String.fromCodePoint(cp >= 128 && cp <= 159 ? C1[cp - 128] || cp : cp);
}

const REFERENCE = /&(?:#(?:[xX]([0-9a-fA-F]+)|([0-9]+))|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * `input` with its character references that end in `;` decoded (the `entities` package's
 * function of that name, for markdown-it).
 *
 * @example
 * decodeHTMLStrict('&amp;'); // '&'
 */
export function decodeHTMLStrict(input: string): string {
  if (!input.includes('&')) return input;
  return input.replace(REFERENCE, (reference, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return numeric(hex, 16);
    if (decimal !== undefined) return numeric(decimal, 10);
    if (!table) throw new Error('The HTML entity table is not loaded: await loadHtmlEntities(env.ASSETS) first.');
    return table.get(name ?? '') ?? reference;
  });
}
