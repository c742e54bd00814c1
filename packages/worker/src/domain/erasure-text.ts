/**
 * How an erased person disappears from other people's text: their @mentions become plain words
 * and card fields that name them (by handle or e-mail) name "removed person". Pure functions;
 * store/erasure.ts reads the rows, calls these and writes what changed.
 */
import { REMOVED_PERSON_NAME } from '@bridgekit/sdk';
import { findMentions } from '../markdown/mentions.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Markdown source with every `@handle` of the erased person (as findMentions reads mentions,
 * any letter case) replaced by the plain words "removed person", so that re-rendering it later
 * cannot link anyone.
 *
 * @example
 * unmentionSource('Thanks @Ada.Lovelace!', 'ada.lovelace'); // 'Thanks removed person!'
 */
export function unmentionSource(source: string, handle: string): string {
  let out = '';
  let from = 0;
  for (const m of findMentions(source)) {
    if (m.handle !== handle) continue;
    out += source.slice(from, m.index) + REMOVED_PERSON_NAME;
    from = m.index + m.length;
  }
  return out + source.slice(from);
}

/**
 * Rendered HTML with every mention span of the handle (`<span class="bk-mention"
 * data-handle="…">@…</span>`, markdown/render.ts) replaced by the plain words "removed person".
 */
export function unmentionHtml(html: string, handle: string): string {
  const span = new RegExp(`<span class="bk-mention" data-handle="${escapeRegExp(handle)}">[^<]*</span>`, 'g');
  return html.replace(span, REMOVED_PERSON_NAME);
}

/** Who a card's person values must stop naming. */
export interface Erased {
  handle: string | null;
  email: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A person value (`{ name, handle?, email? }`) that names the erased person. */
function namesErased(value: Record<string, unknown>, erased: Erased): boolean {
  if (typeof value.name !== 'string') return false;
  const handle = typeof value.handle === 'string' ? value.handle.toLowerCase() : null;
  const email = typeof value.email === 'string' ? value.email.toLowerCase() : null;
  return (erased.handle !== null && handle === erased.handle) || (erased.email !== null && email === erased.email.toLowerCase());
}

/**
 * A card's field values (any JSON) with every person value that names the erased person — by
 * handle or e-mail — replaced by `{ name: "removed person" }`. Values naming them by name only
 * cannot be told from a namesake's and stay.
 *
 * @example
 * unnamePeople({ sponsor: { name: 'Ada', handle: 'ada' } }, { handle: 'ada', email: null }); // { sponsor: { name: 'removed person' } }
 */
export function unnamePeople(value: unknown, erased: Erased): unknown {
  if (Array.isArray(value)) return value.map((item) => unnamePeople(item, erased));
  if (!isRecord(value)) return value;
  if (namesErased(value, erased)) return { name: REMOVED_PERSON_NAME };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unnamePeople(item, erased)]));
}
