/**
 * What `bk-thread` loads the first time someone opens a comment's "…" menu or its reaction
 * picker (`import()`), so that readers who only read do not pay for it: the menu of secondary
 * actions (APG menu button: ↑/↓, Home/End, Escape closes and focus goes back to the button),
 * the picker of reactions (←/→ or Tab, Escape), the delete and report panels, and their texts.
 */
import { type Comment, type FlagReason, REACTIONS } from '@bridgekit/sdk';
import { css, html, type TemplateResult } from 'lit';
import { type MessageKey, registerFeature } from '../../shared/i18n.ts';
import { threadActionMessages } from '../../shared/messages/thread-actions.ts';
// Types only: a value from the thread's modules would split them into a chunk of their own.
import type { CommentView, MenuAction } from './comment-view.ts';

registerFeature(threadActionMessages);

export const FLAG_REASONS: readonly FlagReason[] = ['spam', 'abuse', 'off_topic', 'confidential', 'other'];

const styles = css`
  .menu {
    position: absolute;
    z-index: 2;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-end: 0;
    display: grid;
    min-inline-size: 12rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  }
  .picker {
    display: flex;
    gap: 0.25rem;
    min-inline-size: 0;
    inset-inline-end: auto;
    inset-inline-start: 0;
  }
  [role='menuitem'] {
    min-block-size: 44px;
    padding: 0 0.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }
  [role='menuitem']:hover {
    background: var(--_surface-subtle);
  }
  .menu button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .picker .reaction {
    min-block-size: 44px;
  }
`;

/** Gives the thread's shadow root this module's styles (once). */
export function adopt(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** ↑/↓ (←/→ too), Home and End move between the buttons; Escape closes and goes back to the button. */
function onKey(view: CommentView) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      view.closeMenu(true);
      return;
    }
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: -1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    buttons.at(to % buttons.length)?.focus();
  };
}

/**
 * Focus left the menu (Tab, a click elsewhere): it closes. Not for its own button, whose click
 * toggles it; nor when the comment was made anew under it (a change arriving live), where the
 * thread puts the menu and the focus back in that render: focus that went nowhere is judged after it.
 */
function onFocusOut(view: CommentView) {
  return (e: FocusEvent) => {
    const menu = e.currentTarget as HTMLElement;
    const to = e.relatedTarget as Node | null;
    if (menu.contains(to) || to === menu.previousElementSibling) return;
    if (to) {
      view.closeMenu(false);
      return;
    }
    const root = menu.getRootNode() as ShadowRoot | Document;
    queueMicrotask(() => {
      if (!root.activeElement?.closest('[data-menu]')) view.closeMenu(false);
    });
  };
}

/** The "…" menu of a comment: what the person may do besides reacting and replying. */
export function more(view: CommentView, c: Comment): TemplateResult {
  const published = c.state === 'published';
  const items: [MenuAction, MessageKey][] = [];
  if (c.mine) items.push(['edit', 'thread.edit']);
  if (c.mine || view.moderator) items.push(['delete', 'thread.delete']);
  if (view.signedIn && published && !c.mine) items.push(['flag', 'thread.flag']);
  if (view.mayAccept && published) items.push(['accept', c.accepted ? 'thread.unaccept' : 'thread.accept']);
  if (view.moderator && published && c.depth === 0) items.push(['pin', c.pinned ? 'thread.unpin' : 'thread.pin']);
  if (published) items.push(['copy', 'thread.copyLink']);
  if (published && view.mayPromote(c)) items.push(['promote', 'thread.promote']);
  return html`<div class="menu" role="menu" data-menu=${c.id} @keydown=${onKey(view)} @focusout=${onFocusOut(view)}>
    ${items.map(
      ([action, label]) =>
        html`<button type="button" role="menuitem" tabindex="-1" data-action=${action} data-for=${c.id} @click=${() => view.pick(action, c)}>
          ${view.t(label)}
        </button>`,
    )}
  </div>`;
}

/** The picker of reactions: one toggle each, closed after a choice. */
export function react(view: CommentView, c: Comment): TemplateResult {
  return html`<div
    class="menu picker"
    role="group"
    data-menu=${c.id}
    aria-label=${view.t('thread.reactionsLabel')}
    @keydown=${onKey(view)}
    @focusout=${onFocusOut(view)}
  >
    ${REACTIONS.map((r) => {
      const label = view.t(`thread.reaction.${r}`);
      return html`<button
        type="button"
        class="reaction"
        data-pick=${r}
        title=${label}
        aria-pressed=${c.myReactions.includes(r) ? 'true' : 'false'}
        @click=${() => {
          view.closeMenu(true);
          view.react(c, r);
        }}
      >
        ${view.icon(r)}<span class="visually-hidden">${label}</span>
      </button>`;
    })}
  </div>`;
}

/** The delete confirmation and the report form, under the comment. */
export function panel(view: CommentView, c: Comment): TemplateResult {
  const busy = view.busy.has(c.id) ? 'true' : 'false';
  if (view.panel?.kind === 'delete') {
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="bk-confirm-${c.id}">
      <p id="bk-confirm-${c.id}">${view.t('thread.deleteConfirm')}</p>
      <div class="buttons">
        <button type="button" class="button danger" aria-disabled=${busy} @click=${() => view.remove(c)}>${view.t('thread.deleteYes')}</button>
        <button type="button" class="button" data-panel-start @click=${() => view.close()}>${view.t('thread.cancel')}</button>
      </div>
    </div>`;
  }
  return html`<form
    class="flag"
    part="flag"
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const reason = new FormData(e.target as HTMLFormElement).get('reason');
      if (typeof reason === 'string') view.flag(c, reason as FlagReason);
    }}
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && view.close()}
  >
    <fieldset>
      <legend>${view.t('thread.flagLegend')}</legend>
      ${FLAG_REASONS.map(
        (reason, i) => html`<label class="choice">
          <input type="radio" name="reason" value=${reason} ?checked=${i === 0} ?data-panel-start=${i === 0} />
          ${view.t(`thread.flagReason.${reason}`)}
        </label>`,
      )}
    </fieldset>
    <div class="buttons">
      <button type="submit" class="button primary" aria-disabled=${busy}>${view.t('thread.flagSend')}</button>
      <button type="button" class="button" @click=${() => view.close()}>${view.t('thread.cancel')}</button>
    </div>
  </form>`;
}
