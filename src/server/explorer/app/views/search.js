// @ts-check
// Search results, grouped by kind: people, organizations, meetings, directives (linking to their
// meeting), bulletins.
import { search } from '../api.js';
import { Dates, ErrorBox, KIND, Loading, html, href, useData, useReady, useTitle } from '../ui.js';

const ORDER = /** @type {const} */ (['person', 'organization', 'meeting', 'directive', 'bulletin', 'campaign']);

/** @param {import('../api.js').Hit} hit */
function target(hit) {
  switch (hit.kind) {
    case 'person':
      return href.person(hit.key);
    case 'organization':
      return href.organization(hit.key);
    case 'meeting':
    case 'directive':
      return href.meeting(hit.key);
    case 'bulletin':
      return href.bulletin(hit.key);
    default:
      return href.search(hit.title);
  }
}

/** @param {{ text: string }} p */
export function SearchView({ text }) {
  const { data, error, loading } = useData(() => search(text), [text]);
  useTitle(`搜索 ${text}`);
  useReady(!!data || !!error, data?.api);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<${Loading} />`;
  const groups = ORDER.map((kind) => ({ kind, hits: data.hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length);
  return html`<div class="view search-view">
    <h1>搜索 <q>${text}</q> <small>${data.hits.length} 条结果 results</small></h1>
    ${groups.length === 0
      ? html`<div class="card empty"><p>没有找到与 <q>${text}</q> 相关的人物、机构或会议。No people, organizations or meetings match.</p>
          <p class="muted">试试姓名（简体或繁體）、机构简称（工信部）或会议名称中的词。</p></div>`
      : groups.map(
          (g) => html`<section class="card results" data-kind=${g.kind}>
            <h2>${KIND[g.kind].zh} <small>${KIND[g.kind].en}</small> <span class="count">${g.hits.length}</span></h2>
            <ul class="hits">
              ${g.hits.map(
                (hit) => html`<li>
                  <a class=${`ent ${g.kind === 'organization' ? 'org' : g.kind === 'directive' ? 'meeting' : g.kind}`} href=${target(hit)}>${hit.title}</a>
                  ${hit.date ? html` <${Dates} from=${hit.date} />` : ''}
                  ${hit.detail ? html`<div class="detail">${hit.detail}</div>` : ''}
                  ${hit.snippet ? html`<${Snippet} html=${hit.snippet} />` : ''}
                </li>`,
              )}
            </ul>
          </section>`,
        )}
  </div>`;
}

/** The search API's snippet: escaped text with <mark>; shown only if that is all it holds. @param {{ html: string }} p */
function Snippet({ html: snippet }) {
  const rest = snippet.replace(/<\/?mark>/g, '');
  if (/[<>]/.test(rest)) return html`<div class="snippet">${rest}</div>`;
  return html`<div class="snippet" dangerouslySetInnerHTML=${{ __html: snippet }} />`;
}
