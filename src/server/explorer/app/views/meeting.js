// @ts-check
// A meeting: what, when, who convened it; attendees by role; directives with their items; the
// source bulletins with the evidence for each attendee highlighted.
import { meeting } from '../api.js';
import { Dates, ErrorBox, Loading, NotFound, OrgLink, PersonLink, ROLE, RoleBadge, Section, href, html, useData, useReady, useTitle } from '../ui.js';

const ROLES = /** @type {const} */ (['chair', 'speaker', 'attendee']);

/** @param {{ meetingKey: string }} p */
export function MeetingView({ meetingKey }) {
  const { data, error, loading } = useData(() => meeting(meetingKey), [meetingKey]);
  useTitle(data?.meeting?.name ?? '会议');
  useReady(!!data || !!error, data?.api);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const m = data.meeting;
  if (!m) return html`<${NotFound} what=${`没有这个会议 No meeting with key ${meetingKey}.`} />`;
  const a = m.attendance;
  return html`<div class="view meeting-view">
    <header class="page-head kind-meeting">
      <span class="kind">会议 Meeting · ${m.kind}</span>
      <h1>${m.name}</h1>
      <dl class="facts">
        <div><dt>日期 Date</dt><dd><${Dates} from=${m.date} to=${m.dateEnd} /></dd></div>
        ${m.organizer ? html`<div><dt>召开 Convened by</dt><dd><${OrgLink} name=${m.organizer.name} /></dd></div>` : ''}
        ${m.form ? html`<div><dt>形式 Form</dt><dd>${m.form}</dd></div>` : ''}
        ${m.campaign ? html`<div><dt>活动 Campaign</dt><dd>${m.campaign.name}</dd></div>` : ''}
        ${a.count !== null || a.mainVenue || a.branchVenues
          ? html`<div><dt>规模 Attendance</dt><dd>
              ${a.count !== null ? `${a.count}${a.approximate ? '余' : ''}人` : ''}
              ${a.mainVenue ? ' · 主会场' : ''}${a.branchVenues ? ' · 分会场' : ''}
            </dd></div>`
          : ''}
      </dl>
    </header>
    <${Section} title="参会人员" en="Attendees by role" count=${m.attendees.length} id="attendees">
      ${m.attendees.length === 0 ? html`<p class="muted">通稿未列出参会人员。No attendees named.</p>` : ''}
      ${ROLES.map((role) => {
        const people = m.attendees.filter((/** @type {any} */ x) => x.as === role);
        if (!people.length) return '';
        return html`<div class="role-group" data-role=${role}>
          <h3><${RoleBadge} role=${role} /> <small>${ROLE[role].en}</small></h3>
          <ul class="plain people">
            ${people.map(
              (/** @type {any} */ x) => html`<li>
                <${PersonLink} name=${x.person.name} />
                <span class="posts">${x.person.posts.map(
                  (/** @type {any} */ t, /** @type {number} */ i) => html`${i ? '、' : ''}<${OrgLink} name=${t.organization.name} />${t.title}`,
                )}</span>
              </li>`,
            )}
          </ul>
        </div>`;
      })}
    <//>
    <${Section} title="会议要求" en="Directives" count=${m.directives.length} id="directives">
      ${m.directives.length === 0 ? html`<p class="muted">没有记录。None recorded.</p>` : ''}
      <ol class="directives">
        ${m.directives.map((/** @type {any} */ d) => html`<${Directive} d=${d} />`)}
      </ol>
    <//>
    ${data.sources.map(
      (/** @type {any} */ b) => html`<${Section} title="通稿原文" en="Source bulletin" id=${`source-${b.key}`}>
        <${Bulletin} b=${b} />
      <//>`,
    )}
  </div>`;
}

/** A directive: who (会议 or a speaker) and the verb, the lead text, then 一是…二是… as a list. @param {{ d: any }} p */
function Directive({ d }) {
  const first = d.items[0]?.text;
  const cut = first ? d.text.indexOf(first) : -1;
  const lead = cut > 0 ? d.text.slice(0, cut) : d.items.length ? '' : d.text;
  return html`<li class="directive">
    <div class="who">${d.speaker ? html`<${PersonLink} name=${d.speaker.name} />` : '会议'}<span class="badge directive">${d.kind}</span></div>
    ${lead ? html`<p>${lead}</p>` : ''}
    ${d.items.length
      ? html`<ol class="items">
          ${d.items.map((/** @type {any} */ it) => html`<li value=${it.ordinal}>${it.text}</li>`)}
        </ol>`
      : ''}
    ${cut < 0 && d.items.length ? html`<details><summary>全文 Full text</summary><p>${d.text}</p></details>` : ''}
  </li>`;
}

/** The bulletin's text with the evidence spans in <mark>. @param {{ b: any, titled?: boolean }} p */
export function Bulletin({ b, titled = true }) {
  return html`<article class="bulletin">
    ${titled ? html`<h3><a href=${href.bulletin(b.key)}>${b.title}</a></h3>` : ''}
    <p class="detail">${b.publishedAt ? html`<${Dates} from=${b.publishedAt} /> · ` : ''}<span class="muted">${b.source}</span>
      · <span class="legend"><mark>标亮</mark> 为参会证据 highlighted: the evidence (${b.spans.length})</span></p>
    ${b.html !== null
      ? html`<div class="text" dangerouslySetInnerHTML=${{ __html: b.html }} />`
      : html`<div class="text">${b.segments.map((/** @type {any} */ s) => (s.mark ? html`<mark title=${s.label}>${s.text}</mark>` : s.text))}</div>`}
  </article>`;
}
