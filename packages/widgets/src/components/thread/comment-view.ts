/**
 * How one comment of `bk-thread` looks: byline, badges, the server's HTML, reactions, actions,
 * and the inline panels (reply, edit, delete confirmation, report). Replies nest as lists.
 *
 * A thread may show 500 comments at once, so a comment is few templates with few parts: no
 * nested template where a part will do, Intl formats made once per locale, and the body set as
 * one `innerHTML` rather than a template made and cloned per comment.
 */
import { type Comment, type FlagReason, REACTIONS, type Reaction } from '@bridgekit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { avatarColour, initials } from '../../shared/avatar.ts';
import { relativeTime, type Translate } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';
import { type UserHtmlLinker, withOutsideLinks } from '../../shared/user-links.ts';
import type { SendComment } from './comment-composer.ts';
import { compactHtml } from './compact-html.ts';
import { type Root, replyTree } from './thread-model.ts';

export type PanelKind = 'reply' | 'edit' | 'delete' | 'flag';
export type Panel = { kind: PanelKind; id: string } | null;
/** The open "…" menu or reaction picker of a comment. */
export type Menu = { kind: 'more' | 'react'; id: string } | null;
/** What the "…" menu offers (each also a `data-action`). */
export type MenuAction = 'edit' | 'delete' | 'flag' | 'accept' | 'pin' | 'copy' | 'promote';
/** The menu's and picker's code (`comment-actions.ts`), loaded on first use. */
export interface CommentActions {
  more(view: CommentView, comment: Comment): TemplateResult;
  react(view: CommentView, comment: Comment): TemplateResult;
  panel(view: CommentView, comment: Comment): TemplateResult;
  adopt(root: ShadowRoot): void;
}

