import {
  type BridgekitMemberClient,
  type Comment,
  type CommentSort,
  type FlagReason,
  isBridgekitError,
  LIMITS,
  type Reaction,
  type Thread,
  type ThreadPage,
  type ThreadRef,
} from '@bridgekit/sdk';
import { cleanLine } from '@bridgekit/sdk/text-rules';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BkCommentPostEvent } from '../../events/comment-post.ts';
import { avatarStyles } from '../../shared/avatar.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { defineElement } from '../../shared/define.ts';
import { followControl } from '../../shared/follow-control.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { threadMessages } from '../../shared/messages/threads.ts';
import { offlineQueue, unreachable } from '../../shared/offline.ts';
import { PagedList, renderLoadMore } from '../../shared/paged-list.ts';
import { headerStyles, pagedListStyles, sortStyles, tokens } from '../../shared/styles.ts';
import { threadRefOf } from '../../shared/thread-ref.ts';
import type { UserHtmlLinker } from '../../shared/user-links.ts';
import { BkCommentComposer, type SendComment } from './comment-composer.ts';
import {
  type CommentActions,
  type CommentView,
  icon,
  keepFocus,
  type Menu,
  type MenuAction,
  MenuPlacement,
  onCommentClick,
  onCommentKey,
  type Panel,
  type PanelKind,
  readOnly,
  renderRoot,
} from './comment-view.ts';
import { threadStyles } from './thread.styles.ts';
import { type LiveChange, LiveFeed, type LiveStatus } from './thread-live.ts';
import {
  addReply,
  addTopLevel,
  appendNew,
  applyLatest,
  findComment,
  isShown,
  markAccepted,
  patchComment,
  type Root,
  replaceComment,
} from './thread-model.ts';

const SORTS: { value: CommentSort; label: MessageKey }[] = [
  { value: 'oldest', label: 'thread.sortOldest' },
  { value: 'newest', label: 'thread.sortNewest' },
  { value: 'top', label: 'thread.sortTop' },
];
const isSort = (value: string): value is CommentSort => SORTS.some((s) => s.value === value);
const MODERATORS = new Set(['moderator', 'admin']);
const POLL_DEFAULT_S = 15;
const TITLE_MAX = 200;
/** Top-level comments per page the API allows. */
const PAGE_MAX = 50;
type StoryLinks = import('./story-links.ts').StoryLinks;

registerFeature(threadMessages);

/**
 * A discussion thread under an intranet page: comments with nested replies, Markdown, reactions,
 * an accepted answer, pinned comments, moderation held comments visible to their authors, and
 * live updates that never move what the reader is reading (new comments wait behind a button).
 * Each comment has a link of its own (`#bk-comment=<id>` on the thread's page, which scrolls to,
 * highlights and focuses it, on arrival and when Back, Forward or a link changes the address to
 * it); a moderator or the story's author makes the thread, or one comment, a
 * practice card, and the thread shows the cards it became. A comment written offline is kept
 * and sent once when the connection is back; the thread says so meanwhile, and when it is sent.
 *
 * @tag bk-thread
 * @summary Comments and replies under a page, with live updates.
 *
 * @attr key - Explicit thread key, e.g. `practice-card:42`.
 * @attr url - The page URL the thread belongs to. Without `key` and `url`: the page's
 *   `<link rel="canonical">`, else its address (the server ignores query string and fragment).
 * @attr sort - `oldest` (default), `newest` or `top`; the reader can change it.
 * @attr page-title - Title stored with the thread when the first comment starts it. Default `document.title`.
 * @attr page-size - Top-level comments per page, 1–50 (default 20).
 * @attr live - `on` (default): a WebSocket, falling back to polling; `poll`: polling only; `off`: no live updates.
 * @attr poll-interval - Seconds between polls when polling, at least 1 (default 15).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-comment-post - The person posted a comment or reply ({@link BkCommentPostEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart thread - The thread's frame.
 * @csspart header - Heading, count and sort menu.
 * @csspart follow - The follow control (`bk-follow`) in the header, for people signed in, once the discussion has a comment.
 * @csspart heading - The heading.
 * @csspart count - The number of comments.
 * @csspart sort - The sort menu.
 * @csspart composer - The box for a new comment (and the inline reply and edit boxes).
 * @csspart composer-textarea - The text box of a composer.
 * @csspart composer-submit - The send button of a composer.
 * @csspart new-comments - The "3 new comments" button.
 * @csspart live-state - "Connection lost. Reconnecting…" while the live connection is down.
 * @csspart load-more-error - Why "load more" last failed, beside the button.
 * @csspart outage - The page's one "Can't reach the service" banner, when this element failed first.
 * @csspart outage-placeholder - What shows instead while another element's banner says the service is out of reach.
 * @csspart list - The list of top-level comments.
 * @csspart comment - One comment (also `published`, `pending` or `removed`).
 * @csspart comment-header - Author, time and badges of a comment.
 * @csspart avatar - The author's initials on a colour of their own (decorative).
 * @csspart confirmation - What the last action did (a comment posted, a report sent): under the composer or the comment.
 * @csspart comment-body - The comment's text (HTML rendered by the server).
 * @csspart mention - An @mention in a comment: a link to the person's view.
 * @csspart item-link - A link in a comment to an idea's, card's, comment's or person's view: it opens in place.
 * @csspart badge - The "Pinned" and "Accepted answer" badges.
 * @csspart pending - The "Waiting for a moderator" note.
 * @csspart actions - A comment's reactions, "Add reaction", Reply and the "…" menu of its other actions.
 * @csspart reactions - The reactions a comment has (none shown at 0).
 * @csspart reaction - One reaction with its count.
 * @csspart confirm - The delete confirmation.
 * @csspart flag - The report form.
 * @csspart replies - The list of replies below a comment.
 * @csspart more-replies - The "Show more replies" button.
 * @csspart load-more - The "Load more comments" button.
 * @csspart practices - "Became a practice: …", the cards the war story became.
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-thread-surface - Background of the thread. Default `--bk-color-surface`.
 * @cssproperty --bk-thread-padding - Padding of the thread. Default `1rem`.
 * @cssproperty --bk-thread-gap - Space between the thread's parts. Default `0.75rem`.
 * @cssproperty --bk-thread-indent - Indent of each reply level. Default `1.25rem`.
 * @cssproperty --bk-thread-accent - Colour of the accepted answer's mark. Default `--bk-color-success`.
 */
