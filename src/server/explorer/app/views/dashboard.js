// @ts-check
// The dashboard: totals, meetings per month, who attends most, meetings by kind and organizer,
// and the latest meetings.
import { BarChart, loadChart } from '../charts.js';
import { dashboard } from '../api.js';
import { ErrorBox, Loading, MeetingLink, OrgLink, Section, html, href, useData, useReady, useTitle } from '../ui.js';

export function DashboardView() {
  const { data, error, loading } = useData(() => (loadChart().catch(() => {}), dashboard()), []);
  useTitle(null);
  useReady(!!data || !!error, data?.api);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const t = data.totals;
  const go = (/** @type {string} */ to) => (location.hash = to);
  return html`<div class="view dashboard-view">
    <h1 class="visually-hidden">总览 Dashboard</h1>
    <ul class="totals" aria-label="总数 Totals">
      <li class="kind-meeting"><strong>${t.meetings}</strong> 会议 <small>meetings</small></li>
      <li class="kind-person"><strong>${t.people}</strong> 人物 <small>people</small></li>
      <li class="kind-organization"><strong>${t.organizations}</strong> 机构 <small>organizations</small></li>
      <li class="kind-bulletin"><strong>${t.bulletins}</strong> 通稿 <small>bulletins</small></li>
    </ul>
    ${'partial' in data && data.partial ? html`<p class="muted">图表只统计了前 2000 个会议。Charts count the first 2000 meetings.</p>` : ''}
    <div class="grid">
      <${Section} title="每月会议" en="Meetings per month" id="by-month">
        ${data.byMonth.length ? html`<${BarChart} id="by-month" buckets=${data.byMonth} label="会议数 Meetings" color="#e07b39" />` : html`<p class="muted">没有数据。No data.</p>`}
      <//>
      <${Section} title="参会最多" en="Top attendees" id="top-attendees">
        ${data.topAttendees.length
          ? html`<${BarChart} id="top-attendees" buckets=${data.topAttendees} label="参会次数 Meetings attended" color="#4c8eda" horizontal
              onPick=${(/** @type {string} */ name) => go(href.person(name))} />`
          : html`<p class="muted">没有数据。No data.</p>`}
      <//>
      ${data.byKind.length
        ? html`<${Section} title="会议类型" en="Meetings by kind" id="by-kind">
            <${BarChart} id="by-kind" buckets=${data.byKind} label="会议数 Meetings" color="#c990c0" horizontal />
          <//>`
        : ''}
      ${data.byOrganizer.length
        ? html`<${Section} title="召开单位" en="Meetings by organizer" id="by-organizer">
            <${BarChart} id="by-organizer" buckets=${data.byOrganizer} label="会议数 Meetings" color="#57c7a8" horizontal
              onPick=${(/** @type {string} */ name) => go(href.organization(name))} />
          <//>`
        : ''}
    </div>
    <${Section} title="最近的会议" en="Latest meetings" id="latest">
      <ul class="plain meetings">
        ${data.latest.map(
          (/** @type {any} */ m) => html`<li><${MeetingLink} m=${m} />
            <div class="detail">${m.organizer ? html`<${OrgLink} name=${m.organizer.name} /> · ` : ''}${m.kind}</div></li>`,
        )}
      </ul>
    <//>
  </div>`;
}
