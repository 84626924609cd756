// Loads the dictionary files beside this module once. The files are data reviewed like code;
// nothing here reads ../shared at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

function lines(name: string): string[] {
  return readFileSync(here(name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function words(name: string): string[] {
  return lines(name).flatMap((l) => l.split(/\s+/));
}

/** Longest first, so that a scan takes 党组书记 before 书记. */
const byLengthDesc = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);

export interface Dictionaries {
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  titles: string[];
  /** Titles by their last and by their first character, longest first: the extractor asks per position. */
  titlesEndingWith: Map<string, string[]>;
  titlesStartingWith: Map<string, string[]>;
  titleSet: Set<string>;
  meetingKinds: string[];
  orgSuffixes: string[];
  /** alias or canonical name → canonical name */
  orgAliases: Map<string, string>;
  orgNames: string[];
  provinces: string[];
  /** short province name → full */
  provinceFull: Map<string, string>;
  localBodies: string[];
  leaders: Set<string>;
}

let cached: Dictionaries | undefined;

export function dictionaries(): Dictionaries {
  if (cached) return cached;
  const surnameList = words('surnames.txt');
  const orgAliases = new Map<string, string>();
  for (const line of lines('organizations.txt')) {
    const [name = '', aliases = ''] = line.split('\t');
    orgAliases.set(name, name);
    for (const alias of aliases.split('|').filter(Boolean)) orgAliases.set(alias, name);
  }
  const provinceFull = new Map<string, string>();
  const provinces: string[] = [];
  for (const line of lines('provinces.txt')) {
    const [full = '', ...short] = line.split(/\s+/);
    provinces.push(full, ...short);
    provinceFull.set(full, full);
    for (const s of short) provinceFull.set(s, full);
  }
  const titles = byLengthDesc(lines('titles.txt'));
  cached = {
    surnames: new Set(surnameList.filter((s) => s.length === 1)),
    compoundSurnames: new Set(surnameList.filter((s) => s.length === 2)),
    titles,
    titlesEndingWith: groupBy(titles, (t) => t.at(-1)!),
    titlesStartingWith: groupBy(titles, (t) => t[0]!),
    titleSet: new Set(titles),
    meetingKinds: byLengthDesc(lines('meeting-kinds.txt')),
    orgSuffixes: byLengthDesc(lines('org-suffixes.txt')),
    orgAliases,
    orgNames: byLengthDesc([...orgAliases.keys()]),
    provinces: byLengthDesc(provinces),
    provinceFull,
    localBodies: byLengthDesc(lines('local-bodies.txt')),
    leaders: new Set(lines('leaders.txt')),
  };
  return cached;
}

/** The words grouped by a key, each group in the words' order. */
function groupBy(words: string[], key: (w: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const k = key(w);
    const group = groups.get(k);
    if (group) group.push(w);
    else groups.set(k, [w]);
  }
  return groups;
}

/** The words the segmenter must keep whole: posts, organizations, meeting kinds. */
export function userDictionaryWords(): string[] {
  const d = dictionaries();
  return [...d.titles, ...d.orgNames, ...d.meetingKinds, ...d.localBodies];
}
