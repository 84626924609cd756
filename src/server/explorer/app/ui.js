// @ts-check
// Shared pieces of the explorer: htm bound to Preact, links to each view, labels, loading and
// error states, and a hook that loads a view's data.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);

/** Hash routes: #/person/苗圩, #/meeting/<key>, #/org/工业和信息化部, #/search/<text>, #/ (dashboard). */
export const href = {
  person: (/** @type {string} */ name) => `#/person/${encodeURIComponent(name)}`,
  meeting: (/** @type {string} */ key) => `#/meeting/${encodeURIComponent(key)}`,
  organization: (/** @type {string} */ name) => `#/org/${encodeURIComponent(name)}`,
  search: (/** @type {string} */ text) => `#/search/${encodeURIComponent(text)}`,
  bulletin: (/** @type {string} */ key) => `#/bulletin/${encodeURIComponent(key)}`,
  home: () => '#/',
};

/** 参会身份 as the bulletins word it. */
export const ROLE = /** @type {const} */ ({
  chair: { zh: '主持', en: 'chair' },
  speaker: { zh: '讲话', en: 'speaker' },
  attendee: { zh: '出席', en: 'attendee' },
});

/** Labels of node kinds, Chinese then English. */
export const KIND = /** @type {const} */ ({
  person: { zh: '人物', en: 'Person' },
  organization: { zh: '机构', en: 'Organization' },
  meeting: { zh: '会议', en: 'Meeting' },
  directive: { zh: '讲话要点', en: 'Directive' },
  bulletin: { zh: '通稿', en: 'Bulletin' },
  campaign: { zh: '活动', en: 'Campaign' },
  other: { zh: '其他', en: 'Other' },
});

/** @param {{ role: keyof typeof ROLE }} p */
export function RoleBadge({ role }) {
  const r = ROLE[role] ?? { zh: role, en: role };
  return html`<span class=${`badge role-${role}`} title=${r.en}>${r.zh}</span>`;
}

/** @param {{ name: string }} p */
export const PersonLink = ({ name }) => html`<a class="ent person" href=${href.person(name)}>${name}</a>`;
/** @param {{ name: string }} p */
export const OrgLink = ({ name }) => html`<a class="ent org" href=${href.organization(name)}>${name}</a>`;
/** @param {{ m: { key: string, name: string, date?: string | null } }} p */
export const MeetingLink = ({ m }) =>
  html`<a class="ent meeting" href=${href.meeting(m.key)}>${m.name}</a>${m.date ? html` <span class="date">${m.date}</span>` : ''}`;

/** A date range: 2019-06-06, or 2019-06-06 — 2020-01-09. @param {{ from?: string | null, to?: string | null }} p */
export function Dates({ from, to }) {
  if (!from && !to) return html`<span class="date muted">日期不详</span>`;
  if (!to || from === to) return html`<span class="date">${from ?? to}</span>`;
  return html`<span class="date">${from ?? '?'} — ${to}</span>`;
}

/** @param {{ title: string, en?: string, count?: number, children?: any, id?: string }} p */
export function Section({ title, en, count, children, id }) {
  return html`<section class="card" id=${id} aria-labelledby=${id ? `${id}-h` : undefined}>
    <h2 id=${id ? `${id}-h` : undefined}>${title}${en ? html` <small>${en}</small>` : ''}${count !== undefined ? html` <span class="count">${count}</span>` : ''}</h2>
    ${children}
  </section>`;
}

export const Loading = () => html`<p class="loading" role="status">加载中… Loading…</p>`;

/** @param {{ error: unknown }} p */
export function ErrorBox({ error }) {
  const message = error instanceof Error ? error.message : String(error);
  return html`<div class="error" role="alert"><strong>出错了 Error:</strong> ${message}</div>`;
}

/** @param {{ what: string }} p */
export const NotFound = ({ what }) => html`<div class="card empty"><h1>未找到 Not found</h1><p>${what}</p><p><a href="#/">返回总览 Back to the dashboard</a></p></div>`;

/**
 * Loads a view's data: { data, error, loading }, reloaded when `deps` change; stale answers are dropped.
 * @template T
 * @param {() => Promise<T>} load
 * @param {unknown[]} deps
 * @returns {{ data: T | undefined, error: unknown, loading: boolean }}
 */
export function useData(load, deps) {
  const [state, setState] = useState(/** @type {{ data: T | undefined, error: unknown, loading: boolean }} */ ({ data: undefined, error: null, loading: true }));
  useEffect(() => {
    let live = true;
    setState({ data: undefined, error: null, loading: true });
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/**
 * Marks the page ready once a view has shown its data, and which API answered (`full`: the newer
 * fields; `basic`: the fallbacks). Tests and load-time measurements read both.
 * @param {boolean} ready @param {string} [api]
 */
export function useReady(ready, api) {
  useEffect(() => {
    if (!ready) return;
    if (api) document.documentElement.dataset.api = api;
    else delete document.documentElement.dataset.api;
    document.documentElement.dataset.ready = 'true';
    if (!performance.getEntriesByName('explorer:first-view').length) performance.mark('explorer:first-view');
  }, [ready, api]);
}

/** document.title for a view. @param {string | null | undefined} title */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · 通稿图谱` : '通稿图谱 · bulletin-graph explorer';
  }, [title]);
}
