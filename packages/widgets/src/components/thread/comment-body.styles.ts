import { css } from 'lit';

/** How a comment's text shows, in the thread and in the composer's preview: one look for both. */
export const commentBody = css`
  /* The server's HTML: paragraphs, lists, quotes, code, links and @mentions. */
  .comment-body {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .comment-body > :first-child {
    margin-top: 0;
  }

  .comment-body > :last-child {
    margin-bottom: 0;
  }

  .comment-body p,
  .comment-body ul,
  .comment-body ol,
  .comment-body blockquote,
  .comment-body pre {
    margin: 0.5rem 0;
  }

  .comment-body ul,
  .comment-body ol {
    padding-inline-start: 1.5rem;
  }

  .comment-body blockquote {
    padding: 0.125rem 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-subtle);
  }

  .comment-body code {
    padding: 0.0625rem 0.25rem;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
    font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
    font-size: 0.9em;
  }

  .comment-body pre {
    padding: 0.5rem 0.75rem;
    overflow-x: auto;
    border-radius: var(--_radius);
    background: var(--_surface-subtle);
  }

  .comment-body pre code {
    padding: 0;
    background: none;
  }

  .comment-body a {
    color: var(--_brand);
    text-decoration: underline;
  }

  .comment-body .bk-mention {
    padding: 0 0.125rem;
    border-radius: var(--_radius);
    background: var(--_brand-subtle);
    color: var(--_brand);
    font-weight: 600;
  }
`;
