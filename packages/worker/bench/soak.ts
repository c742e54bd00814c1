/**
 * The load test (`pnpm bench --only soak`; a small run in e2e/soak.e2e.test.ts): many distinct
 * people at once voting and withdrawing, posting comments and replies, and creating and saving
 * practice cards with the version check, on a fresh tenant of a running Worker with its rate
 * limits on. Every request and its answer is recorded; afterwards the tenant's archive is read
 * back and the books balanced (soak-reconcile.ts).
 *
 * Each person has one request in flight at a time (one browser), so "their last successful
 * request" is well defined; each card has one save in flight, sent with the version the last
 * answer gave, so a 409 is a failure, not bad luck. A few eager people act far more often than
 * the rest: their write budget runs out, and the 429s they get are waited out (`Retry-After`)
 * and retried, at most `MAX_TRIES` times and never past the end of the run. Any other non-2xx
 * answer, or a network error, is a failure.
 *
 * People reach the Worker from offices of `PEOPLE_PER_OFFICE`, each its own client address
 * (`CF-Connecting-IP`, which Cloudflare's edge sets and `wrangler dev` keeps), so the per-address
 * write budget applies per office, as it does in production, not to the whole load generator.
 */
import { createClient, createPlatformClient } from '@bridgekit/sdk';
import { SignJWT } from 'jose';
import { type Books, parseArchive, reconcile, type Sent, type WriteKind } from './soak-reconcile.ts';

export interface SoakOptions {
  baseUrl: string;
  /** The Worker's BRIDGEKIT_ADMIN_TOKEN: creates the tenant and its board, and exports it. */
  adminToken: string;
  people: number;
  /** Requests in flight at most. */
  concurrency: number;
  /** Stop starting operations after this many seconds… */
  seconds?: number;
  /** …or after this many (first tries; retries come on top). */
  operations?: number;
  /** Ideas to vote on (created first, by the first people). */
  ideas?: number;
  threads?: number;
  cards?: number;
  /** People who act far more often than the rest (about a fifth of all operations). */
  eager?: number;
  /** Called every few seconds with the requests answered so far. */
  progress?: (answered: number) => void;
}

export interface SoakResult {
  tenant: string;
  /** Every request of the run, setup ideas included, in the order they were answered. */
  log: Sent[];
  /** Seconds from the first operation to the last answer. */
  elapsed: number;
  /** 429s whose retry would have come after the end of the run. */
  abandoned: number;
  /** Requests answered neither 2xx nor 429, network errors, and operations given up after `MAX_TRIES`. */
  failures: string[];
  books: Books;
}

const PEOPLE_PER_OFFICE = 50;
const MAX_TRIES = 3;
const TOKEN_LIFETIME_SECONDS = 3000;
/** How long a worker waits to look again when nobody is ready to act. */
const IDLE_POLL_MS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tokensFor(people: number, kid: string, secret: string): Promise<string[]> {
  const key = new TextEncoder().encode(secret);
  const issuedAt = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: people }, (_, p) =>
      new SignJWT({ name: `Soak person ${p}`, bu: `Unit ${p % 12}` })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(`bench|${p}`)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
        .sign(key),
    ),
  );
}

/** What one operation sends; a retry sends it again. */
interface Operation {
  kind: WriteKind;
  method: 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  fields: Partial<Sent>;
  /** Card the operation holds until it is answered (or given up). */
  card?: CardState;
  tries: number;
}

interface CardState {
  id: string;
  title: string;
  version: number;
  busy: boolean;
}

