/**
 * Search snippets come from the server HTML-escaped, with matches wrapped in `<mark>`. They are
 * inserted as HTML only when that is all the markup they hold; anything else shows as text.
 */
const ONLY_MARKS = /^(?:[^<>]|<mark>|<\/mark>)*$/;

export function isMarkOnly(snippet: string): boolean {
  return ONLY_MARKS.test(snippet);
}
