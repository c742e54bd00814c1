/**
 * The Public Suffix List, read from the Worker's static assets (the build writes it from the
 * `tldts` package: scripts/public-suffixes.ts) instead of being bundled: only origin patterns
 * with a host wildcard need it (lib/origins.ts), and the list is a quarter of the bundle's size.
 */

/** Where the build puts the list among the static assets. */
export const PUBLIC_SUFFIX_ASSET = '/psl/public-suffixes.json';

/** The list's rules in its own syntax (`co.uk`, `*.ck`, `!www.ck`), by section. */
export interface PublicSuffixRules {
  icann: string[];
  private: string[];
}

/** The rules by text, each with its section. */
export type PublicSuffixList = ReadonlyMap<string, 'icann' | 'private'>;

export function publicSuffixList(rules: PublicSuffixRules): PublicSuffixList {
  const list = new Map<string, 'icann' | 'private'>();
  for (const rule of rules.icann) list.set(rule, 'icann');
  for (const rule of rules.private) list.set(rule, 'private');
  return list;
}

let loaded: PublicSuffixList | undefined;

/**
 * The list, from the static assets once per isolate.
 *
 * @example
 * const list = await loadPublicSuffixList(env.ASSETS);
 */
export async function loadPublicSuffixList(assets: { fetch(url: string): Promise<Response> }): Promise<PublicSuffixList> {
  if (loaded) return loaded;
  const res = await assets.fetch(`https://assets.invalid${PUBLIC_SUFFIX_ASSET}`);
  if (!res.ok) throw new Error(`The Public Suffix List is not among the static assets (${res.status}); build them with pnpm build.`);
  loaded = publicSuffixList((await res.json()) as PublicSuffixRules);
  return loaded;
}

/**
 * The public suffix of a host name by the list's algorithm (an exception rule wins, then the
 * rule with the most labels, else the last label), and the section of the rule that decided it.
 *
 * @example
 * publicSuffixOf('intranet.contoso.co.uk', list); // { suffix: 'co.uk', section: 'icann' }
 */
export function publicSuffixOf(host: string, list: PublicSuffixList): { suffix: string; section: 'icann' | 'private' | null } {
  const labels = host.split('.');
  for (let i = 0; i < labels.length; i++) {
    const section = list.get(`!${labels.slice(i).join('.')}`);
    if (section) return { suffix: labels.slice(i + 1).join('.'), section };
  }
  for (let i = 0; i < labels.length; i++) {
    const rest = labels.slice(i + 1).join('.');
    const section = list.get(labels.slice(i).join('.')) ?? (rest ? list.get(`*.${rest}`) : undefined);
    if (section) return { suffix: labels.slice(i).join('.'), section };
  }
  return { suffix: labels.at(-1) ?? host, section: null };
}
