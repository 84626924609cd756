// @ts-check
// A bulletin: its text with the evidence highlighted, the meetings it reports, the people it names.
import { bulletin } from '../api.js';
import { ErrorBox, Loading, MeetingLink, NotFound, PersonLink, Section, html, useData, useReady, useTitle } from '../ui.js';
import { Bulletin } from './meeting.js';

/** @param {{ bulletinKey: string }} p */
export function BulletinView({ bulletinKey }) {
  const { data, error, loading } = useData(() => bulletin(bulletinKey), [bulletinKey]);
  useTitle(data?.bulletin?.title ?? '通稿');
  useReady(!!data || !!error);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const b = data.bulletin;
  if (!b) return html`<${NotFound} what=${`没有这篇通稿 No bulletin with key ${bulletinKey}.`} />`;
  return html`<div class="view bulletin-view">
    <header class="page-head kind-bulletin">
      <span class="kind">通稿 Bulletin</span>
      <h1>${b.title}</h1>
    </header>
    <div class="grid">
      <${Section} title="报道的会议" en="Meetings reported" count=${b.meetings.length} id="meetings">
        <ul class="plain">${b.meetings.map((/** @type {any} */ m) => html`<li><${MeetingLink} m=${m} /></li>`)}</ul>
      <//>
      <${Section} title="提及的人物" en="People named" count=${b.people.length} id="people">
        <ul class="plain inline">${b.people.map((/** @type {any} */ p) => html`<li><${PersonLink} name=${p.name} /></li>`)}</ul>
      <//>
    </div>
    <${Section} title="原文" en="Text" id="text"><${Bulletin} b=${b} titled=${false} /><//>
  </div>`;
}