const random = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/**
 * Runs the load against `baseUrl`, then exports the tenant and balances the books.
 *
 * @example
 * const result = await runSoak({ baseUrl, adminToken, people: 1000, concurrency: 100, seconds: 120 });
 * result.books.accounted === result.books.writes;
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { baseUrl, people, concurrency } = options;
  const ideaCount = options.ideas ?? 20;
  const threadCount = options.threads ?? 10;
  const cardCount = options.cards ?? 50;
  const eager = Math.min(options.eager ?? Math.max(1, Math.floor(people / 100)), people);
  if (options.seconds === undefined && options.operations === undefined) throw new Error('Bound the run: seconds or operations.');

  const run = Date.now().toString(36);
  const tenant = `soak-${run}`;
  const platform = createPlatformClient({ baseUrl, token: options.adminToken });
  const { embedKey } = await platform.tenants.create({ slug: tenant, name: `Soak ${run}` });
  await createClient({ baseUrl, tenant, token: options.adminToken }).boards.create({ slug: 'soak', name: 'Soak' });
  const tokens = await tokensFor(people, embedKey.kid, embedKey.secret);
  const api = `${baseUrl}/v1/tenants/${tenant}`;

  const log: Sent[] = [];
  const failures: string[] = [];
  let seq = 0;

  async function send(person: number, op: Operation): Promise<{ sent: Sent; retryAfter: number | null }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${tokens[person]}`,
      'cf-connecting-ip': `198.51.100.${Math.floor(person / PEOPLE_PER_OFFICE) + 1}`,
    };
    if (op.body !== undefined) headers['content-type'] = 'application/json';
    const start = performance.now();
    const sent: Sent = {
      kind: op.kind,
      person,
      method: op.method,
      path: op.path,
      status: 0,
      ms: 0,
      seq: 0,
      attempt: op.tries,
      ...op.fields,
    };
    let retryAfter: number | null = null;
    try {
      const res = await fetch(`${api}${op.path}`, {
        method: op.method,
        headers,
        ...(op.body === undefined ? {} : { body: JSON.stringify(op.body) }),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: { code?: string; reason?: string } };
      sent.status = res.status;
      if (res.ok) {
        if (typeof json.id === 'string') sent.id = json.id;
        if (typeof json.version === 'number') sent.version = json.version;
        if (typeof json.myVotes === 'number') sent.myVotes = json.myVotes;
      } else {
        sent.error = json.error?.reason ?? json.error?.code ?? res.statusText;
        if (res.status === 429) retryAfter = Number(res.headers.get('retry-after'));
      }
    } catch (err) {
      sent.error = err instanceof Error ? err.message : String(err);
    }
    sent.ms = performance.now() - start;
    sent.seq = seq++;
    log.push(sent);
    return { sent, retryAfter };
  }

  // Setup: the ideas, each by one of the first people.
  const ideas: string[] = [];
  for (let i = 0; i < ideaCount; i++) {
    const title = `Soak idea ${i} of run ${run}`;
    const { sent } = await send(i % people, {
      kind: 'idea',
      method: 'POST',
      path: '/boards/soak/ideas',
      body: { title, description: 'An idea for the load test to vote on.' },
      fields: { text: title },
      tries: 1,
    });
    if (sent.status !== 201 || !sent.id) throw new Error(`Creating idea ${i}: ${sent.status} ${sent.error ?? ''}`);
    ideas.push(sent.id);
  }

  // What each person believes: their votes, from their own successful answers.
  const backed = Array.from({ length: people }, () => new Set<string>());
  const commentsIn = new Map<string, string[]>();
  const cards: CardState[] = [];
  let cardsPending = 0;
  let written = 0;

  function nextOperation(person: number): Operation {
    const n = written++;
    const roll = Math.random();
    if (roll < 0.5) {
      const idea = random(ideas);
      const has = backed[person]?.has(idea) ?? false;
      // Mostly toggles, sometimes a repeat (both are idempotent).
      const back = has ? Math.random() < 0.4 : Math.random() < 0.85;
      return {
        kind: back ? 'vote' : 'unvote',
        method: back ? 'PUT' : 'DELETE',
        path: `/ideas/${idea}/vote`,
        fields: { idea },
        tries: 0,
      };
    }
    if (roll < 0.8 || (cards.length + cardsPending >= cardCount && cards.every((c) => c.busy))) {
      const key = `soak-thread-${Math.floor(Math.random() * threadCount)}`;
      const earlier = commentsIn.get(key) ?? [];
      const parentId = earlier.length > 0 && Math.random() < 0.3 ? random(earlier) : null;
      const text = `Soak comment ${n} of run ${run}, by person ${person}: we tried this in our unit.`;
      return {
        kind: 'comment',
        method: 'POST',
        path: '/threads/comments',
        body: { key, body: text, ...(parentId ? { parentId } : {}) },
        fields: { threadKey: key, parentId, text },
        tries: 0,
      };
    }
    const summary = `Soak save ${n} of run ${run}, by person ${person}.`;
    const note = `Save ${n}`;
    if (cards.length + cardsPending < cardCount) {
      cardsPending++;
      const title = `Soak card ${n} of run ${run}`;
      return {
        kind: 'card-create',
        method: 'POST',
        path: '/cards',
        body: { templateId: 'practice', title, summary, fields: FIELDS, visibility: 'everyone', note },
        fields: { text: title, summary, note },
        tries: 0,
      };
    }
    const card = random(cards.filter((c) => !c.busy));
    card.busy = true;
    return {
      kind: 'card-save',
      method: 'PUT',
      path: `/cards/${card.id}`,
      body: { baseVersion: card.version, title: card.title, summary, fields: FIELDS, note },
      fields: { cardId: card.id, id: card.id, baseVersion: card.version, text: card.title, summary, note },
      card,
      tries: 0,
    };
  }

  /** After a final answer (success, failure or given up): what the person and the card now know. */
  function settle(person: number, op: Operation, sent: Sent | null): void {
    if (op.kind === 'card-create') cardsPending--;
    if (op.card) op.card.busy = false;
    if (!sent || sent.status < 200 || sent.status >= 300) return;
    if (op.kind === 'vote' || op.kind === 'unvote') {
      const idea = op.fields.idea as string;
      if (op.kind === 'vote') backed[person]?.add(idea);
      else backed[person]?.delete(idea);
    } else if (op.kind === 'comment' && sent.id) {
      const key = op.fields.threadKey as string;
      commentsIn.set(key, [...(commentsIn.get(key) ?? []), sent.id]);
    } else if (op.kind === 'card-create' && sent.id) {
      cards.push({ id: sent.id, title: op.fields.text as string, version: sent.version ?? 1, busy: false });
    } else if (op.kind === 'card-save' && op.card && sent.version !== undefined) {
      op.card.version = sent.version;
    }
  }

  // People ready to act: the others in turn (so every one of them acts before anyone acts twice),
  // the eager ones at random, about a fifth of the time.
  const idle = { calm: [] as number[], eager: [] as number[] };
  for (let p = 0; p < people; p++) (p < eager ? idle.eager : idle.calm).push(p);
  for (let i = idle.calm.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [idle.calm[i], idle.calm[j]] = [idle.calm[j] as number, idle.calm[i] as number];
  }
  const waiting: { person: number; op: Operation; due: number }[] = [];
  let started = 0;
  let abandoned = 0;
  const began = performance.now();
  const deadline = options.seconds === undefined ? Number.POSITIVE_INFINITY : began + options.seconds * 1000;
  const done = () => performance.now() >= deadline || started >= (options.operations ?? Number.POSITIVE_INFINITY);

  function take(): { person: number; op: Operation } | null {
    const now = performance.now();
    const due = waiting.findIndex((w) => w.due <= now);
    if (due >= 0) return waiting.splice(due, 1)[0] ?? null;
    let person: number | undefined;
    if (idle.eager.length > 0 && (Math.random() < 0.2 || idle.calm.length === 0)) {
      const i = Math.floor(Math.random() * idle.eager.length);
      person = idle.eager.splice(i, 1)[0];
    } else person = idle.calm.shift();
    if (person === undefined) return null;
    started++;
    return { person, op: nextOperation(person) };
  }
  const release = (person: number) => (person < eager ? idle.eager : idle.calm).push(person);

  async function worker(): Promise<void> {
    while (!done()) {
      const next = take();
      if (!next) {
        await sleep(IDLE_POLL_MS);
        continue;
      }
      const { person, op } = next;
      op.tries++;
      const { sent, retryAfter } = await send(person, op);
      if (sent.status === 429) {
        if (!Number.isFinite(retryAfter) || (retryAfter ?? 0) <= 0) failures.push(`${op.method} ${op.path}: 429 without Retry-After`);
        else if (op.tries < MAX_TRIES) {
          waiting.push({ person, op, due: performance.now() + (retryAfter as number) * 1000 });
          continue;
        } else failures.push(`${op.method} ${op.path} by person ${person}: still 429 after ${MAX_TRIES} tries`);
      } else if (sent.status === 0 || sent.status >= 300) {
        failures.push(`${op.method} ${op.path} by person ${person}: ${sent.status || 'network error'} ${sent.error ?? ''}`);
      }
      settle(person, op, sent);
      release(person);
    }
  }

  const timer = options.progress ? setInterval(() => options.progress?.(log.length), 10_000) : undefined;
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clearInterval(timer);
  }
  const elapsed = (performance.now() - began) / 1000;
  // Retries that would come after the end: the 429 stands, the operation is not made.
  abandoned = waiting.length;
  for (const w of waiting.splice(0)) settle(w.person, w.op, null);

  const exported = await fetch(`${api}/export`, { headers: { authorization: `Bearer ${options.adminToken}` } });
  if (!exported.ok) throw new Error(`Exporting ${tenant}: ${exported.status} ${await exported.text()}`);
  const books = reconcile(log, parseArchive(await exported.text()));
  return { tenant, log, elapsed, abandoned, failures, books };
}

