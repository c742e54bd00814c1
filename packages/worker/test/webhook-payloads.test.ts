import type { BridgekitEvent } from '@bridgekit/sdk';
import { EVENT_TYPES } from '@bridgekit/sdk';
import { type Schema, Validator } from '@cfworker/json-schema';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { payloadFor, pingPayload, slackMessage, teamsMessage } from '../src/delivery/payloads.ts';
import slackSchema from './fixtures/schemas/slack-block-kit-message.schema.json';
import teamsSchema from './fixtures/schemas/teams-workflow-adaptive-card.schema.json';

// Two checks. At compile time, the builders return Microsoft's Adaptive Card type
// (@microsoft/teams.cards, Microsoft's Teams SDK) and Slack's Block Kit types (@slack/types, Slack's
// Node SDK), so a misspelt field or a value outside their unions fails typecheck; the two lines
// below fail it too if those return types are ever dropped. At run time, the JSON-schema subsets
// written from Microsoft's and Slack's published references (sources in each file's $comment; no
// npm package ships either schema) check what types can't: lengths, counts, URLs.
type Builder<Message> = (view: Parameters<typeof teamsMessage>[0]) => Message;
teamsMessage satisfies Builder<{ type: 'message'; attachments: { content: IAdaptiveCard }[] }>;
slackMessage satisfies Builder<{ text: string; blocks: KnownBlock[] }>;

const teams = new Validator(teamsSchema as Schema, '2020-12', false);
const slack = new Validator(slackSchema as Schema, '2020-12', false);

const event = (overrides: Partial<BridgekitEvent> = {}): BridgekitEvent => ({
  id: '01jabcdefgh0123456789',
  type: 'comment.created',
  tenant: 'demo',
  occurredAt: '2026-03-02T09:30:00.000Z',
  actor: { id: 'demo-user-amara', name: 'Amara Okafor', handle: 'amara' },
  item: { kind: 'comment', id: 'c1', title: 'Single sign-on for the partner portal', url: 'https://intranet.example/ideas#bk-comment=c1' },
  data: { snippet: 'We could start with <Finance> & HR.', parentId: null },
  ...overrides,
});

const cases: [string, BridgekitEvent][] = [
  ['a comment with a link and a snippet', event()],
  [
    'an event without a link or details',
    event({ type: 'card.review_due', item: { kind: 'card', id: 'k', title: 'Stakeholder map', url: null }, data: {} }),
  ],
  [
    'a status change with a reason',
    event({ type: 'idea.status_changed', data: { status: 'declined', reason: 'Covered by the 2027 ERP' } }),
  ],
  [
    'a system event with a very long title',
    event({ actor: null, type: 'moderation.queued', item: { kind: 'idea', id: 'i', title: 'x'.repeat(5000), url: null } }),
  ],
  ...EVENT_TYPES.map((type): [string, BridgekitEvent] => [type, event({ type })]),
];

describe('Teams and Slack payloads against their published schemas', () => {
  it.each(cases)('Teams: %s is a workflow message with a valid Adaptive Card', (_name, e) => {
    const result = teams.validate(JSON.parse(payloadFor('teams', e)));
    expect(result.errors, JSON.stringify(result.errors.slice(0, 3))).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(cases)('Slack: %s is a valid Block Kit message', (_name, e) => {
    const result = slack.validate(JSON.parse(payloadFor('slack', e)));
    expect(result.errors, JSON.stringify(result.errors.slice(0, 3))).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('test pings are valid in both formats', () => {
    const tenant = { slug: 'demo', name: 'Contoso BRM' };
    expect(teams.validate(JSON.parse(pingPayload('teams', tenant, 'w1', Date.now()))).valid).toBe(true);
    expect(slack.validate(JSON.parse(pingPayload('slack', tenant, 'w1', Date.now()))).valid).toBe(true);
    expect(JSON.parse(pingPayload('raw', tenant, 'w1', 0))).toEqual({
      type: 'ping',
      tenant: 'demo',
      webhook: 'w1',
      occurredAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('the schemas refuse what Teams and Slack refuse', () => {
    const card = JSON.parse(payloadFor('teams', event()));
    card.attachments[0].content.body[0].type = 'Paragraph';
    expect(teams.validate(card).valid).toBe(false);
    const message = JSON.parse(payloadFor('slack', event()));
    message.blocks[0].text.text = 'x'.repeat(3001);
    expect(slack.validate(message).valid).toBe(false);
  });

  it('Slack text escapes the characters mrkdwn reserves, and the raw format is the event itself', () => {
    const message = JSON.parse(payloadFor('slack', event()));
    expect(JSON.stringify(message.blocks[1])).toContain('&lt;Finance&gt; &amp; HR.');
    expect(JSON.parse(payloadFor('raw', event()))).toEqual(event());
  });
});
