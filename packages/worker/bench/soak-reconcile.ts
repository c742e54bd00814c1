/**
 * The load test's books (soak.ts): every write request the run sent and what it was answered,
 * checked against the tenant's rows as its archive export holds them. A success must have left
 * exactly what it said it did, a 429 nothing, and nothing may be in the tenant that no success
 * made; the stored counts must equal counts recomputed from the rows. Pure: the CI test
 * (e2e/soak.e2e.test.ts) and `pnpm bench --only soak` run the same code.
 */

export type WriteKind = 'idea' | 'vote' | 'unvote' | 'comment' | 'card-create' | 'card-save';

/** One request of the run and its answer. */
export interface Sent {
  kind: WriteKind;
  /** Person number: subject `bench|<person>`. */
  person: number;
  method: string;
  path: string;
  /** HTTP status, or 0 for a network error. */
  status: number;
  /** Milliseconds from sending to the whole answer read. */
  ms: number;
  /** Order in which answers arrived, from 0. */
  seq: number;
  /** 1 for the first try, 2… for retries after a 429. */
  attempt: number;
  /** `error.reason` (or `code`) of an error answer, or the network error's message. */
  error?: string;
  idea?: string;
  threadKey?: string;
  parentId?: string | null;
  /** The comment's text, or the idea's or card's title. */
  text?: string;
  cardId?: string;
  baseVersion?: number;
  summary?: string;
  note?: string;
  /** From the answer: the comment's, idea's or card's id. */
  id?: string;
  /** From the answer: the card's version. */
  version?: number;
  /** From a vote's answer: the caller's votes on the idea. */
  myVotes?: number;
}

type Row = Record<string, unknown>;

/** The archive's records by table (`t`), each the row (`r`) with camelCase columns. */
export type Rows = Map<string, Row[]>;

export interface Books {
  /** Write requests answered 2xx or 429. */
  writes: number;
  /** Of those, the ones whose effect (for a 429: its absence) was found in the rows. */
  accounted: number;
  /** Stored counts checked against counts recomputed from rows, and how many agreed. */
  counts: { checked: number; agreed: number };
  /** Every discrepancy, in words; empty when the books balance. */
  problems: string[];
}

/** Parses an NDJSON archive (GET /export) into rows by table; throws if it was cut short or its trailer disagrees. */
export function parseArchive(text: string): Rows {
  const rows: Rows = new Map();
  let trailer: { counts: Record<string, number> } | undefined;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const value = JSON.parse(line) as { t?: string; r?: Row; end?: string; counts?: Record<string, number> };
    if (value.t && value.r) {
      const list = rows.get(value.t) ?? [];
      list.push(value.r);
      rows.set(value.t, list);
    } else if (value.end) trailer = { counts: value.counts ?? {} };
  }
  if (!trailer) throw new Error('The archive has no trailer: the export was cut short.');
  for (const [table, count] of Object.entries(trailer.counts)) {
    const got = table === 'settings' ? count : (rows.get(table)?.length ?? 0);
    if (got !== count) throw new Error(`The archive's trailer counts ${count} ${table} rows; it holds ${got}.`);
  }
  return rows;
}

const ok = (s: Sent) => s.status >= 200 && s.status < 300;
const str = (v: unknown) => (typeof v === 'string' ? v : String(v));

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}

/**
 * Balances the books of a run: `log` is every request the run sent (setup ideas included),
 * `rows` the tenant's archive taken after the last answer. Requests that were neither 2xx nor
 * 429 are not accountable (they are failures of the run, reported by soak.ts).
 *
 * @example
 * const books = reconcile(log, parseArchive(await (await fetch(exportUrl, auth)).text()));
 * books.accounted === books.writes && books.problems.length === 0;
 */
