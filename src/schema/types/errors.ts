// Expected failures as GraphQL types (Pothos errors plugin): a mutation's result is its success
// type or one of these, never a stack trace.
import { InputError } from '../../ingest/report.ts';
import { builder } from '../builder.ts';

/** A mutation without the API token. */
export class UnauthorizedError extends Error {
  constructor() {
    super('This needs `Authorization: Bearer <KG_API_TOKEN>` (and the server must have KG_API_TOKEN set).');
    this.name = 'UnauthorizedError';
  }
}

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure; the concrete type says which.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, for people.' }) }),
});

builder.objectType(InputError, {
  name: 'BulletinInputError',
  description: 'The input is not a bulletin we can read (empty, not Chinese, no meeting or official, too long …).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    source: t.exposeString('source', { description: 'The source label given.' }),
    reason: t.exposeString('reason', { description: 'Why the input is not a bulletin (empty, not Chinese, no meeting or official …).' }),
  }),
});

builder.objectType(UnauthorizedError, {
  name: 'UnauthorizedError',
  description: 'The request carried no valid API token.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
