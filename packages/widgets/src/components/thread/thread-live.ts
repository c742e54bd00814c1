/**
 * Live updates of one thread: a WebSocket (opened with a one-minute ticket, pinged every 30 s,
 * reopened with backoff and a fresh ticket), or polling the thread's activity where sockets
 * cannot connect, or where the server closed the socket for good. Both report the same
 * {@link LiveChange}s.
 */
import type { BridgekitMemberClient, LiveEvent, Reaction } from '@bridgekit/sdk';

export type LiveChange =
  /** `parentId` is `undefined` when polling, which does not say. */
  | { type: 'created'; id: string; parentId?: string | null }
  | { type: 'updated'; id: string }
  | { type: 'removed'; id: string }
  | { type: 'reactions'; id: string; reactions: Record<Reaction, number> };

/** `connecting`: opening the socket; `socket`: connected; `polling`: the fallback. */
export type LiveStatus = 'off' | 'connecting' | 'socket' | 'polling';

export interface LiveFeedOptions {
  client: BridgekitMemberClient;
  threadId: string;
  /** `poll` skips the socket. */
  mode: 'socket' | 'poll';
  pollIntervalMs: number;
  /**
   * ISO time (this browser's clock) the reader's copy of the thread dates from: changes after it
   * are caught up on connecting. Later cursors are the server's.
   */
  since: string;
  onChanges(changes: LiveChange[]): void;
  onStatus(status: LiveStatus): void;
}

const PING_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
/** Connection attempts in a row that may fail before polling takes over. */
const MAX_FAILURES = 3;
/**
 * How far ahead of the server's this browser's clock may be before the first catch-up is asked
 * again from the server's time: well inside the few seconds every activity answer looks back.
 */
const CLOCK_TOLERANCE_MS = 2_000;

/**
 * Close codes 4400–4499 mean "do not reconnect": the reader lost access to the socket (4403:
 * banned or timed out, anonymous reading turned off…) or holds too many (4429). Polling goes on
 * under the API's ordinary checks, so the reader keeps whatever they may still read.
 */
export const isFinalClose = (code: number) => code >= 4400 && code <= 4499;

export class LiveFeed {
  readonly #o: LiveFeedOptions;
  #since: string;
  #stopped = false;
  #socket: WebSocket | null = null;
  #everOpened = false;
  #failures = 0;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #ping: ReturnType<typeof setInterval> | undefined;
  /**
   * The server's clock minus this browser's: the highest of the activity answers' `until` less the
   * browser's time on receiving it. Each is low by the answer's travel time, so cursors made with
   * it err early (a change seen twice), never late (a change lost). Unknown before an answer.
   */
  #clockOffset = Number.NEGATIVE_INFINITY;
  /** This browser's time when the open socket last proved alive: it opened, or a message came. */
  #aliveAt = 0;

  constructor(options: LiveFeedOptions) {
    this.#o = options;
    this.#since = options.since;
  }

