/**
 * Every named character reference of the HTML standard and the text it stands for, taken from
 * the `entities` package markdown-it decodes with (its decode trie walked name by name), for the
 * static asset src/markdown/entities.ts reads instead of bundling the package's table.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What is used of `entities/decode` (a dependency of markdown-it's, not of ours). */
interface EntitiesDecode {
  DecodingMode: { Strict: number };
  EntityDecoder: new (
    tree: Uint16Array,
    emit: () => void,
  ) => { startEntity(mode: number): void; write(input: string, offset: number): number };
  decodeHTMLStrict(input: string): string;
  htmlDecodeTree: Uint16Array;
}

/** The `entities` package's decoder, as markdown-it resolves it. */
export async function entitiesDecode(): Promise<EntitiesDecode> {
  const markdownIt = createRequire(import.meta.url).resolve('markdown-it');
  const decode = createRequire(markdownIt).resolve('entities/decode');
  return (await import(pathToFileURL(decode).href)) as EntitiesDecode;
}

/**
 * The names (without `&` and `;`) and their texts.
 *
 * @example
 * (await htmlEntityTable()).copy; // '©'
 */
export async function htmlEntityTable(): Promise<Record<string, string>> {
  const { EntityDecoder, DecodingMode, decodeHTMLStrict, htmlDecodeTree } = await entitiesDecode();
  const decoder = new EntityDecoder(htmlDecodeTree, () => {});
  const table: Record<string, string> = {};
  const walk = (prefix: string) => {
    for (const ch of NAME_CHARS) {
      const name = prefix + ch;
      decoder.startEntity(DecodingMode.Strict);
      // -1: the trie wants more input, so `name` begins some reference.
      if (decoder.write(name, 0) !== -1) continue;
      const reference = `&${name};`;
      const text = decodeHTMLStrict(reference);
      if (text !== reference) table[name] = text;
      walk(name);
    }
  };
  walk('');
  return table;
}
