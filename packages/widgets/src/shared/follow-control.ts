/**
 * The follow control (`<bk-follow>`) inside another element — the idea's view, a board's or a
 * discussion's header, a practice card — for signed-in people only. Its module loads by
 * `import()` the first time one shows, so pages whose readers are not signed in never load it.
 */
import type { SubscriptionTarget } from '@bridgekit/sdk';
import { html, nothing } from 'lit';

let loading: Promise<unknown> | undefined;

/**
 * @example
 * html`<div class="toolbar">${followControl(this.signedIn, 'board', this.board)}</div>`
 */
export function followControl(signedIn: boolean, target: SubscriptionTarget, id: string | null | undefined) {
  if (!signedIn || !id) return nothing;
  loading ??= import('../components/follow/follow.ts').catch(() => (loading = undefined));
  return html`<bk-follow part="follow" target=${target} item-id=${id}></bk-follow>`;
}
