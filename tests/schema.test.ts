// The printed schema is committed; a change to the API shows up in review, not by surprise.
import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print` after changing the API)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(schema).trim()).toBe(committed.trim());
  });

  it('documents every field, so the GraphiQL docs pane reads well', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('documents every type', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !/Connection$|Edge$|^PageInfo$|^Query$/.test(type.name)) undocumented.push(type.name);
    }
    expect(undocumented).toEqual([]);
  });
});
