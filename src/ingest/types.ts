// The extraction result: the one shape that extraction produces, the loader writes and the
// GraphQL types read back. Keys are stable strings so that MERGE makes re-ingest a no-op.

/** Where a fact was read: a span of the bulletin's normalized text (Bulletin.text). */
export interface Evidence {
  /** The sentence the fact came from, as it stands in Bulletin.text. */
  sentence: string;
  /** Character offsets of that sentence in Bulletin.text, end exclusive. */
  start: number;
  end: number;
}

/**
 * How sure the extractor is of a fact, from 0 to 1: rule-based, by the kind of evidence
 * (a title chain before a name is surer than a bare name before a verb).
 */
export type Confidence = number;

/** How a person took part in a meeting; the strongest role wins (chair > speaker > attendee). */
export type Role = 'chair' | 'speaker' | 'attendee';
export const ROLES: readonly Role[] = ['chair', 'speaker', 'attendee'];

export interface BulletinFact {
  /** Stable id: derived from the source name, so a changed file replaces its old facts. */
  key: string;
  /** File name or other source label the bulletin came from. */
  source: string;
  title: string;
  /** YYYY-MM-DD, or null when neither the page nor the text says. */
  publishedAt: string | null;
  /** sha256 of the normalized text: the same content twice is skipped. */
  contentHash: string;
  /** The extractor's version: a bulletin read by an older one is read again. */
  extractorVersion: number;
  /** Normalized, simplified text that every Evidence offset points into. */
  text: string;
  /** The text as read (before traditional→simplified), for provenance. */
  originalText: string;
}

export interface Attendance {
  /** Head count as printed (800 in 共800余人), or null. */
  count: number | null;
  /** True for 余/约/多 counts. */
  approximate: boolean;
  /** 主会场 is named. */
  mainVenue: boolean;
  /** 分会场 are named. */
  branchVenues: boolean;
}

export interface MeetingFact {
  key: string;
  name: string;
  /** One of the genre's kinds (动员部署会, 干部大会, 务虚会 …), or 会议. */
  kind: string;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** Last day of a range (6月6日至7日), or null. */
  dateEnd: string | null;
  organizer: string | null;
  /** 电视电话会议, 视频会议 …, or null. */
  form: string | null;
  attendance: Attendance;
  campaign: string | null;
  evidence: Evidence;
  confidence: Confidence;
}

export interface PostFact {
  /** The bare title: 部长, 副部长, 组长, 党组书记 … */
  title: string;
  organization: string;
  evidence: Evidence;
  confidence: Confidence;
}

/** A post's key in the graph (Post.key): the title at the organization. Unique per person in a bulletin. */
export const postKey = (p: { title: string; organization: string }) => `${p.title}@${p.organization}`;

export interface ParticipationFact {
  /** MeetingFact.key */
  meeting: string;
  as: Role;
  evidence: Evidence;
  confidence: Confidence;
}

export interface PersonFact {
  /** Simplified canonical name. */
  name: string;
  posts: PostFact[];
  participation: ParticipationFact[];
  /** True where the person is named but at no meeting (a leader whose speech is studied). */
  mentioned: boolean;
  /** Every sentence that names the person. */
  mentions: Evidence[];
  /** How sure the extractor is that this is a person's name. */
  confidence: Confidence;
}

export interface OrganizationFact {
  name: string;
  aliases: string[];
  /** The organization this one belongs to (部党组 → 部), or null. */
  parent: string | null;
  evidence: Evidence;
  confidence: Confidence;
}

export interface DirectiveItem {
  ordinal: number;
  text: string;
}

export interface DirectiveFact {
  key: string;
  /** MeetingFact.key */
  meeting: string;
  /** Person name, or null for 会议指出 etc. */
  speaker: string | null;
  /** The verb: 指出, 强调, 要求, 认为, 号召 … */
  kind: string;
  /** Order of the directive within its meeting, from 1. */
  ordinal: number;
  text: string;
  /** Enumerated items (一是…二是…), in order. */
  items: DirectiveItem[];
  evidence: Evidence;
  confidence: Confidence;
}

export interface CampaignFact {
  name: string;
  evidence: Evidence;
}

export interface ExtractionResult {
  bulletin: BulletinFact;
  /** What was odd about the input but did not stop it (a truncated file). */
  warnings: string[];
  meetings: MeetingFact[];
  people: PersonFact[];
  organizations: OrganizationFact[];
  directives: DirectiveFact[];
  campaigns: CampaignFact[];
}
