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
];
