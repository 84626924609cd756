// Participation: how a person took part in a meeting (出席 / 主持 / 讲话).
import { ROLES } from '../../ingest/types.ts';
import { builder } from '../builder.ts';
import { planned } from '../plan.ts';
import { MeetingRef, PersonRef } from '../refs.ts';
import { parseEvidence, type AttendanceRecord, type MeetingRecord, type PersonRecord } from '../records.ts';
import { EvidenceType } from './evidence.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'How a person took part: chair (主持), speaker (讲话/作报告/指出), attendee (出席/参加).',
  values: ROLES,
});

export const ParticipationType = builder.objectRef<AttendanceRecord>('Participation').implement({
  description: 'A person at a meeting, with the strongest role the bulletins give them.',
  fields: (t) => ({
    person: t.field({ description: 'Who took part.', type: PersonRef, resolve: (a, _args, _ctx, info) => planned<PersonRecord>(a, info) ?? a.person }),
    meeting: t.field({ description: 'The meeting (会议).', type: MeetingRef, resolve: (a, _args, _ctx, info) => planned<MeetingRecord>(a, info) ?? a.meeting }),
    as: t.field({ description: 'The strongest role any bulletin gives: chair (主持), speaker (讲话), attendee (出席).', type: RoleEnum, resolve: (a) => a.as }),
    evidence: t.field({ description: 'The sentences that say so.', type: [EvidenceType], resolve: (a) => parseEvidence(a.evidence) }),
  }),
});
