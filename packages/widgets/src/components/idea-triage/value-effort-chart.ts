/**
 * Geometry of the value-versus-effort matrix: pure functions, so the chart's layout is tested
 * apart from its rendering.
 */
import type { Idea } from '@bridgekit/sdk';

export const CHART = { width: 640, height: 400, left: 56, right: 24, top: 24, bottom: 48 } as const;

export interface Bubble {
  idea: Idea;
  x: number;
  y: number;
  r: number;
}

export interface ChartLayout {
  bubbles: Bubble[];
  /** Where the value axis starts: the scorecard's lowest value (1 on 1–5 scales), not 0. */
  minValue: number;
  maxValue: number;
  maxEffort: number;
  /** Where the quadrant lines cross (the middle of each axis). */
  midX: number;
  midY: number;
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

const niceMax = (value: number, floor: number) => Math.max(floor, Math.ceil(value));

/**
 * Scored ideas as bubbles: x = effort, y = value, area ∝ supporters. Unscored ideas are left out.
 * The value axis spans the board's value range (`Board.valueRange`, 1–5 by default), so the
 * quadrant line sits in the middle of the scale (3 of 1–5), not at half its maximum.
 */
export function layoutChart(ideas: Idea[], valueRange: { min: number; max: number } = { min: 1, max: 5 }): ChartLayout {
  const scored = ideas.filter((i) => i.score.value !== null && i.score.effort !== null);
  const maxEffort = niceMax(Math.max(0, ...scored.map((i) => i.score.effort ?? 0)), 8);
  const minValue = Math.min(Math.floor(valueRange.min), ...scored.map((i) => Math.floor(i.score.value ?? 0)));
  const maxValue = niceMax(Math.max(0, ...scored.map((i) => i.score.value ?? 0)), Math.max(valueRange.max, minValue + 1));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const x = (effort: number) => CHART.left + (effort / maxEffort) * plotW;
  const y = (value: number) => CHART.top + plotH - ((value - minValue) / (maxValue - minValue)) * plotH;
  const bubbles = scored
    // Biggest first, so smaller bubbles are drawn on top and stay reachable.
    .sort((a, b) => b.supporters - a.supporters)
    .map((idea) => ({
      idea,
      x: x(idea.score.effort ?? 0),
      y: y(idea.score.value ?? 0),
      r: Math.min(28, 6 + 3 * Math.sqrt(idea.supporters)),
    }));
  // Round steps (1, 2, 5, 10…) so the axes read as the scales people scored on.
  const ticks = (min: number, max: number) => {
    const span = max - min;
    const step = [0.5, 1, 2, 5, 10, 20, 50].find((s) => span / s <= 6) ?? span / 5;
    const first = Math.ceil(min / step) * step;
    return Array.from({ length: Math.floor((max - first) / step) + 1 }, (_, i) => first + i * step);
  };
  return {
    bubbles,
    minValue,
    maxValue,
    maxEffort,
    midX: x(maxEffort / 2),
    midY: y((minValue + maxValue) / 2),
    xTicks: ticks(0, maxEffort).map((value) => ({ value, x: x(value) })),
    yTicks: ticks(minValue, maxValue).map((value) => ({ value, y: y(value) })),
  };
}
