// Scores extraction results against the labeled set's gold annotations (eval/labeled/*.gold.json).
// Pure: the runner (scripts/eval.ts) reads the files.
import type { ExtractionResult } from '../src/ingest/types.ts';

export interface GoldMeeting {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  organizer: string | null;
  form: string | null;
}

export interface Gold {
  file: string;
  form: string;
  script: string;
  encoding: string;
  bulletin: { title: string; publishedAt: string | null };
  meetings: GoldMeeting[];
  people: { name: string; posts: { title: string; organization: string | null }[]; participation: { meeting: string; as: string }[]; mentioned: boolean }[];
  organizations: string[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export const MEASURES = ['people', 'posts', 'participation', 'dates', 'organizers'] as const;
export type Measure = (typeof MEASURES)[number];

export const FLOORS: Partial<Record<Measure, number>> = { people: 0.97, posts: 0.93, participation: 0.93, dates: 0.97 };

export function prf({ tp, fp, fn }: Tally) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function compare(gold: string[], predicted: string[]): Tally & { missing: string[]; extra: string[] } {
  const g = new Set(gold);
  const p = new Set(predicted);
  const missing = [...g].filter((x) => !p.has(x));
  const extra = [...p].filter((x) => !g.has(x));
  return { tp: [...p].filter((x) => g.has(x)).length, fp: extra.length, fn: missing.length, missing, extra };
}

/** Pairs each predicted meeting with a gold meeting: same date and kind, then same date, then same kind. */
export function matchMeetings(gold: GoldMeeting[], result: ExtractionResult): Map<string, string> {
  const map = new Map<string, string>();
  const free = new Set(gold.map((g) => g.id));
  const rules = [
    (g: GoldMeeting, m: ExtractionResult['meetings'][number]) => g.date === m.date && g.kind === m.kind,
    (g: GoldMeeting, m: ExtractionResult['meetings'][number]) => g.date !== null && g.date === m.date,
    (g: GoldMeeting, m: ExtractionResult['meetings'][number]) => g.kind === m.kind,
    () => gold.length === 1 && result.meetings.length === 1,
  ];
  for (const rule of rules) {
    for (const m of result.meetings) {
      if (map.has(m.key)) continue;
      const g = gold.find((x) => free.has(x.id) && rule(x, m));
      if (g) {
        map.set(m.key, g.id);
        free.delete(g.id);
      }
    }
  }
  return map;
}

export function scoreFile(gold: Gold, result: ExtractionResult) {
  const meetingOf = matchMeetings(gold.meetings, result);
  const m = (key: string) => meetingOf.get(key) ?? `unmatched:${key}`;
  const results: Record<Measure, ReturnType<typeof compare>> = {
    people: compare(gold.people.map((p) => p.name), result.people.map((p) => p.name)),
    posts: compare(
      gold.people.flatMap((p) => p.posts.map((x) => `${p.name}|${x.title}|${x.organization}`)),
      result.people.flatMap((p) => p.posts.map((x) => `${p.name}|${x.title}|${x.organization}`)),
    ),
    participation: compare(
      gold.people.flatMap((p) => p.participation.map((x) => `${p.name}|${x.meeting}|${x.as}`)),
      result.people.flatMap((p) => p.participation.map((x) => `${p.name}|${m(x.meeting)}|${x.as}`)),
    ),
    dates: compare(
      gold.meetings.filter((g) => g.date).map((g) => `${g.id}|${g.date}`),
      result.meetings.filter((x) => x.date).map((x) => `${m(x.key)}|${x.date}`),
    ),
    organizers: compare(
      gold.meetings.filter((g) => g.organizer).map((g) => `${g.id}|${g.organizer}`),
      result.meetings.filter((x) => x.organizer).map((x) => `${m(x.key)}|${x.organizer}`),
    ),
  };
  return results;
}
