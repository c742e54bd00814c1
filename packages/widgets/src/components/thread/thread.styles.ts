import { css } from 'lit';
import { bareList, heldNote, itemBox } from '../../shared/styles.ts';
import { commentBody } from './comment-body.styles.ts';

export const threadStyles = css`
  :host {
    display: block;
    --_thread-gap: var(--bk-thread-gap, 0.75rem);
    --_indent: var(--bk-thread-indent, 1.25rem);
    --_accent: var(--bk-thread-accent, var(--bk-color-success, light-dark(#107c10, #54b054)));
  }

  .thread {
    display: grid;
    gap: var(--_thread-gap);
    padding: var(--bk-thread-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--bk-thread-surface, var(--_surface));
  }

  h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  h2 .count {
    font-size: 0.875rem;
    font-weight: normal;
    color: var(--_text-subtle);
  }

  .new-comments-slot:empty {
    display: none;
  }

  .live-state {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_text-subtle);
  }

  .new-comments {
    position: sticky;
    top: 0.5rem;
    z-index: 1;
    justify-self: center;
    width: 100%;
    border-color: var(--_brand);
    background: var(--_brand-subtle);
    color: var(--_brand);
  }

  .comments,
  .replies {
    display: grid;
    gap: 0.5rem;
    ${bareList}
  }

  .replies {
    margin-top: 0.5rem;
    padding-inline-start: var(--_indent);
    border-inline-start: 2px solid var(--_border);
  }

  .item {
    min-width: 0;
  }

  .comment {
    display: grid;
    gap: 0.375rem;
    ${itemBox}
    background: var(--_surface);
  }

  /* A comment far from the viewport skips layout and paint until it comes near; its text stays in
     the page, so find-in-page, a link to it and the keyboard still reach it. An open menu or picker
     overflows the comment, which this would clip: such a comment is always laid out. */
  .comment {
    content-visibility: auto;
    contain-intrinsic-size: auto 8rem;
  }

  .comment:has([aria-expanded='true']) {
    content-visibility: visible;
  }

  /* A comment's text, header and buttons, made as one string of HTML (comment-view.ts): laid out as the comment's own parts. */
  .comment-main {
    display: contents;
  }

  .comment:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .comment.pending {
    border-style: dashed;
  }

  .comment.accepted {
    border-color: var(--_accent);
    border-inline-start-width: 4px;
  }

  .comment.pinned {
    background: var(--_surface-subtle);
  }

  .promote-thread {
    justify-self: start;
  }

  /* The comment the page's address links to (set by story-links.ts). */
  .comment[data-linked] {
    border-color: var(--_brand);
    box-shadow: 0 0 0 2px var(--_brand-subtle);
  }

  .comment.removed {
    padding: 0.5rem 0.75rem;
    background: var(--_surface-subtle);
    color: var(--_text-subtle);
    font-style: italic;
  }

  .placeholder {
    margin: 0;
  }

  .comment-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }

  .menu-anchor {
    position: relative;
    display: inline-flex;
  }

  .confirmation {
    margin: 0;
    color: var(--_accent);
    font-weight: 600;
  }

  .author {
    margin: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }

  time,
  .edited,
  .replying-to {
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .replying-to {
    margin: 0;
  }

  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .accepted-badge {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .pinned-badge {
    border-color: var(--_brand);
    color: var(--_brand);
  }

  .pending {
    ${heldNote}
  }

  ${commentBody}

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }

  .reactions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-inline-end: 0.5rem;
  }

  .reaction {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 32px;
    min-width: 44px;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
  }

  button.reaction {
    cursor: pointer;
  }

  button.reaction:hover {
    background: var(--_surface-subtle);
  }

  .reaction[aria-pressed='true'] {
    border-color: var(--_brand);
    background: var(--_brand-subtle);
    color: var(--_brand);
    font-weight: 600;
  }

  .button.subtle {
    min-height: 32px;
    padding: 0 0.5rem;
    border-color: transparent;
    background: transparent;
    color: var(--_text-subtle);
  }

  .button.subtle:hover {
    background: var(--_surface-subtle);
    color: var(--_text);
  }

  .button.danger {
    border-color: transparent;
    background: var(--_danger);
    color: var(--_on-brand);
  }

  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .confirm,
  .flag {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .confirm p {
    margin: 0;
    font-weight: 600;
  }

  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0 0 0.25rem;
    font-weight: 600;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 32px;
  }

  .choice input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .comment-notice {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .more-replies {
    margin-top: 0.25rem;
    margin-inline-start: var(--_indent);
  }

  @media (forced-colors: active) {
    .reaction[aria-pressed='true'] {
      border: 2px solid ButtonText;
    }
  }
`;
