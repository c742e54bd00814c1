/**
 * A thread page as the JSON bytes it is answered with, and where in them each field of the
 * viewer's own sits (the thread's `startedByMe`, each comment's `myReactions` and `mine`). The
 * shared page (the anonymous reader's) is serialised once per cached answer; a signed-in viewer's
 * page is those bytes with their own fields written over, so a request costs what the viewer's
 * own state is (a few comments), not what the page is (bench/profile.ts: serialising a
 * 100-comment page per viewer was a third of the request).
 */
import type { Comment, CommentWithReplies, Reaction, ThreadPage } from '@bridgekit/sdk';
import { REACTIONS } from '@bridgekit/sdk';

/** Bytes `start` to `end` of the body: one field's JSON value. */
interface Slot {
  start: number;
  end: number;
}

interface CommentSlots {
  myReactions: Slot;
  mine: Slot;
  /** A removed comment shows nobody's reactions (comment-rows.ts `toComment`). */
  removed: boolean;
}

/** What a viewer's own part is read for and written into; none for a page without a thread. */
interface OwnSlots {
  threadId: string;
  /** The ids of the page's comments, as JSON: the parameter of `ownThreadState`. */
  commentIds: string;
  startedByMe: Slot;
  comments: Map<string, CommentSlots>;
}

export interface ThreadPageBytes {
  /** false: the discussion of an idea or card the reader may not see (a 404, not a page). */
  found: boolean;
  /** `JSON.stringify` of the page, UTF-8. */
  body: Uint8Array;
  /** Where the viewer's own fields sit in `body`; null once written over, and for a page without a thread. */
  own: OwnSlots | null;
}

/** The viewer's own part of a page. */
export interface OwnFields {
  startedByMe: boolean;
  /** The page's comments the viewer wrote. */
  mine: ReadonlySet<string>;
  /** The viewer's reactions, by comment. */
  reactions: ReadonlyMap<string, ReadonlySet<Reaction>>;
}

const encoder = new TextEncoder();
const EMPTY_PAGE: ThreadPage = { thread: null, items: [], nextCursor: null };

/**
 * The page's JSON, written in parts (each as `JSON.stringify` writes it, in its order, so the
 * bytes are its bytes) with the places of the viewer's fields noted.
 */
class SlottedJson {
  /** Text and slots alternating: text at even indexes, a slot's value at odd ones. */
  private readonly parts: string[] = [];
  private readonly slots: Slot[] = [];
  private text = '';

  raw(text: string): void {
    this.text += text;
  }

  slot(json: string): Slot {
    const slot = { start: 0, end: 0 };
    this.parts.push(this.text, json);
    this.slots.push(slot);
    this.text = '';
    return slot;
  }

  /** `JSON.stringify(value)` of a plain object, with `field` writing the fields it takes (true) itself. */
  object(value: object, field: (key: string, value: unknown) => boolean = () => false): void {
    let separator = '{';
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      this.raw(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      if (!field(key, v)) this.raw(JSON.stringify(v));
    }
    this.raw(separator === '{' ? '{}' : '}');
  }

  /** The bytes, each slot's place now in them. */
  bytes(): Uint8Array {
    this.parts.push(this.text);
    const whole = this.parts.join('');
    const body = encoder.encode(whole);
    // All ASCII (most pages): a character's place is its byte's.
    const ascii = body.byteLength === whole.length;
    const out = ascii ? body : new Uint8Array(whole.length * 3); // a UTF-16 unit is at most 3 bytes of UTF-8
    let at = 0;
    this.parts.forEach((part, i) => {
      const slot = i % 2 === 1 ? this.slots[(i - 1) / 2] : undefined;
      if (slot) slot.start = at;
      at += ascii ? part.length : encoder.encodeInto(part, out.subarray(at)).written;
      if (slot) slot.end = at;
    });
    return ascii ? body : out.slice(0, at);
  }
}

/**
 * Where the value of the last `key` (a JSON key with its colon) starts in `text`: a key's quotes
 * are escaped inside any string, so it is found only as a key.
 */
function valueAt(text: string, key: string): number {
  const at = text.lastIndexOf(key);
  if (at < 0) throw new Error(`No ${key} in ${text.slice(0, 80)}`);
  return at + key.length;
}

/**
 * The page as bytes with its viewer's fields' places; `null` (a discussion the reader may not
 * see) as not found.
 *
 * @example
 * const answer = threadPageBytes(page); // answer.body is JSON.stringify(page), UTF-8
 */
