/**
 * How one comment of `bk-thread` looks: byline, badges, the server's HTML, reactions, actions,
 * and the inline panels (reply, edit, delete confirmation, report). Replies nest as lists.
 *
 * A thread may show 500 comments at once, so a comment is one small template — its list item,
 * its article's attributes — around one string of HTML (`innerHtml`: texts through `esc`, the
 * server's HTML through `linkedHtml` of `user-links.ts`), parsed at once and only when it
 * changes. Its buttons have no listeners of their own: the thread handles clicks and keys for
 * all of them (`onCommentClick`, `onCommentKey`, reading `data-action`, `data-for` and
 * `data-reaction`). What has state of its own — a composer, an open menu — sits beside the
 * strings, so that a change to them (a reaction arriving live) leaves it as it is: the
 * composers in slots of the template, the open menu put in its anchor by `MenuPlacement`.
 */
import { type Comment, type FlagReason, REACTIONS, type Reaction } from '@bridgekit/sdk';
import { html, noChange, nothing, render, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { avatarColour, initials } from '../../shared/avatar.ts';
import { relativeTime, type Translate } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';
import { linkedHtml, type UserHtmlLinker } from '../../shared/user-links.ts';
import type { SendComment } from './comment-composer.ts';
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
const svg = (path: string) => `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${path}</svg>`;
const iconHtml = (r: Reaction) => svg(`<path fill="currentColor" d="${ICONS[r]}"></path>`);
const ADD_REACTION = svg(
  '<path fill="none" stroke="currentColor" stroke-width="1.5" d="M14 8.5A6 6 0 1 1 8 2.5M5 9.5c1.5 2 4.5 2 6 0M13 0v5M10.5 2.5h5"></path>',
);
/** A reaction's icon, for a template (the picker's). */
export const icon = (r: Reaction): TemplateResult =>
  html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d=${ICONS[r]}></path></svg>`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escape of every text in a comment's HTML: shows exactly that text, in content and in a quoted attribute alike. */
const esc = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);

class InnerHtmlDirective extends Directive {
  #html: string | undefined;

  render(_source: string): unknown {
    return noChange;
  }

  override update(part: ElementPart, [source]: [string]): unknown {
    // Parsed in place, in the element's own document: nothing to clone or adopt.
    if (source !== this.#html) (part.element as HTMLElement).innerHTML = this.#html = source;
    return noChange;
  }
}

/** An element's content as a string of HTML (`<div ${innerHtml(…)}>`), parsed when it changes, untouched when it does not. */
const innerHtml = directive(InnerHtmlDirective);

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
  icon(reaction: Reaction): unknown;
  /** The menu's and picker's code (`comment-actions.ts`), once loaded. */
  actions: CommentActions | null;
  /** A confirmation shown under one comment (a report sent, a reply posted). */
  confirm: { id: string | null; text: string } | null;
  /** A comment shown, in the list or (read-only) as the one the page's address links to. */
  find(id: string): Comment | undefined;
  /** Whether the comment is in the list (not only the linked one). */
  shown(id: string): boolean;
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
  /** "Became a practice: …" on a comment promoted to a practice card: its words, the card's title and address (once known). */
  practice(comment: Comment): { label: string; title: string; href: string | null } | null;
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

/** The view for a comment shown but not acted on where it is (the linked one, when not on the page). */
export const readOnly = (view: CommentView): CommentView => ({
  ...view,
  signedIn: false,
  moderator: false,
  mayAccept: false,
  mayPromote: () => false,
});

export function renderRoot(view: CommentView, root: Root): TemplateResult {
  return renderComment(view, root, replyTree(root), root);
}

/** The comment's author as shown ('' for a removed comment, which names no one). */
const authorName = (view: CommentView, c: Comment): string => (c.author ? shownName(view.t, c.author.name) : '');

const headingId = (c: Comment) => `bk-c-${c.id}-by`;

function renderComment(view: CommentView, c: Comment, tree: Map<string, Comment[]>, root: Root): TemplateResult {
  const children = tree.get(c.id) ?? [];
  const classes =
    c.state === 'removed' ? 'comment removed' : `comment ${c.state}${c.accepted ? ' accepted' : ''}${c.pinned ? ' pinned' : ''}`;
  const tail = renderTail(view, c);
  return html`<li class="item"><article class=${classes} part="comment ${c.state}" data-comment=${c.id} tabindex="-1" aria-labelledby=${headingId(c)}><div class="comment-main" ${innerHtml(mainHtml(view, c))}></div>${view.panel?.id === c.id ? renderPanel(view, c) : nothing}${tail}</article>${
    children.length > 0
      ? html`<ol class="replies" part="replies" aria-label=${c.author ? view.t('thread.repliesLabel', { name: authorName(view, c) }) : view.t('thread.repliesToRemoved')}>${repeat(
          children,
          (reply) => reply.id,
          (reply) => renderComment(view, reply, tree, root),
        )}</ol>`
      : nothing
  }${c.id === root.id && root.moreReplies ? renderMoreReplies(view, root) : nothing}</li>`;
}

/** Everything of the comment but its panel and the messages under it; the header and notes alone while an edit box (its panel) replaces the rest. */
function mainHtml(view: CommentView, c: Comment): string {
  if (c.state === 'removed') return `<p class="placeholder" id="${esc(headingId(c))}">${esc(view.t('thread.removed'))}</p>`;
  const top = headerHtml(view, c) + notesHtml(view, c);
  return view.panel?.kind === 'edit' && view.panel.id === c.id ? top : top + bodyHtml(view, c) + actionsHtml(view, c);
}

function renderMoreReplies(view: CommentView, root: Root): TemplateResult {
  const busy = view.busy.has(root.id);
  return html`<button type="button" class="button subtle more-replies" part="more-replies" data-action="more-replies" data-for=${root.id} aria-disabled=${busy ? 'true' : 'false'}>${view.t(busy ? 'thread.loadingReplies' : 'thread.moreReplies')}</button>`;
}

/** A comment's HTML as shown, by the linker it was made with: a render with the same comment and linker reuses it. */
const bodies = new WeakMap<Comment, { linker: UserHtmlLinker | null; html: string }>();

/** The server's sanitised HTML with its links set as they open (`linkedHtml`), made once per comment and linker. */
function bodyHtml(view: CommentView, c: Comment): string {
  let known = bodies.get(c);
  if (!known || known.linker !== view.linker) {
    known = { linker: view.linker, html: `<div class="comment-body" part="comment-body">${linkedHtml(c.html, view.linker)}</div>` };
    bodies.set(c, known);
  }
  return known.html;
}

/** Date and number formats by locale: making one costs more than the rest of a comment. */
const dateFormats: Record<string, Intl.DateTimeFormat> = {};
const numberFormats: Record<string, Intl.NumberFormat> = {};

/** Texts every comment repeats, translated and escaped once per render (the thread makes a view per render). */
const fixedTexts = new WeakMap<CommentView, { reactions: string; addReaction: string; reply: string; given: Record<Reaction, string> }>();

function textsOf(view: CommentView) {
  let texts = fixedTexts.get(view);
  if (!texts) {
    const given = {} as Record<Reaction, string>;
    for (const r of REACTIONS) given[r] = `${iconHtml(r)}<span class="visually-hidden">${esc(view.t(`thread.reaction.${r}`))}</span> `;
    texts = {
      reactions: esc(view.t('thread.reactionsLabel')),
      addReaction: esc(view.t('thread.addReaction')),
      reply: esc(view.t('thread.reply')),
      given,
    };
    fixedTexts.set(view, texts);
  }
  return texts;
}

function headerHtml(view: CommentView, c: Comment): string {
  const author = c.author;
  const name = authorName(view, c);
  dateFormats[view.locale] ??= new Intl.DateTimeFormat(view.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = dateFormats[view.locale] as Intl.DateTimeFormat;
  const byline = author?.businessUnit ? view.t('thread.byline', { name, unit: author.businessUnit }) : name;
  return `<header class="comment-header" part="comment-header">${
    author ? `<span class="avatar a${avatarColour(author.handle)}" part="avatar" aria-hidden="true">${esc(initials(name))}</span>` : ''
  }<h3 class="author" id="${esc(headingId(c))}">${esc(byline)}</h3><time datetime="${esc(c.createdAt)}" title="${esc(
    when.format(new Date(c.createdAt)),
  )}">${esc(relativeTime(view.locale, c.createdAt))}</time>${
    c.editedAt
      ? `<span class="edited" title="${esc(view.t('thread.editedAt', { time: when.format(new Date(c.editedAt)) }))}">(${esc(view.t('thread.edited'))})</span>`
      : ''
  }${c.pinned ? `<span class="badge pinned-badge" part="badge">${esc(view.t('thread.pinned'))}</span>` : ''}${
    c.accepted ? `<span class="badge accepted-badge" part="badge">✓ ${esc(view.t('thread.accepted'))}</span>` : ''
  }${practiceHtml(view, c)}</header>`;
}

/** "Became a practice: …" with a link to the card once its address is known. */
function practiceHtml(view: CommentView, c: Comment): string {
  const practice = view.practice(c);
  if (!practice) return '';
  const title = esc(practice.title);
  return `<span class="badge" part="badge">${esc(practice.label)} ${practice.href ? `<a href="${esc(practice.href)}">${title}</a>` : title}</span>`;
}

/** "Replying to …" and the moderator's hold, under the header. */
function notesHtml(view: CommentView, c: Comment): string {
  const replyingTo = c.replyTo
    ? `<p class="replying-to">${esc(c.replyTo.author ? view.t('thread.replyingTo', { name: shownName(view.t, c.replyTo.author) }) : view.t('thread.replyingToRemoved'))}</p>`
    : '';
  if (c.state !== 'pending') return replyingTo;
  const why = c.pendingReason ? view.t('thread.pending', { reason: view.reason(c) }) : view.t('thread.pendingNoReason');
  return `${replyingTo}<p class="pending" part="pending">${esc(why)}</p>`;
}

/** What the last action did, or why it failed, under the comment (rare: a template of its own). */
function renderTail(view: CommentView, c: Comment): unknown {
  const confirm = view.confirm?.id === c.id ? view.confirm.text : '';
  const notice = view.notice?.id === c.id ? view.notice.text : '';
  if (!confirm && !notice) return nothing;
  return html`${confirm ? html`<p class="confirmation" part="confirmation">${confirm}</p>` : nothing}${
    notice ? html`<p class="comment-notice" role="alert">${notice}</p>` : nothing
  }`;
}

/**
 * The row of actions: the reactions given, "Add reaction" and Reply (signed in, published), and
 * the "…" menu. A menu button's `aria-expanded` is "false" here whatever the state: `MenuPlacement`
 * sets it on the button itself, so that opening a menu changes no comment's string.
 */
function actionsHtml(view: CommentView, c: Comment): string {
  const published = c.state === 'published';
  const label = esc(view.t('thread.actionsLabel', { name: authorName(view, c) }));
  const texts = textsOf(view);
  const id = esc(c.id);
  let row = `<div class="actions" part="actions" role="group" aria-label="${label}">`;
  if (published)
    row += `<span class="reactions" part="reactions" role="group" aria-label="${texts.reactions}">${reactionsGiven(view, c)}</span>`;
  if (view.signedIn && published) {
    const replying = view.panel?.kind === 'reply' && view.panel.id === c.id;
    row += `<span class="menu-anchor"><button type="button" class="button subtle react" data-action="react" data-for="${id}" aria-label="${texts.addReaction}" aria-haspopup="true" aria-expanded="false">${ADD_REACTION}</button></span><button type="button" class="button subtle" data-action="reply" data-for="${id}" aria-disabled="${view.busy.has(c.id)}" aria-expanded="${replying}">${texts.reply}</button>`;
  }
  if (c.mine || view.moderator || published) {
    row += `<span class="menu-anchor"><button type="button" class="button subtle more" data-action="more" data-for="${id}" aria-label="${label}" aria-haspopup="menu" aria-expanded="false"><span aria-hidden="true">…</span></button></span>`;
  }
  return `${row}</div>`;
}

/** The reactions someone gave (none at 0): a toggle each for people signed in, a count for others. */
function reactionsGiven(view: CommentView, c: Comment): string {
  const given = REACTIONS.filter((r) => c.reactions[r] > 0);
  if (given.length === 0) return '';
  numberFormats[view.locale] ??= new Intl.NumberFormat(view.locale);
  const numbers = numberFormats[view.locale] as Intl.NumberFormat;
  const texts = textsOf(view);
  return given
    .map((r) => {
      const content = `${texts.given[r]}<span class="count">${numbers.format(c.reactions[r])}</span>`;
      if (!view.signedIn) return `<span class="reaction" part="reaction">${content}</span>`;
      return `<button type="button" class="reaction" part="reaction" data-reaction="${r}" data-for="${esc(c.id)}" aria-pressed="${c.myReactions.includes(r)}" aria-disabled="${view.busy.has(c.id)}">${content}</button>`;
    })
    .join('');
}

function renderPanel(view: CommentView, c: Comment): unknown {
  switch (view.panel?.kind) {
    case 'edit':
      return inlineComposer(view, 'edit', view.sendEdit(c), {
        label: view.t('thread.editLabel'),
        submit: view.t('thread.save'),
        busy: view.t('thread.saving'),
        initial: c.body ?? '',
      });
    case 'reply':
      return inlineComposer(view, 'reply', view.sendReply(c), {
        label: view.t('thread.replyLabel', { name: authorName(view, c) }),
        submit: view.t('thread.postReply'),
        busy: view.t('thread.posting'),
      });
    case 'delete':
    case 'flag':
      return view.actions?.panel(view, c) ?? nothing;
    default:
      return nothing;
  }
}

/**
 * The text box in a comment's panel: a reply under it, or its edit in place of its text. A new
 * box for each kind (`keyed`), so what was typed in one never shows in the other.
 */
function inlineComposer(
  view: CommentView,
  kind: 'reply' | 'edit',
  send: SendComment,
  texts: { label: string; submit: string; busy: string; initial?: string },
): unknown {
  return keyed(
    kind,
    html`<bk-comment-composer
      class="inline"
      part="composer"
      exportparts="textarea: composer-textarea, submit: composer-submit"
      .tenant=${view.tenant}
      .label=${texts.label}
      .submitLabel=${texts.submit}
      .busyLabel=${texts.busy}
      .initial=${texts.initial ?? ''}
      .send=${send}
      .cancel=${() => view.close()}
    ></bk-comment-composer>`,
  );
}

/** The comment button an event came from, with its comment; none for a menu's own buttons. */
function commentButton(view: CommentView, event: Event): { button: HTMLElement; comment: Comment } | undefined {
  const button = (event.target as Element).closest?.<HTMLElement>('button[data-for]');
  if (!button || button.closest('[data-menu]')) return undefined;
  const comment = view.find(button.dataset.for ?? '');
  return comment ? { button, comment } : undefined;
}

/**
 * Clicks on any comment's buttons, for the list: a reaction, "Add reaction", Reply, "…" and
 * "Show more replies".
 *
 * @example
 * html`<section @click=${(e: Event) => onCommentClick(this.view, e)}>…</section>`
 */
export function onCommentClick(view: CommentView, event: Event): void {
  const found = commentButton(view, event);
  if (!found) return;
  const { button, comment: c } = found;
  const { action, reaction } = button.dataset;
  if (reaction) view.react(c, reaction as Reaction);
  else if (action === 'react' || action === 'more') view.toggleMenu(action, c);
  else if (action === 'reply') view.panel?.kind === 'reply' && view.panel.id === c.id ? view.close() : view.open('reply', c);
  else if (action === 'more-replies') view.moreReplies(c as Root);
}

/**
 * Keys on any comment's buttons, for the list: a menu button (APG) opens on ↓ at its first item,
 * on ↑ at its last (Enter and Space click it).
 *
 * @example
 * html`<section @keydown=${(e: KeyboardEvent) => onCommentKey(this.view, e)}>…</section>`
 */
export function onCommentKey(view: CommentView, event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const found = commentButton(view, event);
  const kind = found?.button.dataset.action;
  if (!found || (kind !== 'react' && kind !== 'more')) return;
  event.preventDefault();
  if (view.menu?.kind !== kind || view.menu.id !== found.comment.id) view.toggleMenu(kind, found.comment, event.key === 'ArrowUp');
}

/**
 * Puts the open menu or picker (`view.menu`) in the anchor beside its button, which it marks
 * expanded, and takes a closed one out. Run after each render: when the comment's string
 * changed, the anchor is new and the menu goes into that one.
 */
export class MenuPlacement {
  #anchor: Element | null = null;

  place(view: CommentView, root: ParentNode): void {
    const { menu, actions } = view;
    const comment = menu && actions ? view.find(menu.id) : undefined;
    const button = menu && comment ? root.querySelector(`button[data-action="${menu.kind}"][data-for="${CSS.escape(menu.id)}"]`) : null;
    const anchor = button?.parentElement ?? null;
    if (this.#anchor && this.#anchor !== anchor) {
      render(nothing, this.#anchor as HTMLElement);
      this.#anchor.firstElementChild?.setAttribute('aria-expanded', 'false');
    }
    this.#anchor = anchor;
    if (!anchor || !button || !menu || !comment || !actions) return;
    button.setAttribute('aria-expanded', 'true');
    render(actions[menu.kind](view.shown(comment.id) ? view : readOnly(view), comment), anchor as HTMLElement);
  }
}

/**
 * The reader's focus in a comment, to keep across a render that makes the comment's HTML anew
 * (a reaction arriving, a button turning busy): answers what to run after the render, which
 * focuses the new button for the same action on the same comment — or else the comment — when
 * the focused one is gone.
 */
export function keepFocus(root: ShadowRoot): (() => void) | undefined {
  const active = root.activeElement as HTMLElement | null;
  const article = active?.closest<HTMLElement>('article[data-comment]');
  if (!active || !article || active === article) return undefined;
  const keys = ['action', 'for', 'reaction', 'pick'].filter((k) => active.dataset[k]);
  const menu = active.closest<HTMLElement>('[data-menu]');
  const selector = keys.length
    ? `${menu ? `[data-menu="${CSS.escape(menu.dataset.menu ?? '')}"] ` : ''}${active.localName}${keys
        .map((k) => `[data-${k}="${CSS.escape(active.dataset[k] ?? '')}"]`)
        .join('')}`
    : null;
  return () => {
    if (active.isConnected) return;
    const next =
      (selector && root.querySelector<HTMLElement>(selector)) ||
      root.querySelector<HTMLElement>(`article[data-comment="${CSS.escape(article.dataset.comment ?? '')}"]`);
    next?.focus({ preventScroll: true });
  };
}
