import { css } from 'lit';
import { bareList, itemBox, pagedListStyles } from '../../shared/styles.ts';

import { controlStyles } from './controls.styles.ts';

export const practiceLibraryStyles = [
  controlStyles,
  pagedListStyles,
  css`
    :host {
      display: block;
      --_skeleton-height: 5rem;
    }

    .base {
      display: grid;
      gap: var(--bk-practice-library-gap, 0.75rem);
      padding: var(--bk-practice-library-padding, 1rem);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 2);
      background: var(--bk-practice-library-surface, var(--_surface));
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }

    h2 {
      margin: 0;
      font-size: 1.25rem;
      line-height: 1.3;
    }

    h3:focus {
      outline: none;
    }

    h3:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    .sections {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--_border);
    }

    [role='tab'] {
      min-height: 44px;
      padding: 0 1rem;
      border: 0;
      border-bottom: 3px solid transparent;
      background: none;
      font-weight: 600;
      color: var(--_text-subtle);
      cursor: pointer;
    }

    [role='tab'][aria-selected='true'] {
      border-bottom-color: var(--_brand);
      color: var(--_text);
    }

    [role='tab']:hover {
      color: var(--_text);
    }

    .panel {
      display: grid;
      gap: var(--bk-practice-library-gap, 0.75rem);
      min-width: 0;
    }

    .confirmation {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--_brand);
      border-radius: var(--_radius);
      background: var(--_brand-subtle);
    }

    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      align-items: end;
      gap: 0.5rem 0.75rem;
    }

    .filters .search {
      grid-column: 1 / -1;
    }

    .field {
      display: grid;
      gap: 0.25rem;
    }

    .count {
      margin: 0;
      color: var(--_text-subtle);
    }

    .cards {
      display: grid;
      gap: 0.5rem;
      ${bareList}
    }

    .item {
      display: grid;
      gap: 0.25rem;
      ${itemBox}
      background: var(--_surface);
    }

    .item.obsolete {
      border-inline-start: 4px solid var(--_danger);
    }

    .item:focus {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    .item-title {
      margin: 0;
      font-size: 1rem;
    }

    .title-button {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_brand);
      font: inherit;
      font-weight: 600;
      text-align: start;
      text-decoration: none;
      overflow-wrap: anywhere;
      cursor: pointer;
    }

    .title-button:hover {
      text-decoration: underline;
    }

    .snippet,
    .item .summary {
      margin: 0;
      overflow-wrap: anywhere;
    }

    mark {
      padding: 0 0.125rem;
      border-radius: 2px;
      background: var(--bk-practice-library-mark, light-dark(#fde300, #705c00));
      color: inherit;
    }

    .detail {
      display: grid;
      gap: 0.75rem;
    }

    .detail-nav {
      display: flex;
    }

    .chooser {
      display: grid;
      gap: 0.75rem;
    }

    .chooser h3 {
      margin: 0;
      font-size: 1.125rem;
    }

    .chooser fieldset {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      border: 0;
    }

    .template-choice {
      display: flex;
      align-items: flex-start;
      gap: 0.625rem;
      padding: 0.625rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: normal;
      cursor: pointer;
    }

    .template-choice:has(input:checked) {
      border-color: var(--_brand);
      background: var(--_brand-subtle);
    }

    .template-choice input {
      margin-top: 0.125rem;
    }

    .template-choice small {
      display: block;
      color: var(--_text-subtle);
    }

    .badge.held {
      display: inline-block;
      padding: 0.0625rem 0.5rem;
      border: 1px solid var(--_brand);
      border-radius: 999px;
      background: none;
      font-size: 0.75rem;
      font-weight: 600;
    }

    @media print {
      .no-print,
      .sections,
      .filters,
      [role='status'] {
        display: none !important;
      }

      .base {
        padding: 0;
        border: 0;
      }
    }
  `,
];
