// Mutations: ingest one bulletin from text or HTML, delete one with the facts only it evidences.
// Both need the API token; bad input comes back as BulletinInputError.
import { extractText } from '../../ingest/pipeline.ts';
import { InputError } from '../../ingest/report.ts';
import { deleteBulletin, loadExtraction } from '../../ingest/stages/load.ts';
import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { BulletinRef } from '../refs.ts';
import { UnauthorizedError } from './errors.ts';

/** Larger inputs are refused before extraction. */
export const MAX_INGEST_CHARS = 1_000_000;

function requireToken(ctx: Context) {
  if (!ctx.authorized) throw new UnauthorizedError();
}

const IngestInput = builder.inputType('IngestBulletinInput', {
  description: 'One bulletin: plain text or a whole HTML page, in any script.',
  fields: (t) => ({
    source: t.string({ required: true, description: 'A file-name-like label; its name without extension becomes the bulletin key (same key again replaces).' }),
    text: t.string({ required: true, description: 'The text or HTML.' }),
    title: t.string({ required: false, description: 'Overrides the title the input gives.' }),
    publishedAt: t.field({ type: 'Date', required: false, description: 'Overrides the date the input prints.' }),
  }),
});

const OutcomeEnum = builder.enumType('IngestOutcome', {
  description: 'What the load did.',
  values: {
    CREATED: { value: 'created', description: 'A new bulletin.' },
    REPLACED: { value: 'replaced', description: 'Same key, changed content: its old facts were replaced.' },
    UNCHANGED: { value: 'unchanged', description: 'Same key and content: nothing written.' },
  } as const,
});

interface IngestRecord {
  outcome: 'created' | 'replaced' | 'unchanged';
  key: string;
  meetings: number;
  people: number;
  organizations: number;
  directives: number;
  campaigns: number;
}

const IngestResultType = builder.objectRef<IngestRecord>('IngestResult').implement({
  description: 'What ingesting a bulletin extracted and wrote.',
  fields: (t) => ({
    outcome: t.field({ description: 'created, replaced or unchanged (same content already in the graph).', type: OutcomeEnum, resolve: (r) => r.outcome }),
    bulletin: t.field({ description: 'The bulletin as stored.', type: BulletinRef, resolve: (r) => r.key }),
    meetings: t.exposeInt('meetings', { description: 'How many meetings were extracted.' }),
    people: t.exposeInt('people', { description: 'How many people were extracted.' }),
    organizations: t.exposeInt('organizations', { description: 'How many organizations were extracted.' }),
    directives: t.exposeInt('directives', { description: 'How many directives were extracted.' }),
    campaigns: t.exposeInt('campaigns', { description: 'How many campaigns were extracted.' }),
  }),
});

const DeleteResultType = builder.objectRef<{ key: string; deleted: boolean }>('DeleteResult').implement({
  description: 'Whether a bulletin was there to delete.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The bulletin key asked for.' }),
    deleted: t.exposeBoolean('deleted', { description: 'False when no bulletin had that key.' }),
  }),
});

builder.mutationFields((t) => ({
  ingestBulletin: t.field({
    type: IngestResultType,
    description: 'Extracts a bulletin and writes its facts (idempotent per key and content).',
    errors: {
      types: [InputError, UnauthorizedError],
      union: { description: 'The extraction, or why there is none.' },
      result: { description: 'The bulletin was extracted and loaded.' },
      dataField: { description: 'What was extracted and how it was stored.' },
    },
    args: { input: t.arg({ type: IngestInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      requireToken(ctx);
      const source = input.source.trim();
      if (!source || /[\u0000-\u001f]/.test(source)) throw new InputError(source || '(empty)', 'source must be a non-empty file name');
      if (input.text.length > MAX_INGEST_CHARS) throw new InputError(source, `text longer than ${MAX_INGEST_CHARS} characters`);
      if (!input.text.trim()) throw new InputError(source, 'empty text');
      const result = extractText(source, input.text, { title: input.title ?? undefined, publishedAt: input.publishedAt ?? undefined });
      const outcome = await loadExtraction(ctx.executor, result);
      return {
        outcome,
        key: result.bulletin.key,
        meetings: result.meetings.length,
        people: result.people.length,
        organizations: result.organizations.length,
        directives: result.directives.length,
        campaigns: result.campaigns.length,
      };
    },
  }),
  deleteBulletin: t.field({
    type: DeleteResultType,
    description: 'Removes a bulletin, its evidence on every fact, and the facts and entities nothing else evidences.',
    errors: {
      types: [UnauthorizedError],
      union: { description: 'The deletion, or why it was refused.' },
      result: { description: 'The token was accepted.' },
      dataField: { description: 'Whether there was a bulletin to delete.' },
    },
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_root, { key }, ctx) => {
      requireToken(ctx);
      return { key, deleted: await deleteBulletin(ctx.executor, key) };
    },
  }),
}));