export class BkThread extends BridgekitElement {
  static override styles = [tokens, headerStyles, sortStyles, pagedListStyles, avatarStyles, threadStyles];
  static override properties = {
    key: { type: String, reflect: true },
    url: { type: String, reflect: true },
    sort: { type: String, reflect: true },
    pageTitle: { type: String, attribute: 'page-title' },
    pageSize: { type: Number, attribute: 'page-size' },
    live: { type: String, reflect: true },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _thread: { state: true },
    _moderator: { state: true },
    _panel: { state: true },
    _menu: { state: true },
    _confirm: { state: true },
    _actions: { state: true },
    _busy: { state: true },
    _notice: { state: true },
    _fresh: { state: true },
    _announcement: { state: true },
    _liveStatus: { state: true },
    _linker: { state: true },
  };

  declare key: string | null;
  declare url: string | null;
  declare sort: CommentSort;
  declare pageTitle: string | null;
  declare pageSize: number;
  declare live: string;
  declare pollInterval: number;
  declare _thread: Thread | null;
  declare _moderator: boolean;
  declare _panel: Panel;
  declare _menu: Menu;
  /** The last outcome, shown where it happened (under the composer for `id: null`) as well as announced. */
  declare _confirm: { id: string | null; text: string } | null;
  /** The "…" menu's and reaction picker's code (`comment-actions.ts`), loaded on first use. */
  declare _actions: CommentActions | null;
  declare _busy: ReadonlySet<string>;
  declare _notice: { id: string; text: string } | null;
  /** Ids of comments others posted since the reader loaded the thread, not shown yet. */
  declare _fresh: readonly string[];
  declare _announcement: string;
  declare _liveStatus: LiveStatus;
  /** Mentions and links to items in comments, once loaded (`user-html.ts`). */
  declare _linker: UserHtmlLinker | null;

