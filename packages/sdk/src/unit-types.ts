/**
 * Business units: the spine that people, ideas, cards, health rounds and the cockpit share.
 * See docs/business-units.md.
 */

/** `demand`: a business unit (Finance, Sales…); `supply`: IT or another provider, never counted as demand. */
export type UnitSide = 'demand' | 'supply';

/** A unit as other answers name it. */
export interface UnitRef {
  /** What admins, the CLI and URLs call it, e.g. `finance`. */
  key: string;
  name: string;
  side: UnitSide;
}

/** A place on a unit's relationship team. */
export type UnitTeamRole = 'business_partner' | 'relationship_manager';

/** Which side of a relationship a person speaks for: the business's, or the provider's (IT). */
export type RelationshipSide = 'business' | 'provider';

/**
 * Who may read a card: everyone in the tenant; the card's unit's relationship team (plus CIOs,
 * admins and its owner); or its owner (and admins) only.
 */
export type CardVisibility = 'everyone' | 'unit' | 'private';
export const CARD_VISIBILITIES = ['everyone', 'unit', 'private'] as const satisfies readonly CardVisibility[];

/** A member as a unit's team names them (the handle others @mention). */
export interface UnitMember {
  handle: string;
  name: string;
}

/** A unit's relationship team. */
export interface UnitTeam {
  businessPartners: UnitMember[];
  relationshipManagers: UnitMember[];
}

/** A tenant's business unit (`units.list()`, `units.get(key)`). Members read names, sides and teams. */
export interface BusinessUnit {
  key: string;
  name: string;
  /** The key of the unit it is part of, or `null`. */
  parent: string | null;
  side: UnitSide;
  /**
   * The names a token's business-unit claim may use for it (its name among them), normalised:
   * trimmed, runs of spaces made one, ASCII letters lower-cased.
   */
  aliases: string[];
  team: UnitTeam;
  /** The share of approved demand the unit means to spend per demand class, in percent; `null` when unset. */
  intendedMix: Record<string, number> | null;
  /** When it was archived (ISO 8601): it keeps its history and takes no new people or ideas. */
  archivedAt: string | null;
}

/** A new business unit (admins). */
export interface NewBusinessUnit {
  /** Lower-case letters and digits in hyphen-separated words, at most 40 characters: `finance`, `group-it`. */
  key: string;
  /** 1–100 characters; always one of its aliases too. */
  name: string;
  /** The key of the unit it is part of. */
  parent?: string | null;
  /** Default `demand`. */
  side?: UnitSide;
  /** Other names tokens use for it (up to 50, each up to 100 characters). */
  aliases?: string[];
  intendedMix?: Record<string, number> | null;
}

/** Changes to a unit (admins); a field left out is kept. `aliases` replaces the list (the name is always kept in it). */
export interface BusinessUnitUpdate {
  name?: string;
  parent?: string | null;
  side?: UnitSide;
  aliases?: string[];
  intendedMix?: Record<string, number> | null;
}

/** A unit's whole relationship team, by handles (admins): replaces the team. */
export interface UnitTeamInput {
  businessPartners: string[];
  relationshipManagers: string[];
}

/** A business-unit claim that names no unit: add it as an alias of the right unit. */
export interface UnmatchedClaim {
  /** The claim as the tokens said it (one spelling of those that normalise alike). */
  claim: string;
  /** How many people's last token carried it. */
  people: number;
}

/** An admin's choice of a person's unit (`PUT /people/{handle}/unit`): a unit's key, or `null` for none. */
export interface PersonUnitInput {
  unit: string | null;
}

/**
 * A person with the unit an admin's choice left them. A token whose claim names a unit still wins
 * at their next sign-in; one that names none keeps the admin's choice (docs/business-units.md).
 */
export interface PersonUnit {
  handle: string;
  name: string;
  /** Their unit's name, else their last token's claim as given. */
  businessUnit: string | null;
  unit: UnitRef | null;
}

/** A place the caller holds on a unit's relationship team (`/me`). */
export interface UnitTeamPlace {
  unit: UnitRef;
  role: UnitTeamRole;
}
