// The `extract --json` contract: a stable projection of the extraction result, documented in the
// README and pinned by tests. Evidence comes along only when asked for.
import type { ExtractionResult } from './types.ts';

export function toContract(r: ExtractionResult, options: { evidence?: boolean } = {}) {
  const ev = <T extends object>(obj: T, e: { sentence: string; start: number; end: number }) =>
    options.evidence ? { ...obj, evidence: e } : obj;
  return {
    file: r.bulletin.source,
    bulletin: { key: r.bulletin.key, title: r.bulletin.title, publishedAt: r.bulletin.publishedAt, contentHash: r.bulletin.contentHash },
    meetings: r.meetings.map((m) =>
      ev({ key: m.key, name: m.name, kind: m.kind, date: m.date, dateEnd: m.dateEnd, organizer: m.organizer, form: m.form, attendance: m.attendance, campaign: m.campaign, confidence: m.confidence }, m.evidence),
    ),
    people: r.people.map((p) => ({
      name: p.name,
      posts: p.posts.map((post) => ev({ title: post.title, organization: post.organization, confidence: post.confidence }, post.evidence)),
      participation: p.participation.map((x) => ev({ meeting: x.meeting, as: x.as, confidence: x.confidence }, x.evidence)),
      mentioned: p.mentioned,
      confidence: p.confidence,
      ...(options.evidence ? { mentions: p.mentions } : {}),
    })),
    organizations: r.organizations.map((o) => ev({ name: o.name, aliases: o.aliases, parent: o.parent, confidence: o.confidence }, o.evidence)),
    directives: r.directives.map((d) =>
      ev({ meeting: d.meeting, speaker: d.speaker, kind: d.kind, ordinal: d.ordinal, text: d.text, items: d.items, confidence: d.confidence }, d.evidence),
    ),
    campaigns: r.campaigns.map((c) => c.name),
  };
}

export type ExtractContract = ReturnType<typeof toContract>;
