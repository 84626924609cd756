// @ts-check
// An organization: aliases, the body it belongs to and its units, posts with their holders, and
// the meetings it convened.
import { organization } from '../api.js';
import { Dates, ErrorBox, Loading, MeetingLink, NotFound, OrgLink, PersonLink, Section, html, useData, useReady, useTitle } from '../ui.js';

/** @param {{ name: string }} p */
export function OrganizationView({ name }) {
  const { data, error, loading } = useData(() => organization(name), [name]);
  useTitle(data?.organization?.name ?? name);
  useReady(!!data || !!error);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const o = data.organization;
  if (!o) return html`<${NotFound} what=${`没有名为 “${name}” 的机构。No organization named ${name}.`} />`;
  return html`<div class="view org-view">
    <header class="page-head kind-organization">
      <span class="kind">机构 Organization</span>
      <h1>${o.name}</h1>
      ${o.aliases.length ? html`<p class="sub">又称 Also: ${o.aliases.join('、')}</p>` : ''}
      ${o.parent ? html`<p class="sub">隶属 Part of <${OrgLink} name=${o.parent.name} /></p>` : ''}
    </header>
    <div class="grid">
      <${Section} title="职务" en="Posts" count=${o.posts.length} id="posts">
        ${o.posts.length
          ? html`<ul class="plain">
              ${o.posts.map(
                (/** @type {any} */ p) => html`<li><strong>${p.title}</strong>
                  <ul class="plain holders">
                    ${p.holders.map(
                      (/** @type {any} */ t) => html`<li><${PersonLink} name=${t.person.name} /> <${Dates} from=${t.firstSeen} to=${t.lastSeen} /></li>`,
                    )}
                  </ul>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">没有记录。None recorded.</p>`}
      <//>
      <${Section} title="下属机构" en="Units" count=${o.units.length} id="units">
        ${o.units.length
          ? html`<ul class="plain">${o.units.map((/** @type {any} */ u) => html`<li><${OrgLink} name=${u.name} /></li>`)}</ul>`
          : html`<p class="muted">没有记录。None recorded.</p>`}
      <//>
    </div>
    <${Section} title="召开的会议" en="Meetings convened" count=${o.meetings.length} id="meetings">
      ${o.meetings.length
        ? html`<ul class="plain meetings">
            ${o.meetings.map(
              (/** @type {any} */ m) => html`<li><${MeetingLink} m=${m} /> <span class="detail">${m.kind}${m.form ? ` · ${m.form}` : ''}</span></li>`,
            )}
          </ul>`
        : html`<p class="muted">没有记录。None recorded.</p>`}
    <//>
  </div>`;
}