export function threadPageBytes(page: ThreadPage | null): ThreadPageBytes {
  if (!page) return { found: false, body: encoder.encode(JSON.stringify(EMPTY_PAGE)), own: null };
  const { thread } = page;
  if (!thread) return { found: true, body: encoder.encode(JSON.stringify(page)), own: null };
  const json = new SlottedJson();
  const comments = new Map<string, CommentSlots>();
  let startedByMe: Slot | undefined;
  const comment = (c: Comment | CommentWithReplies) => {
    const { replies, moreReplies } = c as Partial<CommentWithReplies>;
    // An item's replies are written apart (their fields' places noted too); they and `moreReplies` come last.
    const text = JSON.stringify(replies ? { ...c, replies: undefined, moreReplies: undefined } : c);
    // The last of each key is the comment's own: any key of `pendingReasonParams` comes before.
    const reactionsAt = valueAt(text, '"myReactions":');
    const reactionsEnd = text.indexOf(']', reactionsAt) + 1;
    const mineAt = valueAt(text, '"mine":');
    if (mineAt < reactionsEnd) throw new Error('A comment whose `mine` does not follow its `myReactions`');
    json.raw(text.slice(0, reactionsAt));
    const myReactions = json.slot(text.slice(reactionsAt, reactionsEnd));
    json.raw(text.slice(reactionsEnd, mineAt));
    const mineEnd = mineAt + (text.startsWith('true', mineAt) ? 4 : 5);
    const mine = json.slot(text.slice(mineAt, mineEnd));
    json.raw(text.slice(mineEnd, -1));
    if (replies) {
      json.raw(',"replies":');
      writeArray(replies);
    }
    if (moreReplies !== undefined) json.raw(`,"moreReplies":${JSON.stringify(moreReplies)}`);
    json.raw('}');
    comments.set(c.id, { myReactions, mine, removed: c.state === 'removed' });
  };
  const writeArray = (list: Comment[]) => {
    json.raw('[');
    list.forEach((c, i) => {
      if (i > 0) json.raw(',');
      comment(c);
    });
    json.raw(']');
  };
  json.object(page, (key, value) => {
    if (key === 'thread') {
      const text = JSON.stringify(value);
      const at = valueAt(text, '"startedByMe":');
      const end = at + (text.startsWith('true', at) ? 4 : 5);
      json.raw(text.slice(0, at));
      startedByMe = json.slot(text.slice(at, end));
      json.raw(text.slice(end));
    } else if (key === 'items') writeArray(value as Comment[]);
    else return false;
    return true;
  });
  if (!startedByMe) throw new Error('A thread without startedByMe');
  const ids = page.items.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)]);
  return {
    found: true,
    body: json.bytes(),
    own: { threadId: thread.id, commentIds: JSON.stringify(ids), startedByMe, comments },
  };
}

/**
 * The page as the viewer sees it: the shared page's bytes with their own fields written over,
 * for the comments they wrote or reacted to and the thread they started (the rest stays as
 * shared). The body itself when nothing of theirs differs.
 *
 * @example
 * const mine = withOwnFields(shared, { startedByMe: true, mine: new Set([id]), reactions: new Map() });
 */
export function withOwnFields(answer: ThreadPageBytes, own: OwnFields): ThreadPageBytes {
  const slots = answer.own;
  if (!slots) return answer;
  const edits: { slot: Slot; json: string }[] = [{ slot: slots.startedByMe, json: String(own.startedByMe) }];
  for (const id of new Set([...own.mine, ...own.reactions.keys()])) {
    const c = slots.comments.get(id);
    if (!c) continue;
    edits.push({ slot: c.mine, json: String(own.mine.has(id)) });
    const reactions = own.reactions.get(id);
    if (reactions && !c.removed) edits.push({ slot: c.myReactions, json: JSON.stringify(REACTIONS.filter((r) => reactions.has(r))) });
  }
  const { body } = answer;
  const changed = edits
    .map((e) => ({ ...e, bytes: encoder.encode(e.json) }))
    .filter(({ slot, bytes }) => !sameBytes(body, slot, bytes))
    .sort((a, b) => a.slot.start - b.slot.start);
  if (changed.length === 0) return answer;
  const length = changed.reduce((n, { slot, bytes }) => n + bytes.byteLength - (slot.end - slot.start), body.byteLength);
  const out = new Uint8Array(length);
  let from = 0;
  let at = 0;
  for (const { slot, bytes } of changed) {
    out.set(body.subarray(from, slot.start), at);
    at += slot.start - from;
    out.set(bytes, at);
    at += bytes.byteLength;
    from = slot.end;
  }
  out.set(body.subarray(from), at);
  return { found: true, body: out, own: null };
}

function sameBytes(body: Uint8Array, slot: Slot, bytes: Uint8Array): boolean {
  if (slot.end - slot.start !== bytes.byteLength) return false;
  for (let i = 0; i < bytes.byteLength; i++) if (body[slot.start + i] !== bytes[i]) return false;
  return true;
}
