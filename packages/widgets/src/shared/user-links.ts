/**
 * Links people wrote — in comments and card texts (the server's HTML), an idea status's link, a
 * moderation item's page — open in a new browsing context, never in the widget's own. Under
 * the iframe route a link would otherwise replace Bridgekit's frame with the linked site (a
 * phishing page that looks like part of the intranet); under the script tag it would take the
 * reader away from the intranet page and any text they had not posted. So each gets
 * `target="_blank"` and `rel="nofollow ugc noopener noreferrer"`: the new page gets no handle
 * on this one (`window.opener`) and no Referer (intranet addresses stay private), and search
 * engines give it no credit. One rule for both embeddings, as giscus has for its comments.
 *
 * Two kinds of link in the server's HTML are Bridgekit's own and open where the reader is: an
 * `@mention`, and a link to an item's view on this page's origin or a tenant item page's
 * (`user-html.ts`, which an element loads with `import()` and passes to `userHtml` as its
 * `linker`; until then those links follow the rule above, and mentions are text).
 *
 * Every widget renders user links through this module: `userHtml` for the server's HTML,
 * `userLink` for a link it builds itself, and `linkedHtml` for the server's HTML with its links
 * set, as a string, where a list builds each item as one string of HTML (`bk-thread`'s comments).
 */
import { directive } from 'lit/directive.js';
import { UnsafeHTMLDirective } from 'lit/directives/unsafe-html.js';
import { USER_LINK_REL, USER_LINK_TARGET } from './user-link.ts';

export { USER_LINK_REL, USER_LINK_TARGET, userLink } from './user-link.ts';

/** The server's HTML with its links set as they open: `withUserLinks` of `user-html.ts`, bound to the tenant's item pages. */
export type UserHtmlLinker = (source: string) => string;

/** Sets `link` to open outside the widget. */
export function openOutside(link: Element): void {
  link.setAttribute('target', USER_LINK_TARGET);
  link.setAttribute('rel', USER_LINK_REL);
}

/** The server's HTML with every link set to open outside the widget. */
export function withOutsideLinks(source: string): string {
  if (!/<a[\s>]/i.test(source)) return source;
  // A template's content is inert: parsing it runs nothing and loads nothing.
  const template = document.createElement('template');
  template.innerHTML = source;
  for (const link of template.content.querySelectorAll('a')) openOutside(link);
  return template.innerHTML;
}

/**
 * HTML the server rendered from someone's Markdown and sanitised (no scripts, no event
 * handlers, only http(s) and mailto links) — the one HTML from outside that a widget inserts —
 * with its links opening outside the widget; with a `linker` (`userHtmlLinker(client)` of
 * `user-html.ts`), its mentions link to the people's views and its links to items' views open in
 * place. '' for none. `userHtml` inserts it into a template; a list that builds each item as one
 * string (`bk-thread`'s comments) puts it in that string.
 *
 * @example
 * `<div class="comment-body">${linkedHtml(comment.html, linker)}</div>`
 */
export function linkedHtml(source: string | null | undefined, linker?: UserHtmlLinker | null): string {
  return source ? (linker ?? withOutsideLinks)(source) : '';
}

class UserHtmlDirective extends UnsafeHTMLDirective {
  static override directiveName = 'userHtml';
  #source: string | null | undefined;
  #linker: UserHtmlLinker | null | undefined;
  #html = '';

  override render(source: string | null | undefined, linker?: UserHtmlLinker | null) {
    // Re-rendering the same text (a reaction, a live update elsewhere) reuses the last result.
    if (source !== this.#source || linker !== this.#linker) {
      this.#source = source;
      this.#linker = linker;
      this.#html = linkedHtml(source, linker);
    }
    return super.render(this.#html);
  }
}

/**
 * The server's HTML (see `linkedHtml`) in a template.
 *
 * @example
 * html`<div class="comment-body">${userHtml(comment.html, this._linker)}</div>`
 */
export const userHtml = directive(UserHtmlDirective);