export function reconcile(log: Sent[], rows: Rows): Books {
  const problems: string[] = [];
  const table = (name: string) => rows.get(name) ?? [];
  const answered = log.filter((s) => ok(s) || s.status === 429);
  let accounted = 0;
  const counts = { checked: 0, agreed: 0 };
  const count = (agrees: boolean, problem: string) => {
    counts.checked++;
    if (agrees) counts.agreed++;
    else problems.push(problem);
  };

  // People: a row for each person a successful request wrote for, none for those without one.
  // (Withdrawing a vote one never cast writes nothing, not even the person.)
  const userBySubject = new Map<string, Row>();
  for (const user of table('users')) {
    const subject = str(user.subject);
    if (userBySubject.has(subject)) problems.push(`Two people with subject ${subject}.`);
    userBySubject.set(subject, user);
  }
  const subjects = (sent: Sent[]) => new Set(sent.map((s) => `bench|${s.person}`));
  const writers = subjects(log.filter((s) => ok(s) && s.kind !== 'unvote'));
  const answered2xx = subjects(log.filter(ok));
  for (const subject of writers) if (!userBySubject.has(subject)) problems.push(`${subject} wrote, but has no row in users.`);
  for (const subject of userBySubject.keys())
    if (!answered2xx.has(subject)) problems.push(`${subject} is in users, but no request of theirs succeeded.`);
  const userId = (person: number) => str(userBySubject.get(`bench|${person}`)?.id ?? `(no user bench|${person})`);

  // Ideas (the setup's): each 201 is a row with its title; no other ideas.
  const ideaRows = new Map(table('ideas').map((r) => [str(r.id), r]));
  const ideasMade = log.filter((s) => s.kind === 'idea' && ok(s));
  for (const s of log.filter((x) => x.kind === 'idea' && (ok(x) || x.status === 429))) {
    const row = ok(s) ? ideaRows.get(s.id ?? '') : undefined;
    if (ok(s) && row?.title === s.text && row?.authorId === userId(s.person)) accounted++;
    else if (s.status === 429 && !table('ideas').some((r) => r.title === s.text)) accounted++;
    else problems.push(`Idea ${s.id ?? s.text} (answered ${s.status}) is not as the answer said.`);
  }
  const ideaIds = new Set(ideasMade.map((s) => s.id));
  for (const id of ideaRows.keys()) if (!ideaIds.has(id)) problems.push(`Idea ${id} exists, but no request created it.`);

  // Votes: each person's state on each idea is that of their last successful request. A new
  // idea on a single-vote board starts backed by its author: its answer says so (`myVotes`).
  const voteRows = new Map(table('votes').map((r) => [`${str(r.ideaId)} ${str(r.userId)}`, r]));
  const votes = log.filter((s) => s.kind === 'vote' || s.kind === 'unvote' || (s.kind === 'idea' && ok(s)));
  const pairOf = (s: Sent) => `${s.kind === 'idea' ? s.id : s.idea} ${s.person}`;
  const backs = (s: Sent) => s.kind === 'vote' || (s.kind === 'idea' && s.myVotes === 1);
  const claimed = new Set<string>();
  for (const [pair, sent] of groupBy(votes, pairOf)) {
    const [idea, person] = pair.split(' ') as [string, string];
    const key = `${idea} ${userId(Number(person))}`;
    claimed.add(key);
    const successes = sent.filter(ok).sort((a, b) => a.seq - b.seq);
    const last = successes.at(-1);
    const expected = last ? backs(last) : false;
    const stateAgrees = voteRows.has(key) === expected;
    if (!stateAgrees)
      problems.push(
        `Person ${person} on ${idea}: ${voteRows.has(key) ? 'a vote' : 'no vote'} stored, ${expected ? 'backed' : 'not backed'} by their last successful request.`,
      );
    for (const s of sent) {
      // Ideas are accounted for above.
      if ((!ok(s) && s.status !== 429) || s.kind === 'idea') continue;
      // The answer itself must say what the request asked for.
      const answerAgrees = !ok(s) || s.myVotes === (s.kind === 'vote' ? 1 : 0);
      if (stateAgrees && answerAgrees) accounted++;
      else if (!answerAgrees) problems.push(`${s.method} ${s.path} by person ${person} answered myVotes ${s.myVotes}.`);
    }
  }
  for (const key of voteRows.keys()) if (!claimed.has(key)) problems.push(`A vote (${key}) that no request cast.`);

  // Comments: each 201 once, with its text, author, thread and place; a 429's text nowhere; nothing else.
  const threadByKey = new Map(table('threads').map((r) => [str(r.key), r]));
  const commentRows = table('comments');
  const commentById = new Map(commentRows.map((r) => [str(r.id), r]));
  const byBody = groupBy(commentRows, (r) => str(r.body));
  const posted = new Set<string>();
  for (const s of log.filter((x) => x.kind === 'comment' && (ok(x) || x.status === 429))) {
    if (s.status === 429) {
      if (byBody.has(s.text ?? '')) problems.push(`A comment refused with 429 was stored: "${s.text}".`);
      else accounted++;
      continue;
    }
    posted.add(s.id ?? '');
    const row = commentById.get(s.id ?? '');
    const thread = threadByKey.get(s.threadKey ?? '');
    const asked = s.parentId ?? null;
    if (!row) problems.push(`Comment ${s.id} (201 to person ${s.person}) is missing.`);
    else if (byBody.get(str(row.body))?.length !== 1)
      problems.push(`Comment ${s.id}'s text is stored ${byBody.get(str(row.body))?.length} times.`);
    else if (row.body !== s.text) problems.push(`Comment ${s.id}'s text differs from what was posted.`);
    else if (row.authorId !== userId(s.person)) problems.push(`Comment ${s.id} is not by person ${s.person}.`);
    else if (!thread || row.threadId !== thread.id) problems.push(`Comment ${s.id} is not in thread ${s.threadKey}.`);
    // A reply deeper than the nesting allows is placed beside its parent, with `replyToId` set.
    else if ((row.parentId ?? null) !== asked && row.replyToId !== asked)
      problems.push(`Comment ${s.id} answers ${asked}, but is stored under ${row.parentId}.`);
    else accounted++;
  }
  for (const id of commentById.keys()) if (!posted.has(id)) problems.push(`Comment ${id} exists, but no request created it.`);

  // Cards: each returned version stored with what was sent, versions 1…n with no gaps, nothing
  // unclaimed, the card as its last successful save left it; a 429's save nowhere.
  const cardById = new Map(table('cards').map((r) => [str(r.id), r]));
  const versionRows = groupBy(table('card_versions'), (r) => str(r.cardId));
  const saves = log.filter((s) => (s.kind === 'card-create' || s.kind === 'card-save') && (ok(s) || s.status === 429));
  const allSummaries = new Set(table('card_versions').map((r) => str(r.summary)));
  const created = new Set<string>();
  for (const s of saves.filter((x) => x.status === 429)) {
    if (allSummaries.has(s.summary ?? '')) problems.push(`A card save refused with 429 was stored: "${s.summary}".`);
    else accounted++;
  }
  for (const [cardId, sent] of groupBy(saves.filter(ok), (s) => s.id ?? '')) {
    created.add(cardId);
    const card = cardById.get(cardId);
    const versions = new Map((versionRows.get(cardId) ?? []).map((r) => [Number(r.version), r]));
    const returned = sent.map((s) => s.version ?? 0).sort((a, b) => a - b);
    const contiguous = returned.every((v, i) => v === i + 1) && versions.size === returned.length;
    if (!card) {
      problems.push(`Card ${cardId} (created with 201) is missing.`);
      continue;
    }
    if (!contiguous)
      problems.push(
        `Card ${cardId}: saves returned versions ${returned.join(',')}; stored are ${[...versions.keys()].sort((a, b) => a - b).join(',')}.`,
      );
    const last = [...sent].sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
    const finalAgrees = last !== undefined && card.version === last.version && card.summary === last.summary && card.title === last.text;
    if (!finalAgrees)
      problems.push(`Card ${cardId} is at version ${card.version} "${card.summary}", not as its last save (${last?.version}) left it.`);
    for (const s of sent) {
      const row = versions.get(s.version ?? 0);
      const stored =
        row &&
        row.summary === s.summary &&
        row.title === s.text &&
        (row.note ?? undefined) === s.note &&
        row.bySubject === `bench|${s.person}`;
      if (stored && contiguous && finalAgrees) accounted++;
      else if (!stored) problems.push(`Card ${cardId} version ${s.version} (returned to person ${s.person}) is not stored as sent.`);
    }
  }
  for (const id of cardById.keys()) if (!created.has(id)) problems.push(`Card ${id} exists, but no request created it.`);

  // Stored counts against counts from rows, and against what the requests say.
  const finalVotes = new Map<string, number>();
  for (const [pair, sent] of groupBy(votes.filter(ok), pairOf)) {
    const last = sent.sort((a, b) => a.seq - b.seq).at(-1);
    const idea = pair.split(' ')[0] as string;
    if (last && backs(last)) finalVotes.set(idea, (finalVotes.get(idea) ?? 0) + 1);
  }
  const votesOf = groupBy(table('votes'), (r) => str(r.ideaId));
  for (const idea of ideaRows.values()) {
    const own = votesOf.get(str(idea.id)) ?? [];
    const sum = own.reduce((n, r) => n + Number(r.count), 0);
    const expected = finalVotes.get(str(idea.id)) ?? 0;
    count(
      idea.voteCount === sum && idea.supporterCount === own.length && own.length === expected,
      `Idea ${idea.id}: stored ${idea.voteCount} votes / ${idea.supporterCount} supporters; rows ${sum} / ${own.length}; requests ${expected}.`,
    );
  }
  const published = commentRows.filter((r) => r.state === 'published');
  const publishedIn = groupBy(published, (r) => str(r.threadId));
  for (const thread of threadByKey.values()) {
    const n = publishedIn.get(str(thread.id))?.length ?? 0;
    count(thread.commentCount === n, `Thread ${thread.key}: stored ${thread.commentCount} comments; rows ${n} published.`);
  }
  const repliesOf = groupBy(
    published.filter((r) => r.rootId !== r.id),
    (r) => str(r.rootId),
  );
  for (const top of commentRows.filter((r) => r.rootId === r.id)) {
    const n = repliesOf.get(str(top.id))?.length ?? 0;
    count(top.replyCount === n, `Comment ${top.id}: stored ${top.replyCount} replies; rows ${n} published.`);
  }

  return { writes: answered.length, accounted, counts, problems };
}
