/** Holds an item with more links than the community allows for a moderator. */
import type { Phase } from '../types.ts';

/**
 * Holds when the item (all its text together) has more than `settings.maxLinks` links (each
 * link target counts).
 *
 * @example
 * linkLimit(input); // { action: 'hold', phase: 'link-limit', reason: 'held.links', params: { count: 3, max: 2 } }
 */
export const linkLimit: Phase = ({ links: targets, settings }) => {
  if (targets.length <= settings.maxLinks) return null;
  return { action: 'hold', phase: 'link-limit', reason: 'held.links', params: { count: targets.length, max: settings.maxLinks } };
};
