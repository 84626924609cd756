// What the API reads back from Neo4j: the extraction types, minus what lives on relationships.
// Types flow from src/ingest/types.ts, so a change there shows up here and in the loader.
import type {
  BulletinFact,
  CampaignFact,
  DirectiveFact,
  MeetingFact,
  OrganizationFact,
  PersonFact,
  PostFact,
  Role,
} from '../ingest/types.ts';

export type PersonRecord = Pick<PersonFact, 'name'>;
export type OrganizationRecord = Pick<OrganizationFact, 'name' | 'aliases'>;
export type PostRecord = Pick<PostFact, 'title' | 'organization'> & { key: string };
export type MeetingRecord = Pick<MeetingFact, 'key' | 'name' | 'kind' | 'date' | 'dateEnd' | 'organizer' | 'form' | 'attendance'>;
export type DirectiveRecord = Pick<DirectiveFact, 'key' | 'meeting' | 'speaker' | 'kind' | 'ordinal' | 'text' | 'items'>;
export type CampaignRecord = Pick<CampaignFact, 'name'>;
export type BulletinRecord = Pick<BulletinFact, 'key' | 'source' | 'title' | 'publishedAt' | 'contentHash' | 'text' | 'originalText'>;

/** A span of a bulletin's text, as stored on relationships: "bulletinKey:start:end". */
export interface EvidenceRecord {
  bulletin: string;
  start: number;
  end: number;
}

export function parseEvidence(spans: string[] | null | undefined): EvidenceRecord[] {
  return (spans ?? []).map((s) => {
    const [end, start, ...key] = s.split(':').reverse();
    return { bulletin: key.reverse().join(':'), start: Number(start), end: Number(end) };
  });
}

export interface AttendanceRecord {
  person: string;
  meeting: string;
  as: Role;
  evidence: string[];
}

export interface TenureRecord {
  person: string;
  post: string;
  firstSeen: string | null;
  lastSeen: string | null;
  evidence: string[];
}
