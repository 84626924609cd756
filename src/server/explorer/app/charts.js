// @ts-check
// Bar charts with Chart.js (its UMD build, loaded on first use so the other views never pay for
// it), each with the same numbers as a table under <details> for screen readers and copying.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './ui.js';

/** @type {Promise<any> | undefined} */
let chartLib;
/** Starts loading Chart.js (views that will chart call it early, beside their data request). */
export function loadChart() {
  const url = '/assets/vendor/chart.js/chart.umd.min.js';
  chartLib ??= import(url).then(() => /** @type {any} */ (globalThis).Chart);
  return chartLib;
}

const FONT = '-apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Segoe UI", sans-serif';

/**
 * @param {{ buckets: { key: string, count: number }[], label: string, horizontal?: boolean, color?: string,
 *   onPick?: (key: string) => void, height?: number, id: string }} p
 */
export function BarChart({ buckets, label, horizontal = false, color = '#e07b39', onPick, height, id }) {
  const canvas = useRef(/** @type {HTMLCanvasElement | null} */ (null));
  const [failed, setFailed] = useState(/** @type {string | null} */ (null));
  useEffect(() => {
    /** @type {any} */
    let chart;
    let live = true;
    loadChart().then(
      (Chart) => {
        if (!live || !canvas.current) return;
        Chart.defaults.font.family = FONT;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels: buckets.map((b) => b.key),
            datasets: [{ label, data: buckets.map((b) => b.count), backgroundColor: color, borderRadius: 4, maxBarThickness: 48 }],
          },
          options: {
            indexAxis: horizontal ? 'y' : 'x',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: false } },
            scales: {
              [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
            },
            onClick: onPick
              ? (/** @type {any} */ _e, /** @type {any[]} */ els) => {
                  const b = els[0] && buckets[els[0].index];
                  if (b) onPick(b.key);
                }
              : undefined,
            onHover: onPick
              ? (/** @type {any} */ e, /** @type {any[]} */ els) => {
                  e.native.target.style.cursor = els.length ? 'pointer' : 'default';
                }
              : undefined,
          },
        });
        canvas.current.dataset.rendered = 'true';
      },
      (error) => live && setFailed(String(error?.message ?? error)),
    );
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [JSON.stringify(buckets), horizontal, label]);
  const h = height ?? (horizontal ? Math.max(140, 34 * buckets.length + 40) : 240);
  return html`<figure class="chart" data-chart=${id}>
    ${failed
      ? html`<p class="error">图表无法加载 Chart unavailable: ${failed}</p>`
      : html`<div class="canvas-box" style=${{ height: `${h}px` }}><canvas ref=${canvas} role="img" aria-label=${label}></canvas></div>`}
    <details>
      <summary>数据 Data</summary>
      <table>
        <thead><tr><th>${horizontal ? '名称 Name' : '分组 Key'}</th><th>数量 Count</th></tr></thead>
        <tbody>${buckets.map((b) => html`<tr><td>${b.key}</td><td>${b.count}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}
