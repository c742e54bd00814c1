/**
 * A search snippet as text pieces: `marks` are `[start, end)` offsets into `text`. The pieces
 * are rendered as text nodes (a `<mark>` around each found one), never parsed as HTML, so a
 * title or comment that holds markup shows it as typed.
 */
import type { Snippet } from '@bridgekit/sdk';

export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/** The snippet cut at its marks; marks out of range, empty or overlapping an earlier one are ignored. */
export function snippetPieces({ text, marks }: Snippet): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => a[0] - b[0]);
  for (const [from, to] of sorted) {
    const start = Math.max(from, at);
    const end = Math.min(to, text.length);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
