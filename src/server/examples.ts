// Example operations: GraphiQL opens with them as tabs, the README shows them, and the tests run
// them against the seed, so all three stay true together.

export interface ExampleOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: ExampleOperation[] = [
  {
    name: 'Which officials attended which meetings',
    query: `# Which officials attended which meetings, how each took part, and the posts they held.
query MeetingsWithAttendees {
  meetings(first: 10) {
    totalCount
    edges {
      node {
        name
        date
        kind
        form
        organizer { name }
        attendees {
          as
          person {
            name
            posts { title organization { name } }
          }
        }
      }
    }
  }
}`,
  },
  {
    name: 'One person: posts, meetings, directives',
    query: `query Person($name: String!) {
  person(name: $name) {
    name
    posts { title organization { name } firstSeen lastSeen evidence { sentence } }
    meetings { as meeting { name date } }
    directives { kind text }
  }
}`,
    variables: { name: '苗圩' },
  },
  {
    name: 'What a meeting directed',
    query: `query Directives {
  meetings(first: 1, kind: "动员部署会") {
    edges {
      node {
        name
        campaign { name }
        directives {
          ordinal
          kind
          speaker { name }
          items { ordinal text }
        }
      }
    }
  }
}`,
  },
  {
    name: 'An organization and its posts',
    query: `query Organization($name: String!) {
  organization(name: $name) {
    name
    aliases
    units { name }
    posts { title holders { person { name } firstSeen } }
    meetings { name date }
  }
}`,
    variables: { name: '工信部' },
  },
  {
    name: 'Search (全文检索)',
    query: `# Full-text search across people, organizations, meetings, directives and bulletins.
# Traditional input and aliases match too (範小建, 工信部); snippets mark the match.
query Search($text: String!) {
  search(text: $text, first: 10) {
    kind
    score
    snippet
    node {
      id
      ... on Person { name }
      ... on Organization { name }
      ... on Meeting { name date }
      ... on Bulletin { title }
    }
  }
}`,
    variables: { text: '苗圩' },
  },
  {
    name: 'Who held a post on a day',
    query: `query PostHolders($title: String!, $organization: String!, $at: Date) {
  postHolders(title: $title, organization: $organization, at: $at) {
    person { name }
    firstSeen
    lastSeen
    evidence { sentence bulletin { title } }
  }
}`,
    variables: { title: '部长', organization: '工信部', at: '2019-06-06' },
  },
  {
    name: 'A career and a network',
    query: `query Career($name: String!) {
  person(name: $name) {
    name
    timeline {
      date
      tenure { title organization { name } }
      participation { as meeting { name } }
    }
    coAttendees(first: 10) { person { name } count lastDate meetings { name } }
  }
  connection(from: $name, to: "范小建") {
    length
    relationships
    nodes { __typename ... on Person { name } ... on Meeting { name } ... on Organization { name } ... on Post { key } }
  }
}`,
    variables: { name: '苗圩' },
  },
  {
    name: 'Dashboard counts',
    query: `query Dashboard($from: Date, $to: Date) {
  stats(from: $from, to: $to) {
    meetingsByMonth { key count }
    meetingsByOrganizer(first: 10) { key count }
    meetingsByKind { key count }
    topAttendees(first: 10) { person { name } count }
    activeOrganizations(first: 10) { organization { name } count }
    directivesByKind { key count }
  }
}`,
    variables: { from: '2019-01-01', to: '2019-12-31' },
  },
  {
    name: 'Evidence, highlighted in the bulletin',
    query: `# Each directive with the sentence it was read from; paste an evidence's start/end into
# highlighted(spans: ...) to see it marked in the whole text.
query Provenance {
  meetings(first: 1, orderBy: DATE_DESC) {
    edges {
      node {
        name
        organizerEvidence { sentence }
        directives { kind evidence { start end sentence } }
        sources { key highlighted(spans: [{ start: 0, end: 9 }]) }
      }
    }
  }
}`,
  },
];