/** Every card's fields: the practice template's two required ones. */
const FIELDS = {
  problem: 'Requests for the same report keep coming back from every unit.',
  approach: 'Point to the self-service catalogue and show how, in a short session.',
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** The printed summary: requests by kind and status, writes/s, latency, and the books. */
export function soakSummary(result: SoakResult): string[] {
  const { log, books } = result;
  const lines: string[] = [];
  const kinds = [...new Set(log.map((s) => s.kind))];
  for (const kind of kinds) {
    const sent = log.filter((s) => s.kind === kind);
    const byStatus = new Map<number, number>();
    for (const s of sent) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
    const statuses = [...byStatus.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([status, n]) => `${status || 'network error'} ×${n}`)
      .join(', ');
    const ms = sent.map((s) => s.ms).sort((a, b) => a - b);
    lines.push(
      `  ${kind.padEnd(12)} ${String(sent.length).padStart(7)} requests  p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(7)} ms  ${statuses}`,
    );
  }
  const load = log.filter((s) => s.kind !== 'idea');
  const ms = load.map((s) => s.ms).sort((a, b) => a - b);
  const ok = load.filter((s) => s.status >= 200 && s.status < 300).length;
  const people = new Set(load.map((s) => s.person)).size;
  lines.push(
    `  ${'all'.padEnd(12)} ${String(load.length).padStart(7)} requests  p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(7)} ms  from ${people} people`,
    `  ${(ok / result.elapsed).toFixed(0)} successful writes/s over ${result.elapsed.toFixed(1)} s; ${result.abandoned} rate-limited operation(s) not retried (the run ended first)`,
    `  accounted: ${books.accounted} of ${books.writes}; stored counts agreeing with the rows: ${books.counts.agreed} of ${books.counts.checked}`,
    ...result.failures.slice(0, 20).map((f) => `  FAILED ${f}`),
    ...books.problems.slice(0, 20).map((p) => `  PROBLEM ${p}`),
  );
  if (result.failures.length > 20) lines.push(`  … and ${result.failures.length - 20} more failures`);
  if (books.problems.length > 20) lines.push(`  … and ${books.problems.length - 20} more problems`);
  return lines;
}
