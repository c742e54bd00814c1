/**
 * What the pipeline reads of each kind of item, and the one place a verdict becomes an answer.
 * Every piece of user text that others read goes through `screen`: a comment's body, an idea's
 * title, description and business case, a card's title, summary and field values. Markdown is
 * read as the renderer's plain text and links (`renderMarkdown(...).text`, `.links`); plain
 * text as written, with its links found by the same renderer, so "a link" means one thing.
 */
import type {
  BusinessCase,
  CardTemplate,
  ErrorReason,
  FieldDef,
  FieldType,
  FieldValue,
  ModeratedKind,
  ModerationState,
  ParamsOf,
} from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { hasRole, type Role } from '../auth/viewer.ts';
import { fieldLocation, itemLocation, type Location, ROOT } from '../cards/location.ts';
import { isFieldRecord, ownValue } from '../cards/values.ts';
import { ApiError } from '../errors.ts';
import { MARKDOWN_MAX_LENGTH, type RenderedMarkdown, renderMarkdown } from '../markdown/render.ts';
import { fingerprintOf } from './phases/repeat-post.ts';
import { moderate } from './pipeline.ts';
import { shownReason } from './reasons.ts';
import type { ModerationInput, TextPart, Verdict } from './types.ts';

/** The text of an item as the pipeline reads it. */
export interface ItemText {
  parts: TextPart[];
  links: string[];
  /** fingerprintOf the whole text (`''` when repeats are not checked for this kind). */
  fingerprint: string;
}

/**
 * Links in plain text (bare URLs, `www.` and e-mail addresses, Markdown links typed as text), as
 * the renderer finds them: the texts are rendered together, a blank line apart, in as few
 * renders as the renderer's length limit allows (a card's lists can hold far more text than one).
 */
function plainLinks(texts: readonly string[]): string[] {
  const links: string[] = [];
  let batch = '';
  const flush = () => {
    if (batch !== '') links.push(...renderMarkdown(batch).links);
    batch = '';
  };
  for (const text of texts) {
    for (let at = 0; at < text.length; at += MARKDOWN_MAX_LENGTH - 2) {
      const piece = text.slice(at, at + MARKDOWN_MAX_LENGTH - 2);
      if (batch.length + 2 + piece.length > MARKDOWN_MAX_LENGTH) flush();
      batch = batch === '' ? piece : `${batch}\n\n${piece}`;
    }
  }
  flush();
  return links;
}

/** A comment: its rendered Markdown. */
export function commentText(rendered: RenderedMarkdown): ItemText {
  return { parts: [{ path: null, label: null, text: rendered.text }], links: rendered.links, fingerprint: fingerprintOf(rendered.text) };
}

/** What makes two ideas the same for the repeat check: their title and description. */
export const ideaFingerprint = (idea: { title: string; description: string }) => fingerprintOf(`${idea.title}\n${idea.description}`);

/** An idea: title, description and the business case's free-text fields, all plain text. */
export function ideaText(idea: { title: string; description: string; businessCase: Partial<BusinessCase> }): ItemText {
  const bc = idea.businessCase;
  const parts: TextPart[] = [
    { path: 'body.title', label: 'the title', text: idea.title },
    { path: 'body.description', label: 'the description', text: idea.description },
    { path: 'body.businessCase.problem', label: 'the problem', text: bc.problem ?? '' },
    { path: 'body.businessCase.beneficiary', label: 'who benefits', text: bc.beneficiary ?? '' },
    { path: 'body.businessCase.objective', label: 'the strategic objective', text: bc.objective ?? '' },
  ].filter((p) => p.text !== '');
  return { parts, links: plainLinks(parts.map((p) => p.text)), fingerprint: ideaFingerprint(idea) };
}

/** A short plain text written with an action (why an idea is withdrawn), at `path` of the request. */
export function noteText(path: string, label: string, text: string): ItemText {
  return { parts: [{ path, label, text }], links: plainLinks([text]), fingerprint: '' };
}

/**
 * A card: title, summary, and every text, Markdown and free-typed name among its fields (lists
 * and groups included), each labelled as the form labels it. `rendered` holds the rendering of
 * each Markdown value by its path. Repeats are not checked: saving a wiki page again is no spam.
 */
