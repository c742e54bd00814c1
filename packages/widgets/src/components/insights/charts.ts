/**
 * The cockpit's charts: small inline SVG, drawn here rather than by a chart library (the few
 * shapes it needs weigh less than any library's core). Each chart is a `<figure role="img">`
 * named by its heading and described by a one-line summary, followed by its data as a real table
 * in a native `<details>` (shown open when printing). The SVG is a picture only; the figures a
 * reader needs are in the summary and the table. Series differ by more than colour: the second
 * series is hatched, lines have their own dash and marker shape, and bars carry their numbers.
 */
import { html, nothing, type SVGTemplateResult, svg, type TemplateResult } from 'lit';

/** One series: its legend label and a value per category (`null`: suppressed, fewer than the group size). */
export interface Series {
  label: string;
  values: readonly (number | null)[];
}

/** What every chart has besides its drawing. */
export interface ChartFrame {
  /** Unique within the element: ids of the heading, summary and patterns derive from it. */
  id: string;
  title: string;
  summary: string;
  table: TemplateResult;
  /** The toggle's text ("Show as table"). */
  toggle: string;
  /** Tables are shown without their toggle (printing). */
  open: boolean;
}

const W = 640;
const LEFT = 40;
const RIGHT = 8;
const TOP = 14;
const BOTTOM = 26;
/** Dash patterns and marker shapes of line series, in series order. */
const DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 5'];

/** 0, a round step, … at or above `max`: at most 4 steps. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const whole = Math.max(step, Number.isInteger(max) ? Math.ceil(step) : step);
  const out: number[] = [];
  for (let v = 0; v < max + whole; v += whole) out.push(v);
  return out;
}

const hatchId = (chart: string, series: number) => `${chart}-hatch-${series}`;

/** The hatch pattern of a series: its colour with pale diagonal lines, the second series' non-colour cue. */
const hatch = (chart: string, series: number) =>
  svg`<pattern id=${hatchId(chart, series)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" class=${`s${series}`}></rect>
    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
  </pattern>`;

/** A series' fill: solid for the even ones, hatched for the odd ones. */
const fill = (chart: string, series: number) => (series % 2 === 1 ? `url(#${hatchId(chart, series)})` : nothing);

function shape(series: number, x: number, y: number): SVGTemplateResult {
  const c = `marker s${series}`;
  switch (series % 4) {
    case 1:
      return svg`<rect class=${c} x=${x - 4} y=${y - 4} width="8" height="8"></rect>`;
    case 2:
      return svg`<path class=${c} d=${`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`}></path>`;
    case 3:
      return svg`<path class=${c} d=${`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`}></path>`;
    default:
      return svg`<circle class=${c} cx=${x} cy=${y} r="4"></circle>`;
  }
}

/** The legend: each series' swatch (hatched, dashed or shaped as in the chart) and label. */
function legend(series: readonly Series[], kind: 'bars' | 'lines'): TemplateResult {
  return html`<ul class="legend">
    ${series.map(
      (s, i) => html`<li>
        <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
          ${
            kind === 'bars'
              ? svg`<rect class=${`s${i}`} x="1" y="1" width="26" height="12"></rect>${
                  i % 2 === 1
                    ? svg`<path class="hatch-line" d="M1 13L13 1M9 13L21 1M17 13L27 3"></path><rect class="swatch-edge" x="1" y="1" width="26" height="12"></rect>`
                    : nothing
                }`
              : svg`<line class=${`line s${i}`} x1="1" y1="7" x2="27" y2="7" stroke-dasharray=${DASHES[i % DASHES.length] || nothing}></line>${shape(i, 14, 7)}`
          }
        </svg>
        ${s.label}
      </li>`,
    )}
  </ul>`;
}

/** The frame every chart shares: heading, the figure, its summary and the table alternative. */
export function chart(frame: ChartFrame, drawing: TemplateResult | SVGTemplateResult, legendOf?: TemplateResult): TemplateResult {
  const titleId = `${frame.id}-title`;
  const summaryId = `${frame.id}-summary`;
  return html`<div class="chart" part="chart">
    <h4 id=${titleId}>${frame.title}</h4>
    <figure role="img" aria-labelledby=${titleId} aria-describedby=${summaryId}>${legendOf ?? nothing}${drawing}</figure>
    <p id=${summaryId} class="summary">${frame.summary}</p>
    ${
      frame.open
        ? html`<div class="table-wrap">${frame.table}</div>`
        : html`<details class="alternative" part="table-toggle">
          <summary>${frame.toggle}</summary>
          <div class="table-wrap">${frame.table}</div>
        </details>`
    }
  </div>`;
}

