/**
 * The iframe route `/embed/<widget>`: which widgets it hosts, which of their attributes a URL
 * may set, and the page-wide options (tenant, theme, locale, parent).
 */
import * as z from 'zod';
import { SLUG_PATTERN } from './common.ts';

type AttributeKind = 'text' | 'flag';

export interface FrameWidget {
  tag: string;
  attributes: Record<string, AttributeKind>;
  /** Attributes that must be given; `[a, b]` inside means one of them. */
  required: (string | readonly [string, string])[];
}

/**
 * URL name (the tag without `bk-`) → element: the widgets whose registry entry is `framed`
 * (packages/widgets/src/registry.ts; scripts/registry.test.ts checks that they agree).
 */
export const FRAME_WIDGETS: Record<string, FrameWidget> = {
  'idea-board': { tag: 'bk-idea-board', attributes: { board: 'text', sort: 'text', 'page-size': 'text' }, required: ['board'] },
  'idea-form': { tag: 'bk-idea-form', attributes: { board: 'text' }, required: ['board'] },
  'idea-roadmap': { tag: 'bk-idea-roadmap', attributes: { board: 'text' }, required: ['board'] },
  'idea-triage': { tag: 'bk-idea-triage', attributes: { board: 'text' }, required: ['board'] },
  'idea-vote': { tag: 'bk-idea-vote', attributes: { idea: 'text', variant: 'text', 'max-votes': 'text' }, required: ['idea'] },
  thread: {
    tag: 'bk-thread',
    attributes: {
      key: 'text',
      url: 'text',
      sort: 'text',
      'page-title': 'text',
      'page-size': 'text',
      live: 'text',
      'poll-interval': 'text',
    },
    required: [['key', 'url']],
  },
  'comment-count': { tag: 'bk-comment-count', attributes: { key: 'text', url: 'text' }, required: [['key', 'url']] },
  moderation: { tag: 'bk-moderation', attributes: { reason: 'text', thread: 'text', 'page-size': 'text' }, required: [] },
  'practice-card': { tag: 'bk-practice-card', attributes: { card: 'text', expanded: 'flag', thread: 'flag' }, required: ['card'] },
  'practice-library': {
    tag: 'bk-practice-library',
    attributes: { tag: 'text', template: 'text', 'page-size': 'text', currency: 'text' },
    required: [],
  },
};

const LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export const FramePageQuery = z.object({
  tenant: z
    .string({ error: 'Say which tenant: ?tenant=<slug>.' })
    .regex(SLUG_PATTERN, 'Use the tenant slug (lower-case letters, digits, hyphens).'),
  theme: z.enum(['light', 'dark', 'auto']).optional(),
  locale: z.string().max(35).regex(LOCALE, 'Use a BCP 47 language tag such as en, de or de-CH.').optional(),
  /** The framing page's origin, when its referrer policy hides it; used only if the tenant allows it. */
  parent: z.string().max(300).optional(),
});

export const SignInPageQuery = z.object({
  tenant: FramePageQuery.shape.tenant,
  locale: FramePageQuery.shape.locale,
  /**
   * The origin of the page that opened the window (the admin console), which receives the token:
   * exactly one of the tenant's allowed origins or of BRIDGEKIT_CONSOLE_ORIGINS. Absent: Bridgekit's own.
   */
  opener: z.string().max(300).optional(),
});

/** `/embed/sign-in/endpoints?tenant=<slug>&provider=<id>`: the sign-in window asks for a provider's endpoints. */
export const SignInEndpointsQuery = z.object({
  tenant: FramePageQuery.shape.tenant,
  provider: z
    .string({ error: 'Say which provider: ?provider=<id>.' })
    .regex(SLUG_PATTERN, 'Use the provider id (lower-case letters, digits, hyphens).'),
});

/** Longest attribute value a URL may set (a page URL for `url`, a title for `page-title`). */
export const MAX_ATTRIBUTE_LENGTH = 2000;
