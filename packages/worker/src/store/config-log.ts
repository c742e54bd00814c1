/**
 * The configuration log (docs/audit-log.md): each change of a tenant's configuration is recorded
 * in the batch that makes it, so a change and its record are written together or not at all.
 */
import type { ConfigChange, ConfigChangeAction, ConfigFieldChange, ConfigValue, Page } from '@bridgekit/sdk';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { configLog } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { decodeListCursor, nextListCursor } from './comment-rows.ts';
import { moderatorOf } from './moderation.ts';

/** Who makes a change, and the request it came in (its `x-request-id`). */
export interface ChangeAuthor {
  subject: string;
  name: string;
  requestId: string | null;
}

/** The author of a change the viewer makes in the request with this id. */
export function changeAuthor(viewer: Viewer, requestId: string | null): ChangeAuthor {
  return { ...moderatorOf(viewer), requestId };
}

export interface ChangeNote {
  action: ConfigChangeAction;
  target: string;
  /** The fields set, by name: `{ to }`, or `{ from, to }` where the change replaced a value. */
  changes?: Record<string, ConfigFieldChange>;
}

/** Names whose values are never recorded, at any depth. */
const SECRET_FIELDS = new Set(['secret', 'clientSecret', 'token', 'password', 'key', 'apiKey']);
export const REDACTED = '[redacted]';
/** Bounds that keep one record small whatever a change sets (a template's fields, a long list). */
const MAX_TEXT = 300;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

/** A value as the log keeps it: secrets redacted, long texts and lists cut, deep objects summarised. */
export function loggedValue(value: unknown, depth = 0): ConfigValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((v) => loggedValue(v, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more`] : kept;
  }
  if (typeof value === 'object') {
    const out: Record<string, ConfigValue> = {};
    let n = 0;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (++n > MAX_ITEMS) {
        out['…'] = 'more fields';
        break;
      }
      out[k] = SECRET_FIELDS.has(k) ? REDACTED : loggedValue(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** `{ field: { to } }` for each field given (undefined ones left out), secrets redacted. */
export function setFields(fields: Record<string, unknown>): Record<string, ConfigFieldChange> {
  const out: Record<string, ConfigFieldChange> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) out[k] = { to: SECRET_FIELDS.has(k) ? REDACTED : loggedValue(v) };
  }
  return out;
}

/** `{ field: { from, to } }` for each field of `after` whose value differs from `before`'s. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, ConfigFieldChange> {
  const out: Record<string, ConfigFieldChange> = {};
  for (const [k, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[k];
    if (JSON.stringify(from ?? null) === JSON.stringify(to ?? null)) continue;
    out[k] = SECRET_FIELDS.has(k) ? { from: REDACTED, to: REDACTED } : { from: loggedValue(from), to: loggedValue(to) };
  }
  return out;
}

/**
 * The statement that records a change, for the batch that makes it. With `ifChanged`, it records
 * only when the statement just before it in the batch changed a row (SQLite's `changes()`): an
 * idempotent add that added nothing, or a delete of nothing, leaves no record.
 */
export function logChange(
  db: Database,
  tenantId: string,
  by: ChangeAuthor,
  note: ChangeNote,
  options: { ifChanged?: boolean; now?: number } = {},
) {
  const row = {
    id: sql<string>`${newId()}`.as('id'),
    tenantId: sql<string>`${tenantId}`.as('tenant_id'),
    action: sql<ConfigChangeAction>`${note.action}`.as('action'),
    target: sql<string>`${note.target}`.as('target'),
    actorSubject: sql<string>`${by.subject}`.as('actor_subject'),
    actorName: sql<string>`${by.name}`.as('actor_name'),
    changes: sql<string>`${JSON.stringify(note.changes ?? {})}`.as('changes'),
    requestId: sql<string | null>`${by.requestId}`.as('request_id'),
    createdAt: sql<number>`${options.now ?? Date.now()}`.as('created_at'),
  };
  // One row, from no table: `select … where changes() > 0` (or every time).
  return db.insert(configLog).select(
    db
      .select(row)
      .from(sql`(select 1)`)
      .where(options.ifChanged ? sql`changes() > 0` : undefined),
  );
}

const LOG_TAG = 'config';

export async function listConfigLog(
  db: Database,
  tenantId: string,
  q: { cursor?: string | undefined; limit: number; action?: ConfigChangeAction | undefined; target?: string | undefined },
): Promise<Page<ConfigChange>> {
  const cursor = q.cursor ? decodeListCursor(q.cursor, LOG_TAG, ['number', 'string']) : null;
  const before: SQL | undefined = cursor
    ? sql`(${configLog.createdAt} < ${cursor[0]} or (${configLog.createdAt} = ${cursor[0]} and ${configLog.id} < ${cursor[1]}))`
    : undefined;
  const rows = await db
    .select()
    .from(configLog)
    .where(
      and(
        eq(configLog.tenantId, tenantId),
        q.action ? eq(configLog.action, q.action) : undefined,
        q.target !== undefined ? eq(configLog.target, q.target) : undefined,
        before,
      ),
    )
    .orderBy(desc(configLog.createdAt), desc(configLog.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(
    (r): ConfigChange => ({
      id: r.id,
      action: r.action,
      target: r.target,
      actor: { name: r.actorName, subject: r.actorSubject },
      changes: r.changes,
      requestId: r.requestId,
      at: isoTime(r.createdAt),
    }),
  );
  return { items, nextCursor: nextListCursor(rows, q.limit, LOG_TAG, (last) => [last.createdAt, last.id]) };
}