export function cardText(
  template: CardTemplate,
  card: { title: string; summary?: string | undefined; fields: Record<string, FieldValue> },
  rendered: ReadonlyMap<string, RenderedMarkdown>,
): ItemText {
  const parts: TextPart[] = [{ path: 'body.title', label: 'the title', text: card.title }];
  if (card.summary) parts.push({ path: 'body.summary', label: 'the summary', text: card.summary });
  const plain: string[] = parts.map((p) => p.text);
  const links: string[] = [];
  const visit = (type: FieldType, value: FieldValue, at: Location) => {
    const path = `body.fields.${at.path}`;
    switch (type.type) {
      case 'text':
        if (typeof value === 'string') {
          parts.push({ path, label: at.label, text: value });
          plain.push(value);
        }
        return;
      case 'richtext': {
        const markdown = rendered.get(at.path) ?? (typeof value === 'string' ? renderMarkdown(value) : null);
        if (!markdown) return;
        parts.push({ path, label: at.label, text: markdown.text });
        links.push(...markdown.links);
        return;
      }
      case 'person':
        // A member's name comes from their profile; a name typed for someone else is the author's text.
        if (isFieldRecord(value) && typeof value.name === 'string' && typeof value.handle !== 'string') {
          parts.push({ path: `${path}.name`, label: at.label, text: value.name });
          plain.push(value.name);
        }
        return;
      case 'list':
        if (Array.isArray(value)) {
          for (const [i, item] of value.entries()) visit(type.of, item, itemLocation(at, i));
        }
        return;
      case 'record':
        if (isFieldRecord(value)) visitRecord(type.fields, value, at);
        return;
      default:
        return;
    }
  };
  const visitRecord = (defs: readonly FieldDef[], record: Record<string, FieldValue>, at: Location) => {
    for (const def of defs) {
      const value = ownValue(record, def.key);
      if (value !== undefined) visit(def, value, fieldLocation(at, def.key, def.label));
    }
  };
  visitRecord(template.fields, card.fields, ROOT);
  return { parts, links: [...links, ...plainLinks(plain)], fingerprint: '' };
}

export interface ScreenInput {
  item: ModeratedKind;
  kind: 'create' | 'edit';
  text: ItemText;
  author: ModerationInput['author'];
  settings: ModerationInput['settings'];
  /** The author's role: moderators and admins are trusted, and their items skip the pipeline. */
  role: Role | null;
}

/**
 * Runs the pipeline over an item: `null` to publish it, a `hold` verdict to keep it for a
 * moderator. A `reject` is thrown here as `422 <kind>_rejected`, with the reason as the message
 * and, when the refused text is one field of several, that field in `details`.
 */
export function screen(input: ScreenInput): Verdict | null {
  if (hasRole(input.role, 'moderator')) return null;
  const verdict = moderate({
    item: input.item,
    kind: input.kind,
    parts: input.text.parts,
    links: input.text.links,
    fingerprint: input.text.fingerprint,
    author: input.author,
    settings: input.settings,
  });
  if (verdict?.action !== 'reject') return verdict;
  // A reject's reason is one of `<kind>_rejected.*` (see Verdict), so the code is `<kind>_rejected`.
  const reason = verdict.reason as Extract<ErrorReason, `${ModeratedKind}_rejected.${string}`>;
  const detail = { path: verdict.path ?? '', message: formatReason(reason, verdict.params), reason, params: verdict.params };
  throw new ApiError(422, reason, verdict.params as ParamsOf<typeof reason>, verdict.path ? { details: [detail] } : {});
}

/**
 * An idea's or card's moderation state as the caller may read it: its author learns that a
 * suspect word holds it, not which (the list stays with moderators, so nobody can probe it).
 */
export function moderationOf(state: ModerationState['state'], stored: string | null, asModerator: boolean): ModerationState {
  const shown = state === 'published' ? null : shownReason(stored, asModerator);
  return { state, reason: shown?.text ?? null, reasonCode: shown?.code ?? null, reasonParams: shown?.params ?? {} };
}
