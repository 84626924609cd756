// @ts-check
// The co-attendee graph: the person in the middle, the people met around, a line for each shared
// meeting count (thicker = more), and lines between two co-attendees who also met each other at
// one of these meetings. Plain SVG with a viewBox, so it scales to any width; every name links.
import { html, href } from './ui.js';

const W = 420;

/**
 * @param {{ center: string, people: import('./api.js').CoAttendee[] }} p
 */
export function CoAttendeeGraph({ center, people }) {
  const n = people.length;
  // One or two people met: a row; more: a ring around the person (an ellipse, wider than high).
  const H = n <= 2 ? 150 : n <= 5 ? 260 : 320;
  const cx = n === 1 ? W * 0.3 : W / 2;
  const cy = n <= 2 ? 62 : H / 2 - 8;
  const rx = n <= 2 ? W * 0.38 : Math.min(160, 95 + n * 8);
  const ry = Math.min(H / 2 - 45, 70 + n * 6);
  const max = Math.max(1, ...people.map((p) => p.count));
  const nodes = people.map((p, i) => {
    if (n === 1) return { ...p, x: W * 0.72, y: cy };
    if (n === 2) return { ...p, x: cx + (i ? rx : -rx), y: cy };
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { ...p, x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  });
  /** @type {{ a: typeof nodes[number], b: typeof nodes[number], shared: number }[]} */
  const between = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (!a || !b) continue;
      const shared = a.meetings.filter((k) => b.meetings.includes(k)).length;
      if (shared) between.push({ a, b, shared });
    }
  }
  const width = (/** @type {number} */ c) => 1.5 + (4.5 * c) / max;
  return html`<figure class="graph">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${`${center} 的共同参会者 co-attendees: ${people.map((p) => `${p.name} ${p.count}`).join(', ')}`}>
      ${between.map(
        (e) => html`<line class="edge between" x1=${e.a.x} y1=${e.a.y} x2=${e.b.x} y2=${e.b.y} stroke-width=${width(e.shared) / 1.6}>
          <title>${e.a.name} — ${e.b.name}: ${e.shared}</title>
        </line>`,
      )}
      ${nodes.map(
        (p) => html`<line class="edge" x1=${cx} y1=${cy} x2=${p.x} y2=${p.y} stroke-width=${width(p.count)}>
          <title>${center} — ${p.name}: 同场 ${p.count} 次</title>
        </line>`,
      )}
      ${nodes.map(
        (p) => html`<a href=${href.person(p.name)} class="node other">
          <circle cx=${p.x} cy=${p.y} r=${16 + (8 * p.count) / max} />
          <text x=${p.x} y=${p.y + 32 + (8 * p.count) / max} text-anchor="middle">${p.name}</text>
          <text class="n" x=${p.x} y=${p.y + 5} text-anchor="middle">${p.count}</text>
        </a>`,
      )}
      <g class="node self">
        <circle cx=${cx} cy=${cy} r="30" />
        <text x=${cx} y=${cy + 6} text-anchor="middle">${center}</text>
      </g>
    </svg>
    <figcaption>圆圈中的数字为同场会议次数 · the number is meetings attended together</figcaption>
  </figure>`;
}
