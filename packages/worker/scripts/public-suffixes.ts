/**
 * The Public Suffix List as a static asset (`/psl/public-suffixes.json`), written by the build
 * from the `tldts` package's data. The Worker reads it through its ASSETS binding only when an
 * origin pattern has a host wildcard (src/lib/public-suffixes.ts), so the list (about 49 KB
 * gzip as `tldts`) is not in the Worker bundle.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublicSuffixRules } from '../src/lib/public-suffixes.ts';

interface Trie {
  nodeFlags: Uint8Array;
  edgeStart: ArrayLike<number>;
  edgeLength: ArrayLike<number>;
  edgeChild: ArrayLike<number>;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/**
 * Every rule of the list in its own syntax (`co.uk`, `*.ck`, `!www.ck`), by section, read from
 * `tldts`'s flat trie: a node's edges are `edgeStart[node]..edgeStart[node + 1]`, an edge's label
 * the next `edgeLength[edge]` characters of `labelText`, and a node's flags say whether a rule
 * ends there (1: ICANN, 2: PRIVATE). Labels run from the right, as in a host name read backwards.
 *
 * @example
 * const { icann, private: shared } = await publicSuffixRules(); // icann has 'co.uk', shared 'github.io'
 */
export async function publicSuffixRules(): Promise<PublicSuffixRules> {
  const tldts = dirname(createRequire(import.meta.url).resolve('tldts/package.json'));
  const trie = (await import(pathToFileURL(join(tldts, 'dist/es6/src/data/trie.js')).href)) as Trie;
  const offsets: number[] = [];
  for (let edge = 0, offset = 0; edge < trie.edgeLength.length; edge++) {
    offsets.push(offset);
    offset += trie.edgeLength[edge] ?? 0;
  }
  const rules: PublicSuffixRules = { icann: [], private: [] };
  const visit = (node: number, suffix: string, prefix: string) => {
    const flags = trie.nodeFlags[node] ?? 0;
    if (suffix && flags & 1) rules.icann.push(prefix + suffix);
    if (suffix && flags & 2) rules.private.push(prefix + suffix);
    for (let edge = trie.edgeStart[node] ?? 0; edge < (trie.edgeStart[node + 1] ?? 0); edge++) {
      const start = offsets[edge] ?? 0;
      const label = trie.labelText.slice(start, start + (trie.edgeLength[edge] ?? 0));
      visit(trie.edgeChild[edge] ?? 0, suffix ? `${label}.${suffix}` : label, prefix);
    }
  };
  visit(trie.rulesRoot, '', '');
  visit(trie.exceptionsRoot, '', '!');
  // The lookup relies on these; a `tldts` whose data is laid out otherwise fails the build here.
  for (const [rule, list] of [
    ['co.uk', rules.icann],
    ['*.ck', rules.icann],
    ['!www.ck', rules.icann],
    ['github.io', rules.private],
  ] as const) {
    if (!list.includes(rule)) throw new Error(`tldts's data has no ${rule}: has its trie's layout changed?`);
  }
  return rules;
}
