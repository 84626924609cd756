// @ts-check
// The explorer: a header with the search box, and one view per hash route.
//   #/                 dashboard          #/search/<text>     search results
//   #/person/<name>    a person           #/meeting/<key>     a meeting
//   #/org/<name>       an organization    #/bulletin/<key>    a bulletin
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { NotFound, html, href } from './ui.js';
import { BulletinView } from './views/bulletin.js';
import { DashboardView } from './views/dashboard.js';
import { MeetingView } from './views/meeting.js';
import { OrganizationView } from './views/organization.js';
import { PersonView } from './views/person.js';
import { SearchView } from './views/search.js';

/** @typedef {{ view: string, arg: string }} Route */

/** @returns {Route} */
function parseRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const slash = raw.indexOf('/');
  const view = slash < 0 ? raw : raw.slice(0, slash);
  let arg = slash < 0 ? '' : raw.slice(slash + 1);
  try {
    arg = decodeURIComponent(arg);
  } catch {
    /* keep it as typed */
  }
  return { view, arg };
}

function useRoute() {
  const [route, setRoute] = useState(parseRoute);
  useEffect(() => {
    const onChange = () => {
      document.documentElement.dataset.ready = 'false';
      setRoute(parseRoute());
      window.scrollTo(0, 0);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** @param {{ route: Route }} p */
function View({ route }) {
  const { view, arg } = route;
  if (view === '' || view === 'dashboard') return html`<${DashboardView} />`;
  if (view === 'search') return arg.trim() ? html`<${SearchView} key=${arg} text=${arg.trim()} />` : html`<${DashboardView} />`;
  if (view === 'person' && arg) return html`<${PersonView} key=${arg} name=${arg} />`;
  if (view === 'meeting' && arg) return html`<${MeetingView} key=${arg} meetingKey=${arg} />`;
  if (view === 'org' && arg) return html`<${OrganizationView} key=${arg} name=${arg} />`;
  if (view === 'bulletin' && arg) return html`<${BulletinView} key=${arg} bulletinKey=${arg} />`;
  return html`<${NotFound} what=${`没有这个页面 No such page: #/${view}`} />`;
}

/** @param {{ route: Route }} p */
function SearchBox({ route }) {
  const current = route.view === 'search' ? route.arg : '';
  const [text, setText] = useState(current);
  const input = useRef(/** @type {HTMLInputElement | null} */ (null));
  useEffect(() => setText(current), [current]);
  useEffect(() => {
    // "/" focuses the search box, as on many sites.
    const onKey = (/** @type {KeyboardEvent} */ e) => {
      const t = /** @type {HTMLElement} */ (e.target);
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return html`<form class="search" role="search" onSubmit=${(/** @type {Event} */ e) => {
    e.preventDefault();
    const typed = (input.current?.value ?? text).trim();
    if (typed) location.hash = href.search(typed);
  }}>
    <input ref=${input} type="search" name="q" value=${text} onInput=${(/** @type {any} */ e) => setText(e.currentTarget.value)}
      placeholder="搜索人物、机构、会议（简体或繁體）" aria-label="搜索 Search people, organizations, meetings" autocomplete="off" enterkeyhint="search" />
    <button type="submit">搜索</button>
  </form>`;
}

function App() {
  const route = useRoute();
  return html`
    <header class="top">
      <a class="brand" href="#/"><span class="logo" aria-hidden="true">图</span> 通稿图谱 <small>bulletin-graph</small></a>
      <${SearchBox} route=${route} />
      <nav aria-label="链接 Links">
        <a href="#/" aria-current=${route.view === '' ? 'page' : undefined}>总览</a>
        <a href="/graphql" title="GraphQL API and GraphiQL">GraphiQL</a>
      </nav>
    </header>
    <main id="main"><${View} route=${route} /></main>
    <footer>数据来自公开通稿，每条事实可追溯到原句 · Every fact links back to the sentence it was read from · <a href="/graphql">/graphql</a></footer>
  `;
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(html`<${App} />`, root);
}
