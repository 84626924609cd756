// @ts-check
// A person: posts and meetings on one timeline, meetings, co-attendees as a small graph,
// directives they gave and the bulletins that name them.
import { person } from '../api.js';
import { CoAttendeeGraph } from '../graph.js';
import { Dates, ErrorBox, Loading, MeetingLink, NotFound, OrgLink, PersonLink, RoleBadge, Section, html, href, useData, useReady, useTitle } from '../ui.js';

/** @param {{ name: string }} p */
export function PersonView({ name }) {
  const { data, error, loading } = useData(() => person(name), [name]);
  useTitle(data?.person?.name ?? name);
  useReady(!!data || !!error, data?.api);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const p = data.person;
  if (!p) return html`<${NotFound} what=${`没有名为 “${name}” 的人物。No person named ${name}.`} />`;
  const current = p.posts.map((/** @type {any} */ t) => `${t.organization.name}${t.title}`);
  return html`<div class="view person-view">
    <header class="page-head kind-person">
      <span class="kind">人物 Person</span>
      <h1>${p.name}</h1>
      ${current.length ? html`<p class="sub">${current.join('、')}</p>` : html`<p class="sub muted">未见职务 No post in the bulletins</p>`}
    </header>
    <div class="grid">
      <${Section} title="履历" en="Posts and meetings over time" id="timeline">
        ${data.timeline.length ? html`<${Timeline} entries=${data.timeline} />` : html`<p class="muted">没有记录。Nothing recorded.</p>`}
      <//>
      <${Section} title="共同参会" en="Co-attendees" count=${data.coAttendees.length} id="co-attendees">
        ${data.coAttendees.length
          ? html`<${CoAttendeeGraph} center=${p.name} people=${data.coAttendees} />
              <ul class="plain co-list">
                ${data.coAttendees.map(
                  (c) => html`<li><${PersonLink} name=${c.name} /> <span class="muted">同场 ${c.count} 次，最近</span> <${Dates} from=${c.lastDate} /></li>`,
                )}
              </ul>`
          : html`<p class="muted">没有共同参会的人。No one else at these meetings.</p>`}
      <//>
    </div>
    <${Section} title="参加的会议" en="Meetings" count=${p.meetings.length} id="meetings">
      ${p.meetings.length
        ? html`<ul class="plain meetings">
            ${p.meetings.map(
              (/** @type {any} */ m) => html`<li><${RoleBadge} role=${m.as} /> <${MeetingLink} m=${m.meeting} />
                ${m.meeting.organizer ? html`<div class="detail">召开 by <${OrgLink} name=${m.meeting.organizer.name} /> · ${m.meeting.kind}</div>` : ''}</li>`,
            )}
          </ul>`
        : html`<p class="muted">通稿中未见其参会（可能只是被提及）。At no meeting in the bulletins (only mentioned).</p>`}
    <//>
    ${p.directives.length
      ? html`<${Section} title="讲话要点" en="Directives given" count=${p.directives.length} id="directives">
          <ol class="directives">
            ${p.directives.map(
              (/** @type {any} */ d) => html`<li>
                <div class="detail"><span class="badge directive">${d.kind}</span> <${MeetingLink} m=${d.meeting} /></div>
                <p>${d.text}</p>
              </li>`,
            )}
          </ol>
        <//>`
      : ''}
    <${Section} title="出处" en="Bulletins naming this person" count=${p.mentionedIn.length} id="mentioned">
      <ul class="plain">
        ${p.mentionedIn.map((/** @type {any} */ b) => html`<li><a class="ent bulletin" href=${href.bulletin(b.key)}>${b.title}</a>${b.publishedAt ? html` <${Dates} from=${b.publishedAt} />` : ''}</li>`)}
      </ul>
    <//>
  </div>`;
}

/** Entries grouped by day, earliest first. @param {{ entries: import('../api.js').TimelineEntry[] }} p */
function Timeline({ entries }) {
  /** @type {{ date: string | null, items: import('../api.js').TimelineEntry[] }[]} */
  const days = [];
  for (const e of entries) {
    const last = days[days.length - 1];
    if (last && last.date === e.date) last.items.push(e);
    else days.push({ date: e.date, items: [e] });
  }
  return html`<ol class="timeline">
    ${days.map(
      (day) => html`<li>
        <div class="when">${day.date ?? '日期不详'}</div>
        <ul class="plain">
          ${day.items.map((e, i) =>
            e.tenure
              ? html`<li class="tenure">
                  <span class="badge post">任</span> <strong>${e.tenure.title}</strong> · <${OrgLink} name=${e.tenure.organization.name} />
                  ${e.tenure.lastSeen && e.tenure.lastSeen !== e.tenure.firstSeen
                    ? html` <span class="muted">至</span> <${Dates} from=${e.tenure.lastSeen} />`
                    : ''}
                  ${evidenceAfter(day.items, i) ? html`<blockquote class="evidence" title="出处 evidence">${evidenceAfter(day.items, i)}</blockquote>` : ''}
                </li>`
              : e.participation
                ? html`<li class="participation"><${RoleBadge} role=${e.participation.as} /> <${MeetingLink} m=${{ ...e.participation.meeting, date: null }} /></li>`
                : '',
          )}
        </ul>
      </li>`,
    )}
  </ol>`;
}

/**
 * The evidence sentence to show after item i: posts read from one sentence (党组书记、部长、组长…)
 * share it, so it is shown once, after the last of them.
 * @param {import('../api.js').TimelineEntry[]} items @param {number} i
 */
function evidenceAfter(items, i) {
  const sentence = items[i]?.tenure?.evidence?.[0]?.sentence;
  if (!sentence) return null;
  return items[i + 1]?.tenure?.evidence?.[0]?.sentence === sentence ? null : sentence;
}
