/**
 * A link someone typed (an idea status's link, a moderation item's page), opening outside the
 * widget: the rule of user-links.ts, in a module of its own so that a page that shows no
 * server HTML does not load the HTML directive with it.
 */
import { html, nothing, type TemplateResult } from 'lit';

export const USER_LINK_TARGET = '_blank';
export const USER_LINK_REL = 'nofollow ugc noopener noreferrer';

/**
 * A link to an address someone typed, opening outside the widget.
 *
 * @example
 * html`${userLink(idea.status.link, this.t('board.reasonLink'))}`
 */
export function userLink(href: string, content: unknown, part?: string): TemplateResult {
  return html`<a href=${href} target=${USER_LINK_TARGET} rel=${USER_LINK_REL} part=${part ?? nothing}>${content}</a>`;
}
