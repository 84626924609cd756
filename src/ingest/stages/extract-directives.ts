// Directives: what a meeting or a speaker ordered. A directive opens a sentence with
// 会议指出/强调/要求/认为/号召 or with a speaker's 指出/强调 and runs to the next opener or the end
// of its paragraph; 一是…二是… split it into items. Campaigns are quoted names of drives.

export const DIRECTIVE_VERBS = ['指出', '强调', '要求', '认为', '号召', '提出', '明确', '部署', '希望', '表示'];
const MEETING_OPENER = new RegExp(`^(?:会议|会上|会议上|大会|会议还)(${DIRECTIVE_VERBS.join('|')})[，：:,]`);

export interface DirectiveOpener {
  kind: string;
  /** Where the directive's own words start, within the sentence. */
  bodyStart: number;
  /** True for 会议指出; false when a person is the speaker. */
  byMeeting: boolean;
}

export function directiveOpener(sentence: string, speakerEnd: number | null): DirectiveOpener | null {
  const m = sentence.match(MEETING_OPENER);
  if (m) return { kind: m[1]!, bodyStart: m[0].length, byMeeting: true };
  if (speakerEnd === null) return null;
  const rest = sentence.slice(speakerEnd);
  // X在讲话中指出, X在工作报告中指出, X在点评时指出, X在会上强调: the frame names when, not who.
  const s = rest.match(/^(?:同志)?(?:在(?:[^，。“”]{1,10}?(?:中|时)|会上))?(指出|强调|要求|认为|号召|提出|希望|表示)[，：:,]/);
  if (s) return { kind: s[1]!, bodyStart: speakerEnd + s[0].length, byMeeting: false };
  return null;
}

const ORDINALS = '一二三四五六七八九十';
const ITEM = new RegExp(`(?:^|(?<=[。；，：]))(?:([${ORDINALS}]{1,3})是|第([${ORDINALS}]{1,3})[，、]|（([${ORDINALS}]{1,3})）)`, 'g');

function ordinalValue(s: string): number {
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + ORDINALS.indexOf(s[1]!) + 1;
  if (s.length === 2 && s[1] === '十') return (ORDINALS.indexOf(s[0]!) + 1) * 10;
  if (s.length === 3) return (ORDINALS.indexOf(s[0]!) + 1) * 10 + ORDINALS.indexOf(s[2]!) + 1;
  return ORDINALS.indexOf(s) + 1;
}

/** 一是…二是…三是…: the enumerated items of a directive, each to the next marker. */
export function enumeratedItems(text: string): { ordinal: number; text: string }[] {
  const marks = [...text.matchAll(ITEM)].map((m) => ({ at: m.index, ordinal: ordinalValue((m[1] ?? m[2] ?? m[3])!) }));
  // Only a run that counts 1, 2, 3 … is an enumeration.
  const run: typeof marks = [];
  for (const mark of marks) if (mark.ordinal === run.length + 1) run.push(mark);
  if (run.length < 2) return [];
  return run.map((mark, k) => ({ ordinal: mark.ordinal, text: text.slice(mark.at, run[k + 1]?.at ?? text.length).trim() }));
}

const CAMPAIGN = /“([^”]{2,30})”(主题教育|专项行动|专项整治|专题教育|学习教育|主题活动|活动|行动|工程|攻坚战)/g;

export function findCampaigns(sentence: string): { name: string; start: number; end: number }[] {
  // Asked of every sentence; a name needs its opening quote (matchAll copies the pattern per call).
  if (!sentence.includes('“')) return [];
  return [...sentence.matchAll(CAMPAIGN)].map((m) => ({ name: m[0], start: m.index, end: m.index + m[0].length }));
}
