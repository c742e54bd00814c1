/**
 * Idea statuses. Each board has its own list (or these defaults); each status sits in a
 * category. Deflection — telling a requester "already available", "self-service", "bundled
 * into an initiative", "business-owned", "low value" — is an outcome with a written reason, not
 * a silence. Two outcomes are not deflections: `needs_sponsor` keeps the idea open (under
 * review, votes kept) until someone in the business owns it; `deferred` closes it for this
 * cycle, as ServiceNow's Deferred demand state does — its votes are frozen (returned on budget
 * boards that return votes), so backers are free to back other work meanwhile — with a revisit
 * date, on which an evaluator reopens or decides it.
 */
import type { ErrorReason, ParamsOf, StatusCategory, StatusDefinition } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { ApiError } from '../errors.ts';

export const DEFAULT_STATUSES: StatusDefinition[] = [
  { key: 'open', label: 'Open', translations: { de: { label: 'Offen' } }, category: 'open', requiresReason: false, deflection: false },
  {
    key: 'under_review',
    label: 'Under review',
    translations: { de: { label: 'In Prüfung' } },
    category: 'under_review',
    requiresReason: false,
    deflection: false,
  },
  {
    key: 'needs_sponsor',
    label: 'Needs a business sponsor',
    translations: { de: { label: 'Braucht einen Sponsor aus dem Fachbereich' } },
    category: 'under_review',
    requiresReason: true,
    deflection: false,
  },
  {
    key: 'planned',
    label: 'Planned',
    translations: { de: { label: 'Geplant' } },
    category: 'planned',
    requiresReason: false,
    deflection: false,
  },
  {
    key: 'in_progress',
    label: 'In progress',
    translations: { de: { label: 'In Arbeit' } },
    category: 'in_progress',
    requiresReason: false,
    deflection: false,
  },
  { key: 'done', label: 'Done', translations: { de: { label: 'Erledigt' } }, category: 'done', requiresReason: false, deflection: false },
  {
    key: 'already_available',
    label: 'Already available',
    translations: { de: { label: 'Bereits vorhanden' } },
    category: 'declined',
    requiresReason: true,
    deflection: true,
  },
  {
    key: 'self_service',
    label: 'Self-service: see practice card',
    translations: { de: { label: 'Selbst lösbar: siehe Praxiskarte' } },
    category: 'declined',
    requiresReason: true,
    deflection: true,
  },
  {
    key: 'bundled',
    label: 'Bundled into an existing initiative',
    translations: { de: { label: 'In eine laufende Initiative aufgenommen' } },
    category: 'declined',
    requiresReason: true,
    deflection: true,
  },
  {
    key: 'business_owned',
    label: 'Business-owned solution',
    translations: { de: { label: 'Lösung in der Verantwortung des Fachbereichs' } },
    category: 'declined',
    requiresReason: true,
    deflection: true,
  },
  {
    key: 'deferred',
    label: 'Deferred: revisit later',
    translations: { de: { label: 'Zurückgestellt: später erneut prüfen' } },
    category: 'declined',
    requiresReason: true,
    deflection: false,
    requiresRevisitDate: true,
  },
  {
    key: 'declined_low_value',
    label: 'Declined: low value',
    translations: { de: { label: 'Abgelehnt: geringer Nutzen' } },
    category: 'declined',
    requiresReason: true,
    deflection: true,
  },
];

/** Not one of a board's statuses: what a duplicate becomes when merged into another idea. */
export const MERGED_STATUS: StatusDefinition = {
  key: 'merged',
  label: 'Merged',
  translations: { de: { label: 'Zusammengeführt' } },
  category: 'declined',
  requiresReason: false,
  deflection: false,
};

/** Not one of a board's statuses either: what an idea becomes when its author withdraws it (closed, as declined). */
export const WITHDRAWN_STATUS: StatusDefinition = {
  key: 'withdrawn',
  label: 'Withdrawn',
  translations: { de: { label: 'Zurückgezogen' } },
  category: 'declined',
  requiresReason: false,
  deflection: false,
};

/** The statuses Bridgekit sets itself: never one of a board's, and no evaluator sets them. */
const RESERVED = new Map([MERGED_STATUS, WITHDRAWN_STATUS].map((s) => [s.key, s]));

/** Whether `key` is a status only Bridgekit sets (`merged`, `withdrawn`). */
export const isReservedStatus = (key: string) => RESERVED.has(key);

const BUILT_IN = new Map([...DEFAULT_STATUSES, ...RESERVED.values()].map((s) => [`${s.key}\n${s.label}`, s.translations]));

/**
 * A board's status with the translations of Bridgekit's own status of the same key and English
 * label, when it has none of its own: boards stored before there were translations, and lists
 * an admin copied from the defaults, speak the reader's language too. A label the admin changed
 * keeps only the translations they give.
 */
export function withBuiltInTranslations(status: StatusDefinition): StatusDefinition {
  if (status.translations) return status;
  const translations = BUILT_IN.get(`${status.key}\n${status.label}`);
  return translations ? { ...status, translations } : status;
}

/** Categories in which an idea is closed: its votes are frozen (and refunded, if the board says so). */
export const CLOSED_CATEGORIES: ReadonlySet<StatusCategory> = new Set(['done', 'declined']);

/** Categories a new idea may start in: the first status of category `open` is the initial one. */
export function initialStatus(statuses: StatusDefinition[]): StatusDefinition {
  return statuses.find((s) => s.category === 'open') ?? (DEFAULT_STATUSES[0] as StatusDefinition);
}

export function findStatus(statuses: StatusDefinition[], key: string): StatusDefinition | undefined {
  return RESERVED.get(key) ?? statuses.find((s) => s.key === key);
}

/** The 400 for what is wrong with a board's status list (at `path`), or null. */
export function statusListProblem(statuses: StatusDefinition[], path: string): ApiError | null {
  const invalid = <R extends ErrorReason>(reason: R, params: ParamsOf<R>) =>
    new ApiError(400, reason, params, { details: [{ path, message: formatReason(reason, params), reason, params }] });
  const keys = new Set<string>();
  for (const s of statuses) {
    if (keys.has(s.key)) return invalid('validation_failed.status_twice', { key: s.key });
    if (s.key === MERGED_STATUS.key) return invalid('validation_failed.status_merged', {});
    if (s.key === WITHDRAWN_STATUS.key) return invalid('validation_failed.status_withdrawn', {});
    if (s.deflection && !s.requiresReason) return invalid('validation_failed.deflection_reason', { key: s.key });
    keys.add(s.key);
  }
  if (!statuses.some((s) => s.category === 'open')) return invalid('validation_failed.no_open_status', {});
  return null;
}
