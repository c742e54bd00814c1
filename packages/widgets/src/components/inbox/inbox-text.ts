/**
 * What a notification says, in the reader's language: one sentence for its event type — or for
 * the type and the reason it reached them, where that reads better ("replied to you") — and
 * the lines that carry its parameters (the reason given with a status, the answering card, a
 * comment's opening words).
 */
import type { Notification } from '@bridgekit/sdk';
import type { MessageKey, Translate } from '../../shared/i18n.ts';
import { enNotify } from '../../shared/messages/en-notify.ts';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * @example
 * notificationSentence(t, { event: 'comment.created', reason: 'reply', actor: { name: 'Ana' }, item: { title: 'SSO' }, … }, (name) => name);
 * // → 'Ana replied to you on “SSO”'
 */
export function notificationSentence(t: Translate, n: Notification, person: (name: string) => string): string {
  const specific = `inbox.event.${n.event}.${n.reason}`;
  const key = (specific in enNotify ? specific : `inbox.event.${n.event}`) as MessageKey;
  const { data } = n;
  return t(key, {
    actor: n.actor ? person(n.actor.name) : t('inbox.someone'),
    title: n.item.title || t('inbox.anItem'),
    status: text(data.statusLabel) ?? text(data.status) ?? '',
  });
}

/**
 * The notification's other parameters as lines: a status change's reason and answering card, a
 * comment's snippet. A held or rejected post's reason is a code: `reason` turns it into words.
 *
 * @example
 * notificationDetails(t, n, (code) => this.reasonText(code, undefined, code));
 */
export function notificationDetails(t: Translate, n: Notification, reason: (code: string) => string): string[] {
  const { data } = n;
  const lines: string[] = [];
  const given = text(data.reasonText) ?? text(data.reason);
  if (given) {
    const coded = n.event === 'content.held' || n.event === 'content.rejected' || n.event === 'comment.removed';
    lines.push(t('inbox.detail.reason', { reason: coded ? reason(given) : given }));
  }
  const card = text(data.cardTitle);
  if (card) lines.push(t('inbox.detail.card', { card }));
  const snippet = text(data.snippet);
  if (snippet) lines.push(t('inbox.detail.snippet', { snippet }));
  if (n.event === 'idea.need_confirmed') lines.push(t(data.met === true ? 'inbox.detail.needMet' : 'inbox.detail.needNotMet'));
  return lines;
}
