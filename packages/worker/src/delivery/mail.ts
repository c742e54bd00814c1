/**
 * E-mail goes through the tenant's own mail webhook (`tenants.mail`): Bridgekit POSTs each message
 * as signed JSON `{ to, subject, text, html }` and the tenant's mail system sends it (a Power
 * Automate flow, a Logic App, a small relay). Bridgekit never speaks SMTP. docs/webhooks.md#mail.
 */
import type { BridgekitEvent } from '@bridgekit/sdk';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { notifications, tenants, users } from '../db/schema.ts';
import { describeEvent, eventDetails } from './describe.ts';
import { eventsQuery, toBridgekitEvent } from './event-view.ts';
import { type PostOutcome, signedPost } from './post.ts';
import type { DeliveryResult } from './webhook-delivery.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type TenantMail = NonNullable<typeof tenants.$inferSelect.mail>;

export function sendMail(mail: TenantMail, message: MailMessage, now = Date.now()): Promise<PostOutcome> {
  return signedPost({ url: mail.webhook, body: JSON.stringify(message), secrets: [mail.secret], event: 'mail', now });
}

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** One event as a mail's lines: the sentence, its details, its link. */
export function eventText(event: BridgekitEvent): string {
  const details = eventDetails(event).map((d) => `  ${d.title}: ${d.value}`);
  return [describeEvent(event), ...details, ...(event.item.url ? [`  ${event.item.url}`] : [])].join('\n');
}

export function eventHtml(event: BridgekitEvent): string {
  const sentence = escapeHtml(describeEvent(event));
  const details = eventDetails(event)
    .map((d) => `<br><small>${escapeHtml(d.title)}: ${escapeHtml(d.value)}</small>`)
    .join('');
  return event.item.url ? `<a href="${escapeHtml(event.item.url)}">${sentence}</a>${details}` : `${sentence}${details}`;
}

const FOOTER = 'You can change which notifications reach you by e-mail, and how often, in your notification settings.';

/** One notification by e-mail at once; marks it e-mailed (so no digest repeats it). */
export async function deliverImmediateMail(
  db: Database,
  message: { tenant: string; notification: string },
  now = Date.now(),
): Promise<DeliveryResult> {
  const row = await db
    .select({
      eventId: notifications.eventId,
      emailedAt: notifications.emailedAt,
      to: users.email,
      kind: sql<string>`${users.kind}`.as('user_kind'),
      mail: tenants.mail,
      tenantName: sql<string>`${tenants.name}`.as('tenant_name'),
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(tenants, eq(tenants.id, notifications.tenantId))
    .where(and(eq(notifications.tenantId, message.tenant), eq(notifications.id, message.notification)))
    .get();
  if (!row || row.emailedAt !== null || !row.to || row.kind !== 'person' || !row.mail) return 'done';
  const [eventRow] = await eventsQuery(db, message.tenant, [row.eventId]);
  if (!eventRow) return 'done';
  const event = toBridgekitEvent(eventRow);
  const outcome = await sendMail(
    row.mail,
    {
      to: row.to,
      subject: `[${row.tenantName}] ${describeEvent(event)}`.slice(0, 200),
      text: `${eventText(event)}\n\n${FOOTER}\n`,
      html: `<p>${eventHtml(event)}</p><p><small>${escapeHtml(FOOTER)}</small></p>`,
    },
    now,
  );
  if (!outcome.ok) {
    console.warn(`Mail webhook of tenant ${message.tenant} failed: ${outcome.error}`);
    return 'retry';
  }
  await db
    .update(notifications)
    .set({ emailedAt: now })
    .where(and(eq(notifications.id, message.notification), isNull(notifications.emailedAt)));
  return 'done';
}
