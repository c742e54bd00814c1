/**
 * How one comment of `bk-thread` looks: byline, badges, the server's HTML, reactions, actions,
 * and the inline panels (reply, edit, delete confirmation, report). Replies nest as lists.
 */
import { type Comment, type FlagReason, REACTIONS, type Reaction } from '@bridgekit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { relativeTime, type Translate } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';
import { type UserHtmlLinker, userHtml } from '../../shared/user-links.ts';
import type { SendComment } from './comment-composer.ts';
import { type Root, replyTree } from './thread-model.ts';

export type PanelKind = 'reply' | 'edit' | 'delete' | 'flag';
export type Panel = { kind: PanelKind; id: string } | null;

export const FLAG_REASONS: readonly FlagReason[] = ['spam', 'abuse', 'off_topic', 'confidential', 'other'];
const EMOJI: Record<Reaction, string> = { like: '👍', insight: '💡', love: '❤️' };

/** What the thread element gives the comment template: texts, permissions, state and handlers. */
export interface CommentView {
  t: Translate;
  /** Why a pending comment waits, in the reader's language. */
  reason(comment: Comment): string;
  locale: string;
  tenant: string | undefined;
  /** Makes mentions and links to items' views in comments Bridgekit's links, once loaded. */
  linker: UserHtmlLinker | null;
  signedIn: boolean;
  /** Moderators and admins: pin, remove. */
  moderator: boolean;
  /** The thread starter or a moderator: mark the accepted answer. */
  mayAccept: boolean;
  panel: Panel;
  /** Comments with a call in flight. */
  busy: ReadonlySet<string>;
  /** A message shown under one comment (a failed action). */
  notice: { id: string; text: string } | null;
  /** "Became a practice: …" on a comment promoted to a practice card. */
  practice(comment: Comment): unknown;
  /** A moderator or the author: "Make it a practice". */
  mayPromote(comment: Comment): boolean;
  /** "Copy link" or "Make it a practice" (`story-links.ts`, loaded on first use). */
  story(action: 'copy' | 'promote', comment: Comment): void;
  open(kind: PanelKind, comment: Comment): void;
  close(): void;
  react(comment: Comment, reaction: Reaction): void;
  remove(comment: Comment): void;
  flag(comment: Comment, reason: FlagReason): void;
  accept(comment: Comment): void;
  pin(comment: Comment): void;
  moreReplies(root: Root): void;
  sendReply(parent: Comment): SendComment;
  sendEdit(comment: Comment): SendComment;
}

export function renderRoot(view: CommentView, root: Root): TemplateResult {
  return renderComment(view, root, replyTree(root), root);
}

/** The comment's author as shown ('' for a removed comment, which names no one). */
const authorName = (view: CommentView, c: Comment): string => (c.author ? shownName(view.t, c.author.name) : '');

function renderComment(view: CommentView, comment: Comment, tree: Map<string, Comment[]>, root: Root): TemplateResult {
  const children = tree.get(comment.id) ?? [];
  const label = comment.author ? view.t('thread.repliesLabel', { name: authorName(view, comment) }) : view.t('thread.repliesToRemoved');
  const isRoot = comment.id === root.id;
  return html`
    <li class="item">
      ${renderArticle(view, comment)}
      ${
        children.length > 0
          ? html`<ol class="replies" part="replies" aria-label=${label}>
            ${repeat(
              children,
              (c) => c.id,
              (c) => renderComment(view, c, tree, root),
            )}
          </ol>`
          : nothing
      }
      ${
        isRoot && root.moreReplies
          ? html`<button
            type="button"
            class="button subtle more-replies"
            part="more-replies"
            aria-disabled=${view.busy.has(root.id) ? 'true' : 'false'}
            @click=${() => view.moreReplies(root)}
          >
            ${view.busy.has(root.id) ? view.t('thread.loadingReplies') : view.t('thread.moreReplies')}
          </button>`
          : nothing
      }
    </li>
  `;
}

const headingId = (c: Comment) => `bk-c-${c.id}-by`;

