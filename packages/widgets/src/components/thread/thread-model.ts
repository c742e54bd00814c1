/**
 * The comments a `bk-thread` shows, as plain data: top-level comments in page order, each with
 * its replies as the server sends them (a flat list, oldest first, with `parentId` and `depth`).
 * Every change makes new arrays, so Lit sees it.
 */
import type { Comment, CommentSort, CommentWithReplies } from '@bridgekit/sdk';

export type Root = CommentWithReplies;

export function findComment(items: readonly Root[], id: string): Comment | undefined {
  for (const root of items) {
    if (root.id === id) return root;
    const reply = root.replies.find((r) => r.id === id);
    if (reply) return reply;
  }
  return undefined;
}

export function isShown(items: readonly Root[], id: string): boolean {
  return findComment(items, id) !== undefined;
}

/** The top-level comment that `id` is shown under (itself when it is one). */
export function rootOf(items: readonly Root[], id: string): Root | undefined {
  return items.find((root) => root.id === id || root.replies.some((r) => r.id === id));
}

function hasShownReplies(items: readonly Root[], id: string): boolean {
  const root = rootOf(items, id);
  if (!root) return false;
  if (root.id === id) return root.replies.length > 0 || root.moreReplies !== null;
  return root.replies.some((r) => r.parentId === id);
}

/** Swaps in the server's latest version of a comment, keeping a top-level comment's replies. */
export function replaceComment(items: readonly Root[], comment: Comment): Root[] {
  return items.map((root) => {
    if (root.id === comment.id) return { ...comment, replies: root.replies, moreReplies: root.moreReplies };
    if (!root.replies.some((r) => r.id === comment.id)) return root;
    return { ...root, replies: root.replies.map((r) => (r.id === comment.id ? comment : r)) };
  });
}

export function patchComment(items: readonly Root[], id: string, patch: Partial<Comment>): Root[] {
  const current = findComment(items, id);
  return current ? replaceComment(items, { ...current, ...patch }) : [...items];
}

/** Adds a reply after the replies already shown under its top-level comment; `null` when that is not on screen. */
export function addReply(items: readonly Root[], reply: Comment): Root[] | null {
  if (reply.parentId === null) return null;
  const root = rootOf(items, reply.parentId);
  if (!root) return null;
  return items.map((r) => (r === root ? { ...root, replies: [...root.replies.filter((x) => x.id !== reply.id), reply] } : r));
}

/**
 * Adds a top-level comment where the reader will find it: last when the list is oldest first
 * and complete, otherwise first after the pinned ones (which always lead).
 */
export function addTopLevel(items: readonly Root[], comment: Comment, sort: CommentSort, complete: boolean): Root[] {
  const root: Root = { ...comment, replies: [], moreReplies: null };
  const rest = items.filter((r) => r.id !== comment.id);
  if (sort === 'oldest' && complete) return [...rest, root];
  const firstUnpinned = rest.findIndex((r) => !r.pinned);
  const at = firstUnpinned === -1 ? rest.length : firstUnpinned;
  return [...rest.slice(0, at), root, ...rest.slice(at)];
}

/** Takes a comment off the screen. */
export function dropComment(items: readonly Root[], id: string): Root[] {
  return items
    .filter((root) => root.id !== id)
    .map((root) => (root.replies.some((r) => r.id === id) ? { ...root, replies: root.replies.filter((r) => r.id !== id) } : root));
}

/**
 * Applies what the server now says about a shown comment (`null`: the reader may no longer see
 * it). A removed comment stays as a placeholder while replies hang below it.
 */
export function applyLatest(items: readonly Root[], id: string, latest: Comment | null): Root[] {
  if (!isShown(items, id)) return [...items];
  if (latest === null || (latest.state === 'removed' && !hasShownReplies(items, id))) return dropComment(items, id);
  return replaceComment(items, latest);
}

/** Marks `id` as the thread's accepted answer and unmarks any other (`null`: none). */
export function markAccepted(items: readonly Root[], id: string | null): Root[] {
  const mark = <T extends Comment>(c: T): T => (c.accepted === (c.id === id) ? c : { ...c, accepted: c.id === id });
  return items.map((root) => ({ ...mark(root), replies: root.replies.map(mark) }));
}

/** Appends comments not already in the list (pages can overlap what live updates inserted). */
export function appendNew<T extends { id: string }>(list: readonly T[], more: readonly T[]): { list: T[]; added: T[] } {
  const known = new Set(list.map((c) => c.id));
  const added = more.filter((c) => !known.has(c.id));
  return { list: [...list, ...added], added };
}

/**
 * The replies of a top-level comment as a tree, by the id of the comment each hangs under. A
 * reply whose parent is not shown (held for review, or not yet loaded) hangs under the root.
 */
export function replyTree(root: Root): Map<string, Comment[]> {
  const shown = new Set(root.replies.map((r) => r.id));
  const children = new Map<string, Comment[]>();
  for (const reply of root.replies) {
    const parent = reply.parentId && shown.has(reply.parentId) ? reply.parentId : root.id;
    const list = children.get(parent);
    if (list) list.push(reply);
    else children.set(parent, [reply]);
  }
  return children;
}