  start(): void {
    if (this.#o.mode === 'poll') this.#poll();
    else void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    clearInterval(this.#ping);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'done');
  }

  #later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#stopped) fn();
    }, ms);
    this.#timers.add(timer);
  }

  async #connect(): Promise<void> {
    this.#o.onStatus('connecting');
    let url: string;
    try {
      url = (await this.#o.client.threads.liveTicket(this.#o.threadId)).url;
    } catch {
      if (!this.#stopped) this.#closed(false);
      return;
    }
    if (this.#stopped) return;
    const socket = new WebSocket(url);
    this.#socket = socket;
    let opened = false;
    /** Caught up when it opened: from then on the socket told everything until it went quiet. */
    let caughtUp = false;
    socket.addEventListener('open', async () => {
      opened = true;
      this.#aliveAt = Date.now();
      this.#everOpened = true;
      this.#failures = 0;
      this.#ping = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send('ping'), PING_MS);
      // What changed while no socket was open (since loading, or since the last one dropped).
      caughtUp = await this.#catchUp();
      if (this.#socket === socket) this.#o.onStatus('socket');
    });
    socket.addEventListener('message', (event) => {
      this.#aliveAt = Date.now();
      const change = typeof event.data === 'string' ? parseLiveEvent(event.data) : null;
      if (change) this.#o.onChanges([change]);
    });
    // An error is always followed by `close`.
    socket.addEventListener('close', (event) => {
      clearInterval(this.#ping);
      if (this.#socket !== socket || this.#stopped) return;
      this.#socket = null;
      if (caughtUp) this.#since = this.#lastAlive();
      if (isFinalClose(event.code)) this.#poll();
      else this.#closed(opened);
    });
  }

  /**
   * Where to catch up from once a socket is gone: the last moment it was heard from, on the
   * server's clock. Messages sent after it may have been lost with the socket.
   */
  #lastAlive(): string {
    return new Date(this.#aliveAt + this.#clockOffset).toISOString();
  }

  #closed(hadOpened: boolean): void {
    if (!hadOpened) this.#failures++;
    // Never connected at all (a proxy that blocks WebSockets), or failing again and again: poll.
    if ((!hadOpened && !this.#everOpened) || this.#failures >= MAX_FAILURES) {
      this.#poll();
      return;
    }
    this.#o.onStatus('connecting');
    const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#failures);
    this.#later(() => void this.#connect(), backoff / 2 + Math.random() * (backoff / 2));
  }

  async #catchUp(): Promise<boolean> {
    try {
      const asked = this.#since;
      let activity = await this.#o.client.threads.activity(this.#o.threadId, asked);
      if (this.#stopped) return false;
      const first = this.#clockOffset === Number.NEGATIVE_INFINITY;
      this.#clockOffset = Math.max(this.#clockOffset, Date.parse(activity.until) - Date.now());
      for (;;) {
        this.#o.onChanges([
          ...activity.created.map((id) => ({ type: 'created' as const, id })),
          ...activity.updated.map((id) => ({ type: 'updated' as const, id })),
          ...activity.removed.map((id) => ({ type: 'removed' as const, id })),
        ]);
        // Cut off at the server's limit: the rest, from exactly where it stopped.
        if (!activity.next) break;
        activity = await this.#o.client.threads.activity(this.#o.threadId, asked, { after: activity.next });
        if (this.#stopped) return false;
      }
      this.#since = activity.until;
      // The first cursor was this browser's time: if its clock runs ahead, changes made just after
      // the thread was read fall before that cursor. Ask again from the same moment, server time.
      if (first && this.#clockOffset < -CLOCK_TOLERANCE_MS) {
        this.#since = new Date(Date.parse(asked) + this.#clockOffset).toISOString();
        return await this.#catchUp();
      }
      return true;
    } catch {
      return false;
    }
  }

  #poll(): void {
    this.#o.onStatus('polling');
    const tick = async () => {
      // A hidden tab need not keep up; it catches up on the first tick after it shows again.
      if (document.visibilityState !== 'hidden') await this.#catchUp();
      this.#later(tick, this.#o.pollIntervalMs);
    };
    this.#later(tick, this.#o.pollIntervalMs);
  }
}

export function parseLiveEvent(data: string): LiveChange | null {
  let event: LiveEvent;
  try {
    event = JSON.parse(data) as LiveEvent;
  } catch {
    // `pong`, the answer to our pings.
    return null;
  }
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string') return null;
  switch (event.type) {
    case 'comment.created':
      return { type: 'created', id: event.id, parentId: event.parentId };
    case 'comment.updated':
      return { type: 'updated', id: event.id };
    case 'comment.removed':
      return { type: 'removed', id: event.id };
    case 'reactions':
      return { type: 'reactions', id: event.id, reactions: event.reactions };
    default:
      return null;
  }
}