function renderArticle(view: CommentView, c: Comment): TemplateResult {
  if (c.state === 'removed') {
    return html`<article class="comment removed" part="comment removed" data-comment=${c.id} tabindex="-1" aria-labelledby=${headingId(c)}>
      <p class="placeholder" id=${headingId(c)}>${view.t('thread.removed')}</p>
    </article>`;
  }
  const editing = view.panel?.kind === 'edit' && view.panel.id === c.id;
  const notice = view.notice?.id === c.id ? view.notice.text : '';
  return html`
    <article
      class="comment ${c.state} ${c.accepted ? 'accepted' : ''} ${c.pinned ? 'pinned' : ''}"
      part="comment ${c.state}"
      data-comment=${c.id}
      tabindex="-1"
      aria-labelledby=${headingId(c)}
    >
      ${renderHeader(view, c)}
      ${c.replyTo ? html`<p class="replying-to">${c.replyTo.author ? view.t('thread.replyingTo', { name: shownName(view.t, c.replyTo.author) }) : view.t('thread.replyingToRemoved')}</p>` : nothing}
      ${
        c.state === 'pending'
          ? html`<p class="pending" part="pending">${c.pendingReason ? view.t('thread.pending', { reason: view.reason(c) }) : view.t('thread.pendingNoReason')}</p>`
          : nothing
      }
      ${
        editing
          ? html`<bk-comment-composer
            class="inline"
            part="composer"
            exportparts="textarea: composer-textarea, submit: composer-submit"
            .tenant=${view.tenant}
            .label=${view.t('thread.editLabel')}
            .submitLabel=${view.t('thread.save')}
            .busyLabel=${view.t('thread.saving')}
            .initial=${c.body ?? ''}
            .send=${view.sendEdit(c)}
            .cancel=${() => view.close()}
          ></bk-comment-composer>`
          : // The server renders the Markdown to sanitised HTML; its links open outside the widget, but
            // for mentions and links to items' views (user-html.ts).
            html`<div class="comment-body" part="comment-body">${userHtml(c.html, view.linker)}</div>`
      }
      ${editing ? nothing : renderActions(view, c)}
      ${view.panel?.id === c.id ? renderPanel(view, c) : nothing}
      ${notice ? html`<p class="comment-notice" role="alert">${notice}</p>` : nothing}
    </article>
  `;
}

