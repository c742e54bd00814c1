import { css } from 'lit';
import { bareList, inputBox } from '../../shared/styles.ts';

export const inboxStyles = css`
  :host {
    display: inline-block;
  }

  .bell {
    position: relative;
    padding: 0 0.625rem;
  }

  .badge {
    min-width: 1.375rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--bk-inbox-badge-background, var(--_brand));
    color: var(--_on-brand);
    font-size: 0.75rem;
    line-height: 1.375rem;
    text-align: center;
  }

  dialog {
    width: min(var(--bk-inbox-panel-width, 26rem), calc(100vw - 2rem));
    max-height: calc(100vh - 5rem);
    margin-block: 4rem auto;
    margin-inline: auto 1rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.25);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.2);
  }

  .panel {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
  }

  .panel-header,
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .tools {
    justify-content: flex-start;
  }

  h2 {
    margin: 0;
    font-size: 1.125rem;
  }

  .message:empty {
    display: none;
  }

  .message,
  .empty,
  p {
    margin: 0;
  }

  .items {
    ${bareList}
    display: grid;
    gap: 0.5rem;
  }

  .item {
    display: grid;
    gap: 0.25rem;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .item.unread {
    border-inline-start: 4px solid var(--_brand);
    background: var(--bk-inbox-unread-background, var(--_brand-subtle));
  }

  .item a {
    display: block;
    min-height: 24px;
    color: var(--_text);
    text-decoration: none;
  }

  .item.unread a {
    font-weight: 600;
  }

  .item a:hover {
    text-decoration: underline;
  }

  .dot {
    display: inline-block;
    width: 0.5rem;
    height: 0.5rem;
    margin-inline-end: 0.375rem;
    border-radius: 50%;
    background: var(--_brand);
    vertical-align: middle;
  }

  .detail,
  .meta {
    color: var(--_text-subtle);
    font-size: 0.8125rem;
  }

  .settings {
    display: grid;
    gap: 0.75rem;
  }

  .setting {
    display: grid;
    gap: 0.25rem;
  }

  select {
    ${inputBox}
    min-height: 44px;
  }

  .settings .button {
    justify-self: start;
  }

  .settings-message:empty {
    display: none;
  }

  @media (forced-colors: active) {
    .dot {
      background: CanvasText;
    }
  }
`;