/** Inline icons (16 × 16), so the reactions show where no colour-emoji font is installed. */
const ICONS: Record<Reaction, string> = {
  like: 'M1 7h3v8H1zm4 0 3-6c1.4 0 2 1 2 2l-.5 3H14c1 0 1.6.9 1.4 1.8l-1.2 5.7c-.2.9-1 1.5-1.9 1.5H5z',
  insight: 'M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9zM5.5 13h5v2h-5z',
  love: 'M8 14.5 1.7 8.3A3.8 3.8 0 0 1 8 3.2a3.8 3.8 0 0 1 6.3 5.1z',
};
export const icon = (r: Reaction): TemplateResult =>
  html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d=${ICONS[r]}></path></svg>`;

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
  menu: Menu;
  /** A reaction's icon. */
  icon(reaction: Reaction): TemplateResult;
  /** The menu's and picker's code (`comment-actions.ts`), once loaded. */
  actions: CommentActions | null;
  /** A confirmation shown under one comment (a report sent, a reply posted). */
  confirm: { id: string | null; text: string } | null;
  /** Opens (or closes) a comment's menu or picker; `last` focuses its last item. */
  toggleMenu(kind: 'more' | 'react', comment: Comment, last?: boolean): void;
  /** Closes the menu or picker; `refocus` puts focus back on its button. */
  closeMenu(refocus: boolean): void;
  /** A choice in the "…" menu. */
  pick(action: MenuAction, comment: Comment): void;
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
  const isRoot = comment.id === root.id;
  return compactHtml`
    <li class="item">
      ${renderArticle(view, comment)}
      ${
        children.length > 0
          ? compactHtml`<ol
            class="replies"
            part="replies"
            aria-label=${comment.author ? view.t('thread.repliesLabel', { name: authorName(view, comment) }) : view.t('thread.repliesToRemoved')}
          >
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
          ? compactHtml`<button
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

/** A comment's HTML as shown, by the linker it was made with: a render with the same comment and linker reuses it. */
const bodies = new WeakMap<Comment, { linker: UserHtmlLinker | null; html: string }>();

/**
 * The server's sanitised HTML with its links set as they open (`user-links.ts`: outside the
 * widget, or by the linker once loaded). Bound as `.innerHTML`, which Lit sets only when the
 * text changed: the linker's arrival re-parses only the comments whose links it changes.
 */
function bodyHtml(view: CommentView, c: Comment): string {
  const known = bodies.get(c);
  if (known && known.linker === view.linker) return known.html;
  const html = c.html ? (view.linker ?? withOutsideLinks)(c.html) : '';
  bodies.set(c, { linker: view.linker, html });
  return html;
}

function renderArticle(view: CommentView, c: Comment): TemplateResult {
  if (c.state === 'removed') {
    return compactHtml`<article class="comment removed" part="comment removed" data-comment=${c.id} tabindex="-1" aria-labelledby=${headingId(c)}>
      <p class="placeholder" id=${headingId(c)}>${view.t('thread.removed')}</p>
    </article>`;
  }
  const editing = view.panel?.kind === 'edit' && view.panel.id === c.id;
  const notice = view.notice?.id === c.id ? view.notice.text : '';
  return compactHtml`
    <article
      class="comment ${c.state} ${c.accepted ? 'accepted' : ''} ${c.pinned ? 'pinned' : ''}"
      part="comment ${c.state}"
      data-comment=${c.id}
      tabindex="-1"
      aria-labelledby=${headingId(c)}
    >
      ${renderHeader(view, c)}
      ${c.replyTo ? compactHtml`<p class="replying-to">${c.replyTo.author ? view.t('thread.replyingTo', { name: shownName(view.t, c.replyTo.author) }) : view.t('thread.replyingToRemoved')}</p>` : nothing}
      ${
        c.state === 'pending'
          ? compactHtml`<p class="pending" part="pending">${c.pendingReason ? view.t('thread.pending', { reason: view.reason(c) }) : view.t('thread.pendingNoReason')}</p>`
          : nothing
      }
      ${
        editing
          ? compactHtml`<bk-comment-composer
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
            compactHtml`<div class="comment-body" part="comment-body" .innerHTML=${bodyHtml(view, c)}></div>`
      }
      ${editing ? nothing : renderActions(view, c)}
      ${view.panel?.id === c.id ? renderPanel(view, c) : nothing}
      ${view.confirm?.id === c.id ? compactHtml`<p class="confirmation" part="confirmation">${view.confirm.text}</p>` : nothing}
      ${notice ? compactHtml`<p class="comment-notice" role="alert">${notice}</p>` : nothing}
    </article>
  `;
}

/** Date and number formats by locale: making one costs more than the rest of a comment's template. */
const dateFormats: Record<string, Intl.DateTimeFormat> = {};
const numberFormats: Record<string, Intl.NumberFormat> = {};

/** Texts every comment repeats, translated once per render (the thread makes a view per render). */
const fixedTexts = new WeakMap<CommentView, { reactions: string; addReaction: string; reply: string }>();

function textsOf(view: CommentView) {
  let texts = fixedTexts.get(view);
  if (!texts) {
    texts = { reactions: view.t('thread.reactionsLabel'), addReaction: view.t('thread.addReaction'), reply: view.t('thread.reply') };
    fixedTexts.set(view, texts);
  }
  return texts;
}

function renderHeader(view: CommentView, c: Comment): TemplateResult {
  const author = c.author;
  dateFormats[view.locale] ??= new Intl.DateTimeFormat(view.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = dateFormats[view.locale] as Intl.DateTimeFormat;
  return compactHtml`
    <header class="comment-header" part="comment-header">
      ${author ? compactHtml`<span class="avatar a${avatarColour(author.handle)}" part="avatar" aria-hidden="true">${initials(authorName(view, c))}</span>` : nothing}
      <h3 class="author" id=${headingId(c)}>
        ${author?.businessUnit ? view.t('thread.byline', { name: authorName(view, c), unit: author.businessUnit }) : authorName(view, c)}
      </h3>
      <time datetime=${c.createdAt} title=${when.format(new Date(c.createdAt))}>${relativeTime(view.locale, c.createdAt)}</time>
      ${
        c.editedAt
          ? compactHtml`<span class="edited" title=${view.t('thread.editedAt', { time: when.format(new Date(c.editedAt)) })}>(${view.t('thread.edited')})</span>`
          : nothing
      }
      ${c.pinned ? compactHtml`<span class="badge pinned-badge" part="badge">${view.t('thread.pinned')}</span>` : nothing}
      ${c.accepted ? compactHtml`<span class="badge accepted-badge" part="badge">✓ ${view.t('thread.accepted')}</span>` : nothing}
      ${view.practice(c)}
    </header>
  `;
}

function renderActions(view: CommentView, c: Comment): TemplateResult {
  const published = c.state === 'published';
  const label = view.t('thread.actionsLabel', { name: authorName(view, c) });
  const open = (kind: 'more' | 'react') => view.menu?.kind === kind && view.menu.id === c.id;
  // A menu button (APG): Enter, Space or ↓ open it on its first item, ↑ on its last.
  const onKey = (kind: 'more' | 'react') => (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    if (!open(kind)) view.toggleMenu(kind, c, e.key === 'ArrowUp');
  };
  const menu = (kind: 'more' | 'react') => (open(kind) ? view.actions?.[kind](view, c) : nothing);
  if (view.signedIn && published) {
    // Nearly every comment a signed-in reader sees: one template, no nested ones.
    const replying = view.panel?.kind === 'reply' && view.panel.id === c.id;
    const texts = textsOf(view);
    return compactHtml`
      <div class="actions" part="actions" role="group" aria-label=${label}>
        <span class="reactions" part="reactions" role="group" aria-label=${texts.reactions}>${reactionsGiven(view, c)}</span>
        <span class="menu-anchor"
          ><button
            type="button"
            class="button subtle react"
            data-action="react"
            data-for=${c.id}
            aria-label=${texts.addReaction}
            aria-haspopup="true"
            aria-expanded=${open('react') ? 'true' : 'false'}
            @click=${() => view.toggleMenu('react', c)}
            @keydown=${onKey('react')}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path fill="none" stroke="currentColor" stroke-width="1.5" d="M14 8.5A6 6 0 1 1 8 2.5M5 9.5c1.5 2 4.5 2 6 0M13 0v5M10.5 2.5h5"></path>
            </svg></button
          >${menu('react')}</span
        >
        <button
          type="button"
          class="button subtle"
          data-action="reply"
          data-for=${c.id}
          aria-disabled=${view.busy.has(c.id) ? 'true' : 'false'}
          aria-expanded=${replying ? 'true' : 'false'}
          @click=${() => (replying ? view.close() : view.open('reply', c))}
        >
          ${texts.reply}
        </button>
        <span class="menu-anchor"
          ><button
            type="button"
            class="button subtle more"
            data-action="more"
            data-for=${c.id}
            aria-label=${label}
            aria-haspopup="menu"
            aria-expanded=${open('more') ? 'true' : 'false'}
            @click=${() => view.toggleMenu('more', c)}
            @keydown=${onKey('more')}
          >
            <span aria-hidden="true">…</span></button
          >${menu('more')}</span
        >
      </div>
    `;
  }
  return compactHtml`
    <div class="actions" part="actions" role="group" aria-label=${label}>
      ${published ? renderReactions(view, c) : nothing}
      ${
        c.mine || view.moderator || published
          ? compactHtml`<span class="menu-anchor"
            ><button
              type="button"
              class="button subtle more"
              data-action="more"
              data-for=${c.id}
              aria-label=${label}
              aria-haspopup="menu"
              aria-expanded=${open('more') ? 'true' : 'false'}
              @click=${() => view.toggleMenu('more', c)}
              @keydown=${onKey('more')}
            >
              <span aria-hidden="true">…</span></button
            >${menu('more')}</span
          >`
          : nothing
      }
    </div>
  `;
}

/** The reactions someone gave (none at 0): a toggle each for people signed in, a count for others. */
function renderReactions(view: CommentView, c: Comment): TemplateResult {
  return compactHtml`<span class="reactions" part="reactions" role="group" aria-label=${textsOf(view).reactions}
    >${reactionsGiven(view, c)}</span
  >`;
}

/** The reactions inside their group (none at 0), for a template that has the group itself. */
function reactionsGiven(view: CommentView, c: Comment): unknown {
  const given = REACTIONS.filter((r) => c.reactions[r] > 0);
  if (given.length === 0) return nothing;
  numberFormats[view.locale] ??= new Intl.NumberFormat(view.locale);
  const numbers = numberFormats[view.locale] as Intl.NumberFormat;
  return given.map((r) => {
    const count = c.reactions[r];
    const content = compactHtml`${icon(r)}<span class="visually-hidden">${view.t(`thread.reaction.${r}`)}</span> <span class="count">${numbers.format(count)}</span>`;
    if (!view.signedIn) return compactHtml`<span class="reaction" part="reaction">${content}</span>`;
    return compactHtml`<button
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
  });
}

function renderPanel(view: CommentView, c: Comment): TemplateResult | typeof nothing {
  switch (view.panel?.kind) {
    case 'reply':
      return compactHtml`<bk-comment-composer
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
    case 'flag':
      return view.actions?.panel(view, c) ?? nothing;
    default:
      return nothing;
  }
}
