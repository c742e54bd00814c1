/**
 * Opaque keyset cursors: the sort they belong to, plus the sort key and id of the last item
 * of the page. Base64url JSON, so a client cannot mistake them for anything else.
 */
import type { IdeaSort } from '@bridgekit/sdk';
import { ApiError, fieldIssue } from '../errors.ts';
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
    throw new ApiError(400, 'validation_failed.cursor', {}, { details: [fieldIssue('query.cursor', 'validation_failed.cursor')] });
  }
  if (parsed[0] !== sort) {
    const params = { given: String(parsed[0]), sort };
    throw new ApiError(400, 'validation_failed.cursor_sort', params, {
      details: [fieldIssue('query.cursor', 'validation_failed.cursor_sort', params)],
    });
  }
  return { sort, key: parsed[1], id: parsed[2] };
}
