/**
 * One English sentence per event, for what people read outside the widgets: Teams and Slack
 * messages, e-mail and digests. (Webhooks of format `raw` carry codes only; the widgets translate
 * those themselves.)
 */
import type { BridgekitEvent, EventType } from '@bridgekit/sdk';

const quoted = (e: BridgekitEvent) => (e.item.title ? `“${e.item.title}”` : `${e.item.kind} ${e.item.id}`);
const who = (e: BridgekitEvent) => e.actor?.name ?? 'Someone';
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

const SENTENCES: Record<EventType, (e: BridgekitEvent) => string> = {
  'idea.created': (e) => `${who(e)} proposed the idea ${quoted(e)}.`,
  'idea.status_changed': (e) => `${quoted(e)} is now ${text(e.data.status) ?? 'in a new status'}.`,
  'idea.merged': (e) => `${quoted(e)} was merged into another idea.`,
  'idea.scored': (e) => `${quoted(e)} was scored.`,
  'idea.need_confirmed': (e) => `${who(e)} said the answer to ${quoted(e)} ${e.data.met === true ? 'met' : 'did not meet'} the need.`,
  'idea.intake_decided': (e) => `${quoted(e)} moved to ${text(e.data.step)?.replace('_', ' ') ?? 'a new step'} in the intake.`,
  'comment.created': (e) => `${who(e)} commented on ${quoted(e)}.`,
  'comment.edited': (e) => `${who(e)} edited a comment on ${quoted(e)}.`,
  'comment.removed': (e) => `A comment on ${quoted(e)} was removed.`,
  'card.created': (e) => `${who(e)} published the practice card ${quoted(e)}.`,
  'card.updated': (e) => `${who(e)} updated the practice card ${quoted(e)}.`,
  'card.review_due': (e) => `The practice card ${quoted(e)} is due for review by ${text(e.data.reviewBy) ?? 'its review date'}.`,
  'card.review_overdue': (e) => `The practice card ${quoted(e)} is overdue for review (due ${text(e.data.reviewBy) ?? 'earlier'}).`,
  'card.verified': (e) => `${who(e)} verified the practice card ${quoted(e)}.`,
  'card.obsolete': (e) => `The practice card ${quoted(e)} was marked obsolete.`,
  'value.measured': (e) =>
    `${who(e)} recorded a measurement of ${text(e.data.title) ? `“${text(e.data.title)}”` : 'a benefit'} in the value plan ${quoted(e)}.`,
  'health.invited': (e) => `${who(e)} invited you to answer the relationship health round ${quoted(e)}.`,
  'moderation.queued': (e) => `${quoted(e)} is waiting for moderation.`,
  'content.held': (e) => `Your contribution to ${quoted(e)} is held for moderation.`,
  'content.rejected': (e) => `Your contribution to ${quoted(e)} was not published.`,
};

/** What happened, in one sentence. */
export function describeEvent(event: BridgekitEvent): string {
  return SENTENCES[event.type](event);
}

/** Further details worth showing under the sentence (a reason, a snippet), as label and value. */
export function eventDetails(event: BridgekitEvent): { title: string; value: string }[] {
  const details: { title: string; value: string }[] = [];
  const snippet = text(event.data.snippet);
  if (snippet) details.push({ title: 'Comment', value: snippet });
  const reason = text(event.data.reason);
  if (reason) details.push({ title: 'Reason', value: reason });
  return details;
}
