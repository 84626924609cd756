// Loads every type (each file registers itself on the builder) and builds the schema.
import { builder } from './builder.ts';
import './types/errors.ts';
import './types/evidence.ts';
import './types/participation.ts';
import './types/tenure.ts';
import './types/person.ts';
import './types/organization.ts';
import './types/post.ts';
import './types/meeting.ts';
import './types/directive.ts';
import './types/campaign.ts';
import './types/bulletin.ts';
import './types/search.ts';
import './types/stats.ts';
import './types/path.ts';
import './types/ingest.ts';

export const schema = builder.toSchema({ sortSchema: false });