  #ref: ThreadRef | null = null;
  /** The #loadKey of the load last started: willUpdate does not start it again. */
  #loading: string | null = null;
  #list = new PagedList<Root, ThreadPage & { loadedAt?: string }>(this, {
    fetch: async (cursor, signal) => {
      const client = this.client;
      const ref = this.#ref;
      if (!client || !ref) throw new Error('not configured');
      const query = { ...ref, sort: this.#sort, limit: this.#limit, signal };
      if (cursor) return client.threads.page({ ...query, cursor });
      const loadedAt = new Date().toISOString();
      this.#readRole(client, signal);
      return { ...(await client.threads.page(query)), loadedAt };
    },
    key: (root) => root.id,
    describe: (err) => this.describeError(err),
    onFirstPage: (page) => {
      this._thread = page.thread;
      this.#loadedAt = page.loadedAt ?? this.#loadedAt;
      this.#newestAtLoad = Date.parse(page.thread?.lastCommentAt ?? '') || 0;
      if (page.thread) this.#startLive(page.thread.id);
      this.#startStory();
    },
    onMore: (added) => {
      if (added[0]) this.#focusLater(this.#commentSelector(added[0].id));
    },
    onMoreFailed: (message) => {
      this._announcement = message;
    },
  });
  #feed: LiveFeed | null = null;
  /** The live connection was up once: connecting again means it dropped. */
  #wasLive = false;
  /** When the shown copy of the thread was read: live updates catch up from there. */
  #loadedAt = new Date().toISOString();
  /** The newest comment when the thread was read: older ones not shown are on later pages, not new. */
  #newestAtLoad = 0;
  /** The person's own posts in flight, and the ids of those stored: live updates skip them. */
  #posting = new Set<Promise<unknown>>();
  #posted = new Set<string>();
  #refresh = new Set<string>();
  /** Live changes seen per comment: a read that started before the latest one may predate it. */
  #changesSeen = new Map<string, number>();
  /** New comments already read to learn where they go (polling does not say). */
  #prefetched = new Map<string, Comment>();
  #focusAfterUpdate: string | null = null;
  /** The reader's role is being read: the thread is busy until the moderator tools are known. */
  #readingRole = false;
  /** The story links of this load have started (`#startStory`). */
  #storyStarted = false;
  /** Links, practices and "Make it a practice": loaded when first wanted (`story-links.ts`). */
  #story: StoryLinks | null = null;
  #menus = new MenuPlacement();
  /** The comments' buttons have no listeners of their own: these handle them all. */
  #onCommentClick = (e: Event) => onCommentClick(this.#view, e);
  #onCommentKey = (e: KeyboardEvent) => onCommentKey(this.#view, e);

  constructor() {
    super();
    defineElement('bk-comment-composer', BkCommentComposer);
    this.key = null;
    this.url = null;
    this.sort = 'oldest';
    this.pageTitle = null;
    this.pageSize = LIMITS.pageSize.default;
    this.live = 'on';
    this.pollInterval = POLL_DEFAULT_S;
    this._thread = null;
    this._moderator = false;
    this._panel = null;
    this._menu = null;
    this._confirm = null;
    this._actions = null;
    this._busy = new Set();
    this._notice = null;
    this._fresh = [];
    this._announcement = '';
    this._liveStatus = 'off';
    this._linker = null;
    // A comment's link followed on the page (Back, Forward, a link in a comment): shown as on
    // arrival. The deep-link code loads by `import()`; without it, links are followed on arrival.
    void import('../../shared/item-links.ts').then(
      (m) =>
        new m.LinkedItemController(this, 'comment', (id) => {
          if (this._thread && (id || this.#story)) void this.#storyLinks().then((s) => s.showLinked());
        }),
      () => undefined,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved): finish loading, or follow the thread again from where it was.
    if (!this.hasUpdated) return;
    if (this.#list.status === 'loading') this.#reload();
    else if (this._thread) this.#startLive(this._thread.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive();
  }

  /**
   * The first page is asked for before BridgekitElement's update waits for a reader's texts in
   * their language: the comments and the texts come in one round trip, not one after the other.
   */
  protected override scheduleUpdate(): Promise<void> {
    if (this.#loadKey() !== this.#loading) this.#reload();
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const reload = ['key', 'url', 'sort', 'tenant', 'pageSize'] as const;
    if (reload.some((p) => changed.has(p))) {
      if (this.#loadKey() !== this.#loading) this.#reload();
    } else if ((changed.has('live') || changed.has('pollInterval')) && this.hasUpdated) {
      this.#stopLive();
      if (this._thread) this.#startLive(this._thread.id);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    // A comment's HTML made anew under the reader's focus: focus goes to its successor.
    const refocus = keepFocus(this.renderRoot as ShadowRoot);
    super.update(changed);
    this.#menus.place(this.#view, this.renderRoot);
    refocus?.();
  }

  protected override updated(): void {
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = null;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  protected configChanged(): void {
    this.#reload();
  }

  get #sort(): CommentSort {
    return isSort(this.sort) ? this.sort : 'oldest';
  }

  get #limit(): number {
    return Math.min(PAGE_MAX, Math.max(1, Math.trunc(this.pageSize) || LIMITS.pageSize.default));
  }

  #focusLater(selector: string): void {
    this.#focusAfterUpdate = selector;
    this.requestUpdate();
  }

  // ——— Loading ———

  /** What the first page depends on: a change of any of it loads the thread again. */
  #loadKey(): string {
    return JSON.stringify([this.config.tenant, this.key, this.url, this.#sort, this.#limit]);
  }

  #reload(): Promise<void> | undefined {
    this.#stopLive();
    this.#loading = this.#loadKey();
    if (!this.client) {
      this.#list.abort();
      return;
    }
    this.#ref = threadRefOf(this.key, this.url);
    const client = this.client;
    void import('../../shared/user-html.ts')
      .then((m) => m.userHtmlLinker(client))
      .then((linker) => {
        if (this.client === client) this._linker = linker;
      });
    this._fresh = [];
    this._panel = null;
    this._menu = null;
    this._confirm = null;
    this.#story = null;
    this.#storyStarted = false;
    return this.#list.load();
  }

  /**
   * The viewer's role decides the moderator tools; without it they are simply not shown. Read
   * beside the first page, not before showing it: the comments show as soon as they are here.
   */
  #readRole(client: BridgekitMemberClient, signal: AbortSignal): void {
    this.#readingRole = this.signedIn;
    if (!this.signedIn) {
      this._moderator = false;
      return;
    }
    void import('../../shared/viewer.ts')
      .then((m) => m.viewer(client, signal))
      .catch(() => null)
      .then((me) => {
        if (signal.aborted) return;
        this.#readingRole = false;
        this._moderator = MODERATORS.has(me?.user?.role ?? 'member');
        this.requestUpdate();
        this.#startStory();
      });
  }

  /** Links, practices and "Make it a practice", once per load, when the thread has a use for them. */
  #startStory(): void {
    const thread = this._thread;
    if (this.#storyStarted || !thread || this.#list.status !== 'ready') return;
    if (!thread.practices.length && !this.#mayPromote(null) && !location.hash.includes('bk-comment=')) return;
    this.#storyStarted = true;
    void this.#storyLinks().then((s) => s.start());
  }

  async #moreReplies(root: Root): Promise<void> {
    const client = this.client;
    if (!client || !root.moreReplies || this._busy.has(root.id)) return;
    this.#setBusy(root.id, true);
    try {
      const page = await client.comments.replies(root.id, { cursor: root.moreReplies });
      const current = this.#list.items.find((r) => r.id === root.id);
      if (!current) return;
      const { list, added } = appendNew(current.replies, page.items);
      this.#list.items = this.#list.items.map((r) => (r.id === root.id ? { ...r, replies: list, moreReplies: page.nextCursor } : r));
      if (added[0]) this.#focusLater(this.#commentSelector(added[0].id));
    } catch (err) {
      this._notice = { id: root.id, text: this.t('thread.actionFailed', { reason: await this.describeError(err) }) };
    } finally {
      this.#setBusy(root.id, false);
    }
  }

  #onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.sort = isSort(value) ? value : 'oldest';
  }

  // ——— Live updates ———

  #startLive(threadId: string): void {
    const client = this.client;
    if (!client || this.#feed || this.live === 'off' || !this.isConnected) return;
    const seconds = Number.isFinite(this.pollInterval) && this.pollInterval >= 1 ? this.pollInterval : POLL_DEFAULT_S;
    this.#feed = new LiveFeed({
      client,
      threadId,
      mode: this.live === 'poll' ? 'poll' : 'socket',
      pollIntervalMs: seconds * 1000,
      since: this.#loadedAt,
      onChanges: (changes) => void this.#onChanges(changes),
      onStatus: (status) => {
        if (status === 'socket') this.#wasLive = true;
        this._liveStatus = status;
      },
    });
    this.#feed.start();
  }

  #stopLive(): void {
    this.#feed?.stop();
    this.#feed = null;
    this.#wasLive = false;
    this._liveStatus = 'off';
  }

  async #onChanges(changes: LiveChange[]): Promise<void> {
    for (const change of changes) {
      this.#changesSeen.set(change.id, (this.#changesSeen.get(change.id) ?? 0) + 1);
      if (change.type === 'created') {
        // The person's own post may be announced before its answer arrives: wait for it.
        if (this.#posting.size > 0) await Promise.allSettled(this.#posting);
        if (this.#posted.has(change.id) || this._fresh.includes(change.id)) continue;
        if (isShown(this.#list.items, change.id)) {
          this.#queueRefresh(change.id);
          continue;
        }
        let parentId = change.parentId;
        if (parentId === undefined) {
          const latest = await this.#latest(change.id);
          // Polling looks back a little: a comment older than the page is not new, only not loaded yet.
          if (!latest || Date.parse(latest.createdAt) <= this.#newestAtLoad) continue;
          this.#prefetched.set(latest.id, latest);
          parentId = latest.parentId;
        }
        // A reply under a comment not on screen shows when that comment is loaded.
        if (parentId && !isShown(this.#list.items, parentId)) continue;
        if (!this._fresh.includes(change.id) && !isShown(this.#list.items, change.id)) this._fresh = [...this._fresh, change.id];
      } else if (change.type === 'reactions') {
        if (isShown(this.#list.items, change.id))
          this.#list.items = patchComment(this.#list.items, change.id, { reactions: change.reactions });
      } else {
        if (change.type === 'removed') this._fresh = this._fresh.filter((id) => id !== change.id);
        if (isShown(this.#list.items, change.id)) this.#queueRefresh(change.id);
      }
    }
  }

  /** Re-reads changed comments that are on screen, a batch at a time, and updates them in place. */
  #queueRefresh(id: string): void {
    const first = this.#refresh.size === 0;
    this.#refresh.add(id);
    if (!first) return;
    queueMicrotask(async () => {
      const ids = [...this.#refresh];
      this.#refresh.clear();
      const client = this.client;
      if (!client) return;
      const seen = ids.map((i) => this.#changesSeen.get(i) ?? 0);
      const latest = await Promise.all(ids.map((i) => this.#latest(i)));
      let items = this.#list.items;
      ids.forEach((i, n) => {
        const comment = latest[n];
        // A live change came while this was read (a reaction patched in place): the answer may
        // predate it and would undo it, so read again instead.
        if ((this.#changesSeen.get(i) ?? 0) !== seen[n]) this.#queueRefresh(i);
        else if (comment !== undefined) items = applyLatest(items, i, comment);
      });
      this.#list.items = items;
    });
  }

  /** The comment as the reader may now see it: `null` when gone, `undefined` when unknown (a failed call). */
  async #latest(id: string): Promise<Comment | null | undefined> {
    try {
      return (await this.client?.comments.get(id)) ?? undefined;
    } catch (err) {
      return isBridgekitError(err) && err.status === 404 ? null : undefined;
    }
  }

  async #showFresh(): Promise<void> {
    const ids = this._fresh;
    this._fresh = [];
    const fetched = (await Promise.all(ids.map((id) => this.#prefetched.get(id) ?? this.#latest(id)))).filter((c): c is Comment =>
      Boolean(c),
    );
    for (const id of ids) this.#prefetched.delete(id);
    fetched.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    let items = this.#list.items;
    const shown: Comment[] = [];
    for (const comment of fetched) {
      if (isShown(items, comment.id)) continue;
      const next = comment.parentId === null ? addTopLevel(items, comment, this.#sort, !this.#list.hasMore) : addReply(items, comment);
      if (!next) continue;
      items = next;
      shown.push(comment);
    }
    this.#list.items = items;
    this.#countChange(shown.filter((c) => c.state === 'published').length);
    if (shown.length === 0) {
      this._announcement = this.t('thread.newCommentsGone');
      this.#focusLater('#bk-thread-heading');
      return;
    }
    this._announcement = this.t('thread.newCommentsShown', { count: shown.length });
    // The first new comment on screen, in reading order.
    await this.updateComplete;
    const added = new Set(shown.map((c) => c.id));
    const first = [...this.renderRoot.querySelectorAll<HTMLElement>('article[data-comment]')].find((a) =>
      added.has(a.dataset.comment ?? ''),
    );
    first?.focus();
  }

  async #storyLinks(): Promise<StoryLinks> {
    const { StoryLinks } = await import('./story-links.ts');
    this.#story ??= new StoryLinks({
      host: this,
      client: () => this.client,
      t: (key, params) => this.t(key, params),
      shown: (id) => isShown(this.#list.items, id),
      render: (view, root) => renderRoot(readOnly(view), root),
      mayPromote: (c) => this.#mayPromote(c),
    });
    return this.#story;
  }

  /** Whether the person may make the thread (`null`) or a comment a practice: a moderator, or its author. */
  #mayPromote(comment: Comment | null): boolean {
    return this.signedIn && (this._moderator || (comment ? comment.mine : this._thread?.startedByMe === true));
  }

  #countChange(delta: number): void {
    if (this._thread && delta !== 0) this._thread = { ...this._thread, commentCount: Math.max(0, this._thread.commentCount + delta) };
  }

  // ——— Posting, editing, deleting ———

  /** The title stored with a new thread, within the server's limits (plain text, 200 characters). */
  get #threadTitle(): string | undefined {
    const title = cleanLine(this.pageTitle || document.title).slice(0, TITLE_MAX);
    // A cut through an emoji would leave half of it, which the server refuses as a lone surrogate.
    return (/[\uD800-\uDBFF]$/.test(title) ? title.slice(0, -1) : title).trim() || undefined;
  }

  #commentSelector(id: string): string {
    return `article[data-comment="${CSS.escape(id)}"]`;
  }

  #actionSelector(action: string, id: string): string {
    return `button[data-action="${action}"][data-for="${CSS.escape(id)}"]`;
  }

  /** Says an outcome: announced, and shown under the comment `id` (under the composer for `null`). */
  #done(text: string, id: string | null): void {
    this._announcement = text;
    this._confirm = { id, text };
  }

  /** Posts a comment (or a reply to `parent`); answers the message to show, or `null` on success. */
  async #post(body: string, parent: Comment | null): Promise<string | null> {
    const client = this.client;
    const ref = this.#ref;
    if (!client || !ref) return this.t('error.generic');
    const title = this._thread ? undefined : this.#threadTitle;
    // One key for this comment, however often it is sent: the server posts it once.
    const idempotencyKey = crypto.randomUUID();
    const send = () => client.threads.post({ ...ref, body, title, parentId: parent?.id, idempotencyKey });
    const request = send();
    this.#posting.add(request);
    try {
      const comment = await request;
      this.#posted.add(comment.id);
      this.#placeOwn(comment);
      this.dispatchEvent(new BkCommentPostEvent(comment));
      this.#done(this.t(comment.state === 'pending' ? 'thread.postedPending' : 'thread.posted'), parent ? comment.id : null);
      if (parent) {
        this._panel = null;
        this.#focusLater(this.#commentSelector(comment.id));
      }
      return null;
    } catch (err) {
      if (!unreachable(err)) return await this.describeError(err);
      // Offline: kept, and sent when the connection is back; the composer is free meanwhile.
      this.#done(this.t('thread.queued'), null);
      void this.#postLater(send);
      return null;
    } finally {
      this.#posting.delete(request);
    }
  }

  /** Sends a comment written offline once the connection is back, with its first try's key. */
  async #postLater(send: () => Promise<Comment>): Promise<void> {
    try {
      const comment = await (await offlineQueue()).sendWhenOnline(send);
      this.#posted.add(comment.id);
      this.#placeOwn(comment);
      this.dispatchEvent(new BkCommentPostEvent(comment));
      this.#done(this.t(comment.state === 'pending' ? 'thread.postedPending' : 'thread.sentLater'), null);
    } catch (err) {
      // Its first try was done after all, and the answer lost on the way (docs/api.md "Retrying writes"): sent, once.
      if (isBridgekitError(err) && err.reason === 'conflict.idempotency_key_applied') this.#done(this.t('thread.sentLater'), null);
      else this.#done(this.t('thread.sendLaterFailed', { reason: await this.describeError(err) }), null);
    }
  }

  #placeOwn(comment: Comment): void {
    if (comment.parentId === null) {
      this.#list.items = addTopLevel(this.#list.items, comment, this.#sort, !this.#list.hasMore);
    } else {
      this.#list.items = addReply(this.#list.items, comment) ?? this.#list.items;
    }
    if (comment.state === 'published') this.#countChange(1);
    if (!this._thread) {
      // The first comment started the thread: from now on there is something to follow live.
      this._thread = {
        id: comment.threadId,
        key: this.#ref?.key ?? this.#ref?.url ?? '',
        url: this.#ref?.url ?? null,
        title: this.#threadTitle ?? null,
        commentCount: comment.state === 'published' ? 1 : 0,
        acceptedCommentId: null,
        startedByMe: true,
        createdAt: comment.createdAt,
        lastCommentAt: comment.state === 'published' ? comment.createdAt : null,
        practices: [],
      };
      this.#loadedAt = comment.createdAt;
      this.#startLive(comment.threadId);
    }
  }

  async #saveEdit(comment: Comment, body: string): Promise<string | null> {
    const client = this.client;
    if (!client) return this.t('error.generic');
    try {
      const saved = await client.comments.edit(comment.id, body);
      this.#list.items = replaceComment(this.#list.items, saved);
      this._panel = null;
      this.#done(this.t(saved.state === 'pending' ? 'thread.postedPending' : 'thread.saved'), comment.id);
      this.#focusLater(this.#actionSelector('more', comment.id));
      return null;
    } catch (err) {
      return await this.describeError(err);
    }
  }

  /** Runs one call for a comment: marks it busy, shows a failure under it. */
  async #act<T>(comment: Comment, call: () => Promise<T>): Promise<T | undefined> {
    if (this._busy.has(comment.id)) return undefined;
    this.#setBusy(comment.id, true);
    this._notice = null;
    this._confirm = null;
    try {
      return await call();
    } catch (err) {
      this._notice = { id: comment.id, text: this.t('thread.actionFailed', { reason: await this.describeError(err) }) };
      return undefined;
    } finally {
      this.#setBusy(comment.id, false);
    }
  }

  #setBusy(id: string, busy: boolean): void {
    const next = new Set(this._busy);
    if (busy) next.add(id);
    else next.delete(id);
    this._busy = next;
  }

  async #remove(comment: Comment): Promise<void> {
    const client = this.client;
    if (!client) return;
    const done = await this.#act(comment, async () => {
      await client.comments.remove(comment.id);
      return true;
    });
    if (!done) return;
    this._panel = null;
    const wasPublished = comment.state === 'published';
    this.#list.items = applyLatest(this.#list.items, comment.id, {
      ...comment,
      state: 'removed',
      author: null,
      body: null,
      html: null,
      pinned: false,
      accepted: false,
    });
    if (wasPublished) this.#countChange(-1);
    this._announcement = this.t('thread.deleted');
    this.#focusLater(isShown(this.#list.items, comment.id) ? this.#commentSelector(comment.id) : '#bk-thread-heading');
  }

  async #react(comment: Comment, reaction: Reaction): Promise<void> {
    const client = this.client;
    if (!client) return;
    const on = !comment.myReactions.includes(reaction);
    const updated = await this.#act(comment, () =>
      on ? client.comments.react(comment.id, reaction) : client.comments.unreact(comment.id, reaction),
    );
    if (updated)
      this.#list.items = patchComment(this.#list.items, comment.id, { reactions: updated.reactions, myReactions: updated.myReactions });
  }

  async #flag(comment: Comment, reason: FlagReason): Promise<void> {
    const client = this.client;
    if (!client) return;
    const result = await this.#act(comment, () => client.comments.flag(comment.id, reason));
    if (!result) return;
    this._panel = null;
    const text = this.t(result.hidden ? 'thread.flaggedHidden' : 'thread.flagged');
    if (result.hidden) {
      this.#list.items = applyLatest(this.#list.items, comment.id, (await this.#latest(comment.id)) ?? null);
      if (!isShown(this.#list.items, comment.id)) {
        this.#done(text, null);
        this.#focusLater('#bk-thread-heading');
        return;
      }
    }
    this.#done(text, comment.id);
    this.#focusLater(this.#actionSelector('more', comment.id));
  }

  async #accept(comment: Comment): Promise<void> {
    const client = this.client;
    if (!client) return;
    const updated = await this.#act(comment, () =>
      comment.accepted ? client.comments.unaccept(comment.id) : client.comments.accept(comment.id),
    );
    if (!updated) return;
    this.#list.items = replaceComment(markAccepted(this.#list.items, updated.accepted ? updated.id : null), updated);
    if (this._thread) this._thread = { ...this._thread, acceptedCommentId: updated.accepted ? updated.id : null };
  }

  async #pin(comment: Comment): Promise<void> {
    const client = this.client;
    if (!client) return;
    const updated = await this.#act(comment, () =>
      comment.pinned ? client.moderation.unpin(comment.id) : client.moderation.pin(comment.id),
    );
    if (updated) this.#list.items = replaceComment(this.#list.items, updated);
  }

  #open(kind: PanelKind, comment: Comment): void {
    this._panel = { kind, id: comment.id };
    this._notice = null;
    this._confirm = null;
    void this.updateComplete.then(() => {
      const article = this.renderRoot.querySelector(this.#commentSelector(comment.id));
      const start = article?.querySelector<HTMLElement>('bk-comment-composer, [data-panel-start]');
      start?.focus();
    });
  }

  #close(): void {
    const panel = this._panel;
    this._panel = null;
    if (panel) this.#focusLater(this.#actionSelector(panel.kind === 'reply' ? 'reply' : 'more', panel.id));
  }

  async #loadActions(): Promise<CommentActions> {
    const actions: CommentActions = this._actions ?? (await import('./comment-actions.ts'));
    if (!this._actions) {
      actions.adopt(this.renderRoot as ShadowRoot);
      this._actions = actions;
      // Renders once the menu's texts are here in the reader's language.
      await this.updateComplete;
    }
    return actions;
  }

  async #toggleMenu(kind: 'more' | 'react', comment: Comment, last = false): Promise<void> {
    if (this._menu?.kind === kind && this._menu.id === comment.id) {
      this.#closeMenu(true);
      return;
    }
    await this.#loadActions();
    this._menu = { kind, id: comment.id };
    this._confirm = null;
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>(`[data-menu="${CSS.escape(comment.id)}"] button`);
    buttons[last ? buttons.length - 1 : 0]?.focus();
  }

  #closeMenu(refocus: boolean): void {
    const menu = this._menu;
    this._menu = null;
    if (menu && refocus) this.#focusLater(this.#actionSelector(menu.kind, menu.id));
  }

  #pick(action: MenuAction, comment: Comment): void {
    this._menu = null;
    if (action === 'edit' || action === 'delete' || action === 'flag') {
      this.#open(action, comment);
      return;
    }
    this.#focusLater(this.#actionSelector('more', comment.id));
    if (action === 'accept') void this.#accept(comment);
    else if (action === 'pin') void this.#pin(comment);
    else void this.#storyLinks().then((s) => s[action](comment));
  }

  get #view(): CommentView {
    const sendReply =
      (parent: Comment): SendComment =>
      (body) =>
        this.#post(body, parent);
    const sendEdit =
      (comment: Comment): SendComment =>
      (body) =>
        this.#saveEdit(comment, body);
    return {
      t: (key, params) => this.t(key, params),
      reason: (c) => this.reasonText(c.pendingReasonCode, c.pendingReasonParams, c.pendingReason ?? ''),
      locale: this.locale,
      tenant: this.tenant,
      linker: this._linker,
      signedIn: this.signedIn,
      moderator: this._moderator && this.signedIn,
      mayAccept: this.signedIn && (this._moderator || this._thread?.startedByMe === true),
      panel: this._panel,
      menu: this._menu,
      icon,
      actions: this._actions,
      confirm: this._confirm,
      find: (id) => {
        const linked = this.#story?.linked?.comment;
        return findComment(this.#list.items, id) ?? (linked?.id === id ? { ...linked, mine: false } : undefined);
      },
      shown: (id) => isShown(this.#list.items, id),
      toggleMenu: (kind, c, last) => void this.#toggleMenu(kind, c, last),
      closeMenu: (refocus) => this.#closeMenu(refocus),
      pick: (action, c) => this.#pick(action, c),
      busy: this._busy,
      notice: this._notice,
      practice: (c) => this.#story?.badge(c) ?? null,
      mayPromote: (c) => this.#mayPromote(c),
      story: (action, c) => void this.#storyLinks().then((s) => s[action](c)),
      open: (kind, c) => this.#open(kind, c),
      close: () => this.#close(),
      react: (c, r) => void this.#react(c, r),
      remove: (c) => void this.#remove(c),
      flag: (c, reason) => void this.#flag(c, reason),
      accept: (c) => void this.#accept(c),
      pin: (c) => void this.#pin(c),
      moreReplies: (root) => void this.#moreReplies(root),
      sendReply,
      sendEdit,
    };
  }

  // ——— Rendering ———

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="thread">${this.t('error.notConfigured')}</p>`;
    const count = this._thread?.commentCount ?? 0;
    return html`
      <section
        class="thread"
        part="thread"
        aria-labelledby="bk-thread-heading"
        aria-busy=${this.#list.status === 'loading' || this.#readingRole ? 'true' : 'false'}
        data-live=${this._liveStatus}
        @click=${this.#onCommentClick}
        @keydown=${this.#onCommentKey}
      >
        <div class="header" part="header">
          <h2 id="bk-thread-heading" part="heading" tabindex="-1">
            ${this.t('thread.heading')}
            ${this.#list.status === 'ready' ? html`<span class="count" part="count">${this.t('thread.count', { count })}</span>` : nothing}
          </h2>
          ${followControl(this.signedIn, 'thread', this._thread?.id)}
          <label class="sort">
            ${this.t('thread.sortLabel')}
            <select part="sort" @change=${this.#onSort}>
              ${SORTS.map((s) => html`<option value=${s.value} ?selected=${this.#sort === s.value}>${this.t(s.label)}</option>`)}
            </select>
          </label>
        </div>
        ${this.#list.status === 'ready' ? this.#story?.renderTop() : nothing} ${this.#renderComposer()}
        ${this._confirm?.id === null ? html`<p class="confirmation" part="confirmation">${this._confirm.text}</p>` : nothing}
        <p class="visually-hidden" role="status">${this._announcement}</p>
        <div class="new-comments-slot" aria-live="polite">
          ${
            this._liveStatus === 'connecting' && this.#wasLive
              ? html`<p class="live-state" part="live-state">${this.t('thread.reconnecting')}</p>`
              : nothing
          }
          ${
            this._fresh.length > 0
              ? html`<button type="button" class="button new-comments" part="new-comments" @click=${this.#showFresh}>
                ${this.t('thread.newComments', { count: this._fresh.length })}
              </button>`
              : nothing
          }
        </div>
        ${this.#renderContent()}
      </section>
    `;
  }

  #renderComposer() {
    if (this.sessionExpired) return this.renderSessionNotice();
    if (!this.signedIn) return html`<p class="notice">${this.t('thread.signIn')}</p>`;
    if (this.#list.status !== 'ready') return nothing;
    return html`<bk-comment-composer
      part="composer"
      exportparts="textarea: composer-textarea, submit: composer-submit"
      .tenant=${this.tenant}
      .label=${this.t('thread.composerLabel')}
      .submitLabel=${this.t('thread.post')}
      .busyLabel=${this.t('thread.posting')}
      .send=${(body: string) => this.#post(body, null)}
    ></bk-comment-composer>`;
  }

  #renderContent() {
    if (this.#list.status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${this.t('thread.loading')}</span>
        <div class="skeleton" aria-hidden="true"></div>
        <div class="skeleton" aria-hidden="true"></div>
      </div>`;
    }
    if (this.#list.status === 'error') {
      return this.renderFailure(`${this.t('thread.loadFailed')} ${this.#list.error}`, () => this.#reload(), this.#list.failure);
    }
    if (this.#list.items.length === 0) {
      return html`<p class="notice">${this.signedIn ? this.t('thread.empty') : this.t('thread.emptyReadOnly')}</p>`;
    }
    const view = this.#view;
    return html`
      ${this.#story?.renderLinked(view)}
      <ol class="comments" part="list" aria-label=${this.t('thread.listLabel')}>
        ${repeat(
          this.#list.items,
          (root) => root.id,
          (root) => renderRoot(view, root),
        )}
      </ol>
      ${renderLoadMore(this.#list, this.t('thread.loadMore'), this.t('thread.loadingMore'))}
    `;
  }
}