function renderHeader(view: CommentView, c: Comment): TemplateResult {
  const author = c.author;
  const when = new Intl.DateTimeFormat(view.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return html`
    <header class="comment-header" part="comment-header">
      <h3 class="author" id=${headingId(c)}>
        ${author?.businessUnit ? view.t('thread.byline', { name: authorName(view, c), unit: author.businessUnit }) : authorName(view, c)}
      </h3>
      <time datetime=${c.createdAt} title=${when.format(new Date(c.createdAt))}>${relativeTime(view.locale, c.createdAt)}</time>
      ${
        c.editedAt
          ? html`<span class="edited" title=${view.t('thread.editedAt', { time: when.format(new Date(c.editedAt)) })}>(${view.t('thread.edited')})</span>`
          : nothing
      }
      ${c.pinned ? html`<span class="badge pinned-badge" part="badge">${view.t('thread.pinned')}</span>` : nothing}
      ${c.accepted ? html`<span class="badge accepted-badge" part="badge">✓ ${view.t('thread.accepted')}</span>` : nothing}
      ${view.practice(c)}
    </header>
  `;
}

function renderActions(view: CommentView, c: Comment): TemplateResult {
  const published = c.state === 'published';
  const busy = view.busy.has(c.id) ? 'true' : 'false';
  const action = (kind: string, label: string, onClick: () => void, expanded?: boolean) =>
    html`<button
      type="button"
      class="button subtle"
      data-action=${kind}
      data-for=${c.id}
      aria-disabled=${busy}
      aria-expanded=${expanded === undefined ? nothing : expanded ? 'true' : 'false'}
      @click=${onClick}
    >
      ${label}
    </button>`;
  const panel = (kind: PanelKind) => view.panel?.kind === kind && view.panel.id === c.id;
  const toggle = (kind: PanelKind) => () => (panel(kind) ? view.close() : view.open(kind, c));
  return html`
    <div class="actions" part="actions" role="group" aria-label=${view.t('thread.actionsLabel', { name: authorName(view, c) })}>
      ${published ? renderReactions(view, c) : nothing}
      ${view.signedIn && published ? action('reply', view.t('thread.reply'), toggle('reply'), panel('reply')) : nothing}
      ${c.mine ? action('edit', view.t('thread.edit'), () => view.open('edit', c)) : nothing}
      ${c.mine || view.moderator ? action('delete', view.t('thread.delete'), toggle('delete'), panel('delete')) : nothing}
      ${view.signedIn && published && !c.mine ? action('flag', view.t('thread.flag'), toggle('flag'), panel('flag')) : nothing}
      ${view.mayAccept && published ? action('accept', c.accepted ? view.t('thread.unaccept') : view.t('thread.accept'), () => view.accept(c)) : nothing}
      ${view.moderator && published && c.depth === 0 ? action('pin', c.pinned ? view.t('thread.unpin') : view.t('thread.pin'), () => view.pin(c)) : nothing}
      ${published ? action('copy', view.t('thread.copyLink'), () => view.story('copy', c)) : nothing}
      ${published && view.mayPromote(c) ? action('promote', view.t('thread.promote'), () => view.story('promote', c)) : nothing}
    </div>
  `;
}

function renderReactions(view: CommentView, c: Comment): TemplateResult {
  const numbers = new Intl.NumberFormat(view.locale);
  return html`<span class="reactions" part="reactions" role="group" aria-label=${view.t('thread.reactionsLabel')}>
    ${REACTIONS.map((r) => {
      const count = c.reactions[r];
      const content = html`<span aria-hidden="true">${EMOJI[r]}</span><span class="visually-hidden">${view.t(`thread.reaction.${r}`)}</span>
        <span class="count">${numbers.format(count)}</span>`;
      if (!view.signedIn) return count > 0 ? html`<span class="reaction" part="reaction">${content}</span>` : nothing;
      return html`<button
        type="button"
        class="reaction"
        part="reaction"
        data-reaction=${r}
        aria-pressed=${c.myReactions.includes(r) ? 'true' : 'false'}
        aria-disabled=${view.busy.has(c.id) ? 'true' : 'false'}
        @click=${() => view.react(c, r)}
      >
        ${content}
      </button>`;
    })}
  </span>`;
}

function renderPanel(view: CommentView, c: Comment): TemplateResult | typeof nothing {
  switch (view.panel?.kind) {
    case 'reply':
      return html`<bk-comment-composer
        class="inline"
        part="composer"
        exportparts="textarea: composer-textarea, submit: composer-submit"
        .tenant=${view.tenant}
        .label=${view.t('thread.replyLabel', { name: authorName(view, c) })}
        .submitLabel=${view.t('thread.postReply')}
        .busyLabel=${view.t('thread.posting')}
        .send=${view.sendReply(c)}
        .cancel=${() => view.close()}
      ></bk-comment-composer>`;
    case 'delete':
      return html`<div class="confirm" part="confirm" role="group" aria-labelledby="bk-confirm-${c.id}">
        <p id="bk-confirm-${c.id}">${view.t('thread.deleteConfirm')}</p>
        <div class="buttons">
          <button type="button" class="button danger" aria-disabled=${view.busy.has(c.id) ? 'true' : 'false'} @click=${() => view.remove(c)}>
            ${view.t('thread.deleteYes')}
          </button>
          <button type="button" class="button" data-panel-start @click=${() => view.close()}>${view.t('thread.cancel')}</button>
        </div>
      </div>`;
    case 'flag':
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
          <button type="submit" class="button primary" aria-disabled=${view.busy.has(c.id) ? 'true' : 'false'}>${view.t('thread.flagSend')}</button>
          <button type="button" class="button" @click=${() => view.close()}>${view.t('thread.cancel')}</button>
        </div>
      </form>`;
    default:
      return nothing;
  }
}
