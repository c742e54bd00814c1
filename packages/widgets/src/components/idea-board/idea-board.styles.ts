import { css } from 'lit';
import { bareList, itemBox } from '../../shared/styles.ts';

export const ideaBoardStyles = css`
  :host {
    display: block;
    --_board-surface: var(--bk-idea-board-surface, var(--_surface));
    --_board-gap: var(--bk-idea-board-gap, 0.75rem);
    /* An idea's usual row: title, three lines of description, byline. */
    --_skeleton-height: 8.9rem;
  }

  /* Placeholder rows spaced like the ideas, and a line for the board's description. */
  .skeletons {
    display: grid;
    gap: 0.5rem;
  }

  .skeleton-line {
    height: 1lh;
    width: 60%;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  /* The toolbar on a row of its own: the header is as tall loading as loaded, whatever the description's length. */
  .header > :first-child {
    flex: 1 1 100%;
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
    container-type: inline-size;
    ${bareList}
  }

  /* The vote box beside the title and the rest; the body's parts are placed in the row's grid. */
  .idea {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-areas: 'vote title' 'vote rest';
    align-items: start;
    column-gap: 0.75rem;
    ${itemBox}
    background: var(--_surface);
  }

  .idea > :first-child {
    grid-area: vote;
  }

  .idea-body {
    display: contents;
  }

  .idea-rest {
    grid-area: rest;
    min-width: 0;
  }

  /* On a phone, a budget board's stepper goes under the title: the text keeps the row's width. */
  @container (max-width: 480px) {
    .idea.budget-row {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'title' 'vote' 'rest';
      row-gap: 0.375rem;
    }
  }

  .confirmation {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--bk-color-success, light-dark(#107c10, #54b054));
    background: var(--_surface-subtle);
  }

  /* Kept in the page while empty, so the next confirmation is announced; out of the grid's flow. */
  .confirmation:empty {
    position: absolute;
    padding: 0;
    border: 0;
  }

  .idea:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }


  /* A failed vote's message: a line of its own under the row, not in the vote column. */
  .vote-error {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.875rem;
    color: var(--_danger);
  }

  .idea-title {
    grid-area: title;
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
