/**
 * What a webhook receives, by its format: the event itself (`raw`), a Microsoft Teams message with
 * an Adaptive Card as a Teams workflow ("When a Teams webhook request is received") accepts, or a
 * Slack message with Block Kit blocks as Slack's incoming webhooks accept. The builders are typed by
 * Microsoft's and Slack's own TypeScript types (type-only imports of dev dependencies: nothing of
 * them reaches the bundle), so a wrong field fails typecheck; test/webhook-payloads.test.ts checks
 * the values (lengths, URLs) against their published schemas.
 */
import type { BridgekitEvent, WebhookFormat } from '@bridgekit/sdk';
import type { CardElement, IAdaptiveCard, IFact } from '@microsoft/teams.cards';
import type { KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { describeEvent, eventDetails } from './describe.ts';

/** The message a Teams workflow webhook takes: an Activity with one Adaptive Card attachment. */
export interface TeamsWorkflowMessage {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: IAdaptiveCard }[];
}

/** What a Slack incoming webhook takes: `text` is the notification's fallback, `blocks` the message. */
export interface SlackWebhookMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What a chat message shows: a sentence, details, a link, a footer line. */
interface ChatView {
  sentence: string;
  details: { title: string; value: string }[];
  url: string | null;
  footer: string;
}

/** Slack's limits (docs.slack.dev/reference/block-kit): section text 3,000, field 2,000, url 3,000. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Teams shows Adaptive Cards up to 1.5 on desktop and 1.4 everywhere; 1.4 it is. */
export function teamsMessage(view: ChatView): TeamsWorkflowMessage {
  const facts = view.details.map(({ title, value }): IFact => ({ title, value: cut(value, 500) }));
  const body: CardElement[] = [{ type: 'TextBlock', text: view.sentence, wrap: true, weight: 'Bolder' }];
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  body.push({ type: 'TextBlock', text: view.footer, wrap: true, isSubtle: true, size: 'Small' });
  const card: IAdaptiveCard = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body };
  if (view.url) card.actions = [{ type: 'Action.OpenUrl', title: 'Open', url: view.url }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

const mrkdwnEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackMessage(view: ChatView): SlackWebhookMessage {
  const headline: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: cut(mrkdwnEscape(view.sentence), 3000) } };
  if (view.url) {
    headline.accessory = { type: 'button', text: { type: 'plain_text', text: 'Open' }, url: cut(view.url, 3000), action_id: 'open' };
  }
  const blocks: KnownBlock[] = [headline];
  if (view.details.length > 0) {
    const fields = view.details
      .slice(0, 10)
      .map(({ title, value }): MrkdwnElement => ({ type: 'mrkdwn', text: cut(`*${title}*\n${mrkdwnEscape(value)}`, 2000) }));
    blocks.push({ type: 'section', fields });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(mrkdwnEscape(view.footer), 3000) }] });
  return { text: view.sentence, blocks };
}

const eventView = (event: BridgekitEvent): ChatView => ({
  sentence: describeEvent(event),
  details: eventDetails(event),
  url: event.item.url,
  footer: `${event.type} · ${event.occurredAt}`,
});

/** The body of a delivery, as sent (the signature is over these exact bytes). */
export function payloadFor(format: WebhookFormat, event: BridgekitEvent): string {
  if (format === 'teams') return JSON.stringify(teamsMessage(eventView(event)));
  if (format === 'slack') return JSON.stringify(slackMessage(eventView(event)));
  return JSON.stringify(event);
}

/** A test delivery (`Bridgekit-Event: ping`): raw `{ type: "ping", tenant, webhook, occurredAt }`, or a chat message saying so. */
export function pingPayload(format: WebhookFormat, tenant: { slug: string; name: string }, webhookId: string, now: number): string {
  const occurredAt = new Date(now).toISOString();
  if (format === 'raw') return JSON.stringify({ type: 'ping', tenant: tenant.slug, webhook: webhookId, occurredAt });
  const view = {
    sentence: `Bridgekit test message from ${tenant.name}: this webhook works.`,
    details: [],
    url: null,
    footer: `ping · ${occurredAt}`,
  };
  return JSON.stringify(format === 'teams' ? teamsMessage(view) : slackMessage(view));
}
