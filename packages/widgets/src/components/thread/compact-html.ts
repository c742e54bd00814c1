/**
 * Lit's `html` without the whitespace that a template's indentation puts between its tags: for a
 * thread of 500 comments those are thousands of text nodes cloned, walked and laid out for nothing.
 */
import { html, type TemplateResult } from 'lit';

const compacted = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

/**
 * `html`, with each run of whitespace that holds a line break and touches a tag (`>` before it or
 * `<` after it) removed. Inside a tag and in text, nothing changes.
 *
 * @example
 * compactHtml`<li>
 *   <p>${text}</p>
 * </li>`; // renders as <li><p>…</p></li>
 */
export function compactHtml(strings: TemplateStringsArray, ...values: unknown[]): TemplateResult {
  let squeezed = compacted.get(strings);
  if (!squeezed) {
    const pieces = strings.map((s) =>
      s
        .replace(/>\s*\n\s*</g, '><')
        .replace(/^\s*\n\s*(?=<)/, '')
        .replace(/(?<=>)\s*\n\s*$/, ''),
    );
    // Lit takes only template literals' strings (they have `raw`); these are the source's, squeezed once.
    squeezed = Object.freeze(Object.assign(pieces, { raw: Object.freeze([...pieces]) })) as unknown as TemplateStringsArray;
    compacted.set(strings, squeezed);
  }
  return html(squeezed, ...values);
}
