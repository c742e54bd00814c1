/**
 * The events of content the moderation pipeline held: its author learns why (`content.held`, by
 * the pipeline, so no actor) and the tenant's moderators that it waits for them
 * (`moderation.queued`, by its author). Everyone else hears of it only once it is published.
 */
import type { EventItemKind } from '@bridgekit/sdk';
import type { SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client.ts';
import type { Verdict } from '../moderation/types.ts';
import { eventStatements } from './record.ts';

export function heldStatements(
  db: Database,
  tenantId: string,
  item: { kind: EventItemKind; id: string },
  verdict: Pick<Verdict, 'reason'>,
  author: SQL | string | null,
  options: { now?: number; edit?: string; onlyIf?: SQL } = {},
): BatchItem<'sqlite'>[] {
  const data = { reason: verdict.reason, ...(options.edit ? { edit: options.edit } : {}) };
  const common = {
    tenantId,
    item,
    data,
    ...(options.now ? { now: options.now } : {}),
    ...(options.onlyIf ? { onlyIf: options.onlyIf } : {}),
  };
  return [
    ...eventStatements(db, { ...common, type: 'content.held', actorId: null }),
    ...eventStatements(db, { ...common, type: 'moderation.queued', actorId: author }),
  ];
}

/** What a comment event carries: its thread, what it answers, and the start of its text. */
export function commentEventData(threadKey: string | null, parentId: string | null, text?: string): Record<string, string | null> {
  const data: Record<string, string | null> = { parentId };
  if (threadKey !== null) data.thread = threadKey;
  if (text !== undefined) data.snippet = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  return data;
}
