import { css } from 'lit';
import { bareList, itemBox } from '../../shared/styles.ts';

export const ideaBoardStyles = css`
  :host {
    display: block;
    --_board-surface: var(--bk-idea-board-surface, var(--_surface));
    --_board-gap: var(--bk-idea-board-gap, 0.75rem);
  }

  .base {
    display: grid;
    gap: var(--_board-gap);
    padding: var(--bk-idea-board-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_board-surface);
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .board-description {
    margin: 0.25rem 0 0;
    color: var(--_text-subtle);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .ideas {
    display: grid;
    gap: 0.5rem;
    ${bareList}
  }

  .idea {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    ${itemBox}
    background: var(--_surface);
  }

  .idea:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .idea-body {
    min-width: 0;
    flex: 1;
  }

  .idea-title {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }

  .idea-title a {
    color: inherit;
  }

  .idea-description {
    margin: 0.25rem 0 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: var(--bk-idea-board-description-lines, 3);
    -webkit-box-orient: vertical;
    overflow: hidden;
  }

  .idea-meta {
    margin: 0.375rem 0 0;
    font-size: 0.75rem;
    color: var(--_text-subtle);
  }

  .budget {
    margin: 0.375rem 0 0;
    font-weight: 600;
    color: var(--_brand);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.25rem 0 0;
  }

  .badges:empty {
    display: none;
  }

  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
  }

  .badge.under_review,
  .badge.planned,
  .badge.in_progress {
    border-color: var(--_brand);
    color: var(--_brand);
  }

  .badge.done {
    border-color: var(--bk-color-success, light-dark(#107c10, #54b054));
    color: var(--bk-color-success, light-dark(#107c10, #54b054));
  }

  .badge.declined {
    border-color: var(--_text-subtle);
    color: var(--_text-subtle);
  }

  .reason {
    margin: 0.375rem 0 0;
    padding: 0.375rem 0.625rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .reason a {
    color: var(--_brand);
  }
`;
