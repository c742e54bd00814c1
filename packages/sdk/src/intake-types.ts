/**
 * The intake's wire types: what ideas and cards say about the objectives they serve, an idea's
 * sponsor, demand class and intake, and the inputs of the objectives and intake routes
 * (docs/intake.md). The records themselves are in value-types.ts.
 */
import type { ItemRef } from './community-types.ts';
import type { Translations } from './translations.ts';
import type { Idea } from './types.ts';
import type { UnitRef } from './unit-types.ts';
import type { IntakeDecision, IntakeStep, NewObjective, Objective } from './value-types.ts';

/** How many objectives one idea, business case, value plan or account plan may serve. */
export const OBJECTIVES_PER_ITEM_MAX = 5;

/** An objective as an idea or a card names it. */
export interface ObjectiveRef {
  id: string;
  title: string;
  unit: UnitRef;
  /** The unit's partner-profile card it is written in, when everyone may read that card; else `null`. */
  card: ItemRef | null;
}

/** A person an idea names (its sponsor, an intake's decider). */
export interface PersonRef {
  handle: string;
  name: string;
}

/** An idea's demand class as answered: its key, with the tenant's label for it. */
export interface DemandClassRef {
  key: string;
  label: string;
  translations?: Translations<'label'>;
}

/** Where an idea's intake stands. */
export interface IdeaIntake {
  step: IntakeStep;
  /** The business-case card made when it was approved, when everyone may read it. */
  caseCard: ItemRef | null;
}

/** A unit's objectives (`GET /units/{key}/objectives`), in the profile's order, then those added through the API. */
export interface ObjectiveList {
  items: Objective[];
}

/** `GET /units/{key}/objectives?archived=true` also lists archived ones. */
export interface ObjectiveQuery {
  archived?: boolean;
}

/** Changes to an objective added through the API (those of a partner profile change with the card). */
export type ObjectiveUpdate = Partial<NewObjective>;

/** The objectives a card serves (`PUT /cards/{id}/objectives`): ids of current objectives, at most 5; `[]` clears them. */
export interface CardObjectivesInput {
  objectives: string[];
}

/** The objectives a card serves, as answered. */
export interface CardObjectives {
  objectives: ObjectiveRef[];
}

/** What every intake decision says. */
interface IntakeDecisionBase {
  /** The decision forum, e.g. "Finance demand board"; up to 100 characters. */
  forum?: string;
  /** The day it was decided, `YYYY-MM-DD`, not after today. */
  decidedOn: string;
  /** Who decided: a member's handle; the caller when left out. */
  decider?: string;
  /** Up to 2,000 characters. */
  note?: string;
  /**
   * The forum's sorting of the idea, recorded with the decision (as in `IdeaEdit`; a field left
   * out keeps its value, `null` clears it): its sponsor — never someone who scored it, 409
   * `conflict.sponsor_scored` — its demand class, and the objectives it serves.
   */
  sponsor?: string | null;
  demandClass?: string | null;
  objectives?: string[];
}

/**
 * An intake decision (`POST /ideas/{id}/intake`, evaluators). `deflected` closes the idea in one
 * of its board's deflection statuses with a reason (and the card that answers it); `deferred`
 * closes it until `revisitOn`; `approved` plans it and makes its business-case card.
 */
export type IntakeDecisionInput =
  | (IntakeDecisionBase & { step: 'screening' | 'needs_information' | 'qualified' | 'approved' })
  | (IntakeDecisionBase & {
      step: 'deflected';
      /** A deflection status of the idea's board, e.g. `already_available`. */
      status: string;
      /** At least 10 characters: the requester reads it. */
      reason: string;
      /** The published practice card that answers the need. */
      card?: string;
    })
  | (IntakeDecisionBase & {
      step: 'deferred';
      /** When to look at it again, after today. */
      revisitOn: string;
      /** At least 10 characters: the requester reads it. */
      reason: string;
    });

/** An idea's intake decisions, oldest first. */
export interface IntakeDecisionList {
  items: IntakeDecision[];
}

/** Which steps may follow which: the one table of allowed moves (`approved` and `deflected` are final). */
export const INTAKE_MOVES: Readonly<Record<IntakeStep, readonly IntakeStep[]>> = {
  screening: ['needs_information', 'qualified', 'deflected', 'deferred'],
  needs_information: ['screening', 'qualified', 'deflected', 'deferred'],
  qualified: ['approved', 'deferred', 'deflected', 'needs_information'],
  deferred: ['screening', 'qualified'],
  approved: [],
  deflected: [],
};

/** What recording an intake decision answers: the decision, and the idea after it. */
export interface IntakeResult {
  decision: IntakeDecision;
  idea: Idea;
}
