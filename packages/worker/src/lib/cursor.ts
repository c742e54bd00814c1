/**
 * Opaque keyset cursors: the sort they belong to, plus the sort key and id of the last item
 * of the page. Base64url JSON, so a client cannot mistake them for anything else.
 */
import type { IdeaSort } from '@bridgekit/sdk';
import { ApiError } from '../errors.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

export interface Cursor {
  sort: IdeaSort;
  /** The last item's sort key; null for an unscored idea in the value sorts. */
  key: number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.sort, cursor.key, cursor.id])));
}

export function decodeCursor(text: string, sort: IdeaSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !(parsed[1] === null || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) ||
    typeof parsed[2] !== 'string'
  ) {
    throw badCursor('The cursor is not one this API returned. Pass `nextCursor` from the previous page unchanged.');
  }
  if (parsed[0] !== sort) {
    throw badCursor(`The cursor belongs to sort "${parsed[0]}", not "${sort}". Start again without a cursor when you change the sort.`);
  }
  return { sort, key: parsed[1], id: parsed[2] };
}

function badCursor(message: string): ApiError {
  return new ApiError(400, 'validation_failed', message, { details: [{ path: 'query.cursor', message }] });
}