/** Shows about 12 category labels at most, evenly spread. */
const labelEvery = (n: number) => Math.max(1, Math.ceil(n / 12));

function axes(
  yTicks: number[],
  y: (v: number) => number,
  categories: readonly string[],
  x: (i: number) => number,
  format: (n: number) => string,
) {
  const every = labelEvery(categories.length);
  return svg`${yTicks.map(
    (v) => svg`<line class="grid" x1=${LEFT} x2=${W - RIGHT} y1=${y(v)} y2=${y(v)}></line>
      <text class="tick" x=${LEFT - 6} y=${y(v) + 4} text-anchor="end">${format(v)}</text>`,
  )}
  ${categories.map((c, i) =>
    i % every === 0 || i === categories.length - 1
      ? svg`<text class="tick" x=${x(i)} y=${y(0) + 18} text-anchor="middle">${c}</text>`
      : nothing,
  )}`;
}

export interface ColumnOptions {
  categories: readonly string[];
  series: readonly Series[];
  /** Suppressed values are drawn as dashed outlines up to this height, labelled `suppressedLabel`. */
  suppressedUpTo?: number;
  suppressedLabel?: string;
  format: (n: number) => string;
}

/** Grouped columns: a group per category (month), a column per series. */
export function columns(id: string, o: ColumnOptions): TemplateResult {
  const H = 220;
  const n = Math.max(1, o.categories.length);
  const values = o.series.flatMap((s) => s.values.map((v) => v ?? o.suppressedUpTo ?? 0));
  const yTicks = ticks(Math.max(1, ...values));
  const top = yTicks[yTicks.length - 1] ?? 1;
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / top);
  const group = (W - LEFT - RIGHT) / n;
  const bar = Math.min(28, (group * 0.8) / Math.max(1, o.series.length));
  const x = (i: number) => LEFT + group * (i + 0.5);
  return html`${legend(o.series, 'bars')}<svg class="drawing" viewBox=${`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
    <defs>${o.series.map((_, i) => (i % 2 === 1 ? hatch(id, i) : nothing))}</defs>
    ${axes(yTicks, y, o.categories, x, o.format)}
    ${o.series.map((s, si) =>
      s.values.map((v, ci) => {
        const left = x(ci) - (bar * o.series.length) / 2 + bar * si;
        if (v === null) {
          const h = y(0) - y(o.suppressedUpTo ?? 0);
          return svg`<rect class="suppressed" x=${left + 0.5} y=${y(0) - h} width=${Math.max(1, bar - 1)} height=${h}></rect>
            ${bar >= 14 ? svg`<text class="tick" x=${left + bar / 2} y=${y(0) - h - 3} text-anchor="middle">${o.suppressedLabel ?? ''}</text>` : nothing}`;
        }
        return svg`<rect class=${`bar s${si}`} fill=${fill(id, si)} x=${left + 0.5} y=${y(v)} width=${Math.max(1, bar - 1)} height=${y(0) - y(v)}></rect>`;
      }),
    )}
    <line class="axis" x1=${LEFT} x2=${W - RIGHT} y1=${y(0)} y2=${y(0)}></line>
  </svg>`;
}

export interface LineOptions {
  categories: readonly string[];
  series: readonly Series[];
  /** The value axis; by default from 0 to a round number above the largest value. */
  domain?: [number, number];
  format: (n: number) => string;
}

/** Lines over categories, each with its own dash and marker shape; a `null` value breaks the line. */
export function lines(_id: string, o: LineOptions): TemplateResult {
  const H = 220;
  const n = o.categories.length;
  const [lo, hi] = o.domain ?? [
    0,
    (() => {
      const t = ticks(Math.max(1, ...o.series.flatMap((s) => s.values.map((v) => v ?? 0))));
      return t[t.length - 1] ?? 1;
    })(),
  ];
  const yTicks = o.domain ? Array.from({ length: hi - lo + 1 }, (_, k) => lo + k) : ticks(hi);
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - (v - lo) / (hi - lo || 1));
  const step = n > 1 ? (W - LEFT - RIGHT - 24) / (n - 1) : 0;
  const x = (i: number) => (n > 1 ? LEFT + 12 + step * i : (LEFT + W - RIGHT) / 2);
  return html`${legend(o.series, 'lines')}<svg class="drawing" viewBox=${`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
    ${axes(yTicks, y, o.categories, x, o.format)}
    ${o.series.map((s, si) => {
      let d = '';
      s.values.forEach((v, i) => {
        if (v === null) return;
        d += `${i > 0 && s.values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      });
      return svg`<path class=${`line s${si}`} d=${d || 'M0 0'} stroke-dasharray=${DASHES[si % DASHES.length] || nothing}></path>
        ${s.values.map((v, i) => (v === null ? nothing : shape(si, x(i), y(v))))}`;
    })}
  </svg>`;
}

/** One row of a bar list: its label above, one or more thin bars, and its figures in words after. */
export interface BarRow {
  label: string;
  /** Values on the chart's scale (or the row's, with `perRow`); the series index picks colour and hatch. */
  bars: readonly { value: number; series: number }[];
  /** An intended value, drawn as a tick across the row. */
  marker?: number | null;
  text: string;
}

export interface BarOptions {
  rows: readonly BarRow[];
  /** Scale each row to its own largest value (unlike measures side by side). */
  perRow?: boolean;
  /** The scale's ends; by default from 0 (or the lowest negative value) to the largest. */
  domain?: [number, number];
  legend?: readonly Series[];
}

/** Horizontal bars, a row per label: counts per step, shares against an intended share, gaps either way, planned against delivered. */
export function bars(id: string, o: BarOptions): TemplateResult {
  const rowH = (r: BarRow) => 20 + r.bars.length * 12 + 8;
  const H = o.rows.reduce((h, r) => h + rowH(r), 4);
  const all = o.rows.flatMap((r) => [...r.bars.map((b) => b.value), r.marker ?? 0]);
  const [lo, hi] = o.domain ?? [Math.min(0, ...all), Math.max(1, ...all)];
  const width = W - 8 - 150;
  let top = 0;
  return html`${o.legend ? legend(o.legend, 'bars') : nothing}<svg class="drawing" viewBox=${`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
    <defs>${[1, 3].map((i) => hatch(id, i))}</defs>
    ${o.rows.map((r) => {
      const rowTop = top;
      top += rowH(r);
      // Per row, lengths are sizes: a saving planned as −40,000 is as long as +40,000.
      const [a, b] = o.perRow ? [0, Math.max(1e-9, ...r.bars.map((x) => Math.abs(x.value)))] : [lo, hi];
      const scale = (v: number) => 4 + (width * (v - a)) / (b - a || 1);
      const zero = scale(0);
      return svg`<text class="row-label" x="4" y=${rowTop + 14}>${r.label}</text>
        ${r.bars.map((bar, k) => {
          const v = o.perRow ? Math.abs(bar.value) : bar.value;
          const x0 = Math.min(zero, scale(v));
          return svg`<rect class=${`bar s${bar.series}`} fill=${fill(id, bar.series)}
            x=${x0} y=${rowTop + 20 + k * 12} width=${Math.max(bar.value === 0 ? 0 : 1.5, Math.abs(scale(v) - zero))} height="10"></rect>`;
        })}
        ${r.marker == null ? nothing : svg`<line class="intended" x1=${scale(r.marker)} x2=${scale(r.marker)} y1=${rowTop + 16} y2=${rowTop + 22 + r.bars.length * 12}></line>`}
        <text class="tick" x=${width + 12} y=${rowTop + 30}>${r.text}</text>`;
    })}
    ${lo < 0 ? svg`<line class="axis" x1=${4 + (width * -lo) / (hi - lo)} x2=${4 + (width * -lo) / (hi - lo)} y1="0" y2=${H}></line>` : nothing}
  </svg>`;
}
