/** Card templates: the built-in ones (code) and each tenant's own (D1). */
import type { CardTemplate, TemplateInput } from '@bridgekit/sdk';
import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate } from '../cards/templates/index.ts';
import { validateTemplateDefinition } from '../cards/validate.ts';
import type { Database } from '../db/client.ts';
import { cacheVersions, cards, cardTemplates } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';

function fromRow(row: typeof cardTemplates.$inferSelect): CardTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ...(row.translations ? { translations: row.translations } : {}),
    builtIn: false,
    fields: row.fields,
    version: row.version,
    ...(row.visibility ? { visibility: row.visibility } : {}),
  };
}

/** A tenant's template as D1 holds it (a row read in another statement's batch). */
export const templateFromRow = fromRow;

/** The built-in templates, then the tenant's, by name. */
export async function listTemplates(db: Database, tenantId: string): Promise<CardTemplate[]> {
  const rows = await db.select().from(cardTemplates).where(eq(cardTemplates.tenantId, tenantId)).orderBy(asc(cardTemplates.name));
  return [...BUILT_IN_TEMPLATES, ...rows.map(fromRow)];
}

/** The version of the tenant's `card_templates` (0 before any write), as a column of the statement that reads a template. */
export const templatesVersion = (tenantId: string) =>
  sql<number>`coalesce((select v.version from ${cacheVersions} v where v.tenant_id = ${tenantId} and v.scope = 'card_templates'), 0)`;

/**
 * Each tenant template this isolate read, with the version of the tenant's `card_templates` it
 * was read at: a guessed card save (store/cards.ts) uses it, guarded on that version.
 */
const knownTenantTemplates = new Map<string, { template: CardTemplate; version: number }>();
const KNOWN_MAX = 5_000;

/** Remembers a tenant template as read at `version` of the tenant's `card_templates`. */
export function rememberTenantTemplate(tenantId: string, template: CardTemplate, version: number): void {
  const key = `${tenantId}\u0000${template.id}`;
  knownTenantTemplates.delete(key);
  knownTenantTemplates.set(key, { template, version });
  if (knownTenantTemplates.size > KNOWN_MAX) knownTenantTemplates.delete(knownTenantTemplates.keys().next().value as string);
}

/** Forgets the tenant templates this isolate read (tests). */
export function forgetKnownTemplates(): void {
  knownTenantTemplates.clear();
}

/** A template as this isolate knows it: a built-in one, or a tenant's with what its use must check (the tenant's templates unchanged since). */
export function knownTemplate(tenantId: string, templateId: string): { template: CardTemplate; guard: SQL | undefined } | undefined {
  const builtIn = findBuiltInTemplate(templateId);
  if (builtIn) return { template: builtIn, guard: undefined };
  const known = knownTenantTemplates.get(`${tenantId}\u0000${templateId}`);
  return known && { template: known.template, guard: sql` and ${templatesVersion(tenantId)} = ${known.version}` };
}

/** A template by id, or 404 naming the ones there are. A tenant's is remembered with its version (see {@link knownTemplate}). */
export async function findTemplate(db: Database, tenantId: string, id: string): Promise<CardTemplate> {
  const builtIn = findBuiltInTemplate(id);
  if (builtIn) return builtIn;
  const [row] = await db
    .select({ ...getTableColumns(cardTemplates), templatesVersion: templatesVersion(tenantId).as('templates_version') })
    .from(cardTemplates)
    .where(and(eq(cardTemplates.tenantId, tenantId), eq(cardTemplates.id, id)));
  if (!row) throw notFound('not_found.template', { id });
  const template = fromRow(row);
  rememberTenantTemplate(tenantId, template, row.templatesVersion);
  return template;
}

/** Refuses a definition that breaks a template rule, every problem at its path (`body.fields.2.key`). */
function checkDefinition(input: TemplateInput): void {
  const problems = validateTemplateDefinition(input);
  if (problems.length > 0) {
    throw new ApiError(400, 'validation_failed.template', { problem: problems[0]?.message ?? '' }, { details: problems });
  }
}

/**
 * Admins: the template as `putTemplate` would store it (its next version), or the same 400 it
 * would answer — without writing anything, for a live preview of a definition being typed.
 */
export async function previewTemplate(db: Database, tenantId: string, input: TemplateInput): Promise<CardTemplate> {
  checkDefinition(input);
  const [stored] = await db
    .select({ version: cardTemplates.version })
    .from(cardTemplates)
    .where(and(eq(cardTemplates.tenantId, tenantId), eq(cardTemplates.id, input.id)));
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? '',
    ...(input.translations ? { translations: input.translations } : {}),
    builtIn: false,
    fields: input.fields,
    version: (stored?.version ?? 0) + 1,
    ...(input.visibility ? { visibility: input.visibility } : {}),
  };
}

/** Admins: creates or replaces a tenant template; its version goes up on every change. */
export async function putTemplate(
  db: Database,
  tenantId: string,
  input: TemplateInput,
  by: ChangeAuthor,
  now = Date.now(),
): Promise<CardTemplate> {
  checkDefinition(input);
  // The fields' definitions can be long: the log keeps their keys and types.
  const changes = setFields({
    name: input.name,
    description: input.description,
    visibility: input.visibility,
    fields: input.fields.map((f) => `${f.key}: ${f.type}`),
  });
  const [[row]] = await db.batch([
    db
      .insert(cardTemplates)
      .values({
        tenantId,
        id: input.id,
        name: input.name,
        description: input.description ?? '',
        translations: input.translations ?? null,
        fields: input.fields,
        visibility: input.visibility ?? null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [cardTemplates.tenantId, cardTemplates.id],
        set: {
          name: input.name,
          description: input.description ?? '',
          translations: input.translations ?? null,
          fields: input.fields,
          visibility: input.visibility ?? null,
          version: sql`${cardTemplates.version} + 1`,
          updatedAt: now,
        },
      })
      .returning(),
    logChange(db, tenantId, by, { action: 'template.saved', target: input.id, changes }, { now }),
  ]);
  if (!row) throw new Error('The template was not stored.');
  return fromRow(row);
}

/** Admins: removes a tenant template that no card uses. */
export async function removeTemplate(db: Database, tenantId: string, id: string, by: ChangeAuthor): Promise<void> {
  if (findBuiltInTemplate(id)) throw new ApiError(409, 'conflict.builtin_template', { id });
  const [used] = await db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.templateId, id)))
    .limit(1);
  if (used) throw new ApiError(409, 'conflict.template_in_use', { id });
  const [removed] = await db.batch([
    db
      .delete(cardTemplates)
      .where(and(eq(cardTemplates.tenantId, tenantId), eq(cardTemplates.id, id)))
      .returning({ id: cardTemplates.id }),
    logChange(db, tenantId, by, { action: 'template.removed', target: id }, { ifChanged: true }),
  ]);
  if (removed.length === 0) throw notFound('not_found.template', { id });
}
