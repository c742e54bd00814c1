/**
 * Idea statuses. Each board has its own list (or these defaults); each status sits in a
 * category. Deflection — telling a requester "already available", "self-service", "low value"
 * — is an outcome with a written reason, not a silence.
 */
import type { StatusCategory, StatusDefinition } from '@bridgekit/sdk';

export const DEFAULT_STATUSES: StatusDefinition[] = [
  { key: 'open', label: 'Open', category: 'open', requiresReason: false, deflection: false },
  { key: 'under_review', label: 'Under review', category: 'under_review', requiresReason: false, deflection: false },
  { key: 'planned', label: 'Planned', category: 'planned', requiresReason: false, deflection: false },
  { key: 'in_progress', label: 'In progress', category: 'in_progress', requiresReason: false, deflection: false },
  { key: 'done', label: 'Done', category: 'done', requiresReason: false, deflection: false },
  { key: 'already_available', label: 'Already available', category: 'declined', requiresReason: true, deflection: true },
  { key: 'self_service', label: 'Self-service: see practice card', category: 'declined', requiresReason: true, deflection: true },
  { key: 'declined_low_value', label: 'Declined: low value', category: 'declined', requiresReason: true, deflection: true },
];

/** Not one of a board's statuses: what a duplicate becomes when merged into another idea. */
export const MERGED_STATUS: StatusDefinition = {
  key: 'merged',
  label: 'Merged',
  category: 'declined',
  requiresReason: false,
  deflection: false,
};

/** Categories in which an idea is closed: its votes are frozen (and refunded, if the board says so). */
export const CLOSED_CATEGORIES: ReadonlySet<StatusCategory> = new Set(['done', 'declined']);

/** Categories a new idea may start in: the first status of category `open` is the initial one. */
export function initialStatus(statuses: StatusDefinition[]): StatusDefinition {
  return statuses.find((s) => s.category === 'open') ?? (DEFAULT_STATUSES[0] as StatusDefinition);
}

export function findStatus(statuses: StatusDefinition[], key: string): StatusDefinition | undefined {
  return key === MERGED_STATUS.key ? MERGED_STATUS : statuses.find((s) => s.key === key);
}

/** What is wrong with a board's status list, or null. */
export function statusListProblem(statuses: StatusDefinition[]): string | null {
  const keys = new Set<string>();
  for (const s of statuses) {
    if (keys.has(s.key)) return `The status key "${s.key}" appears twice.`;
    if (s.key === MERGED_STATUS.key) return '"merged" is reserved for duplicates merged into another idea.';
    if (s.deflection && !s.requiresReason) return `The deflection status "${s.key}" must require a reason: deflection is never a silence.`;
    keys.add(s.key);
  }
  if (!statuses.some((s) => s.category === 'open')) return 'At least one status needs the category "open": new ideas start there.';
  return null;
}
