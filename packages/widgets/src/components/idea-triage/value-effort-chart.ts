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
  maxValue: number;
  maxEffort: number;
  /** Where the quadrant lines cross (the middle of each axis). */
  midX: number;
  midY: number;
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

const niceMax = (value: number, floor: number) => Math.max(floor, Math.ceil(value));

/** Scored ideas as bubbles: x = effort, y = value, area ∝ supporters. Unscored ideas are left out. */
export function layoutChart(ideas: Idea[]): ChartLayout {
  const scored = ideas.filter((i) => i.score.value !== null && i.score.effort !== null);
  const maxEffort = niceMax(Math.max(0, ...scored.map((i) => i.score.effort ?? 0)), 8);
  const maxValue = niceMax(Math.max(0, ...scored.map((i) => i.score.value ?? 0)), 5);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const x = (effort: number) => CHART.left + (effort / maxEffort) * plotW;
  const y = (value: number) => CHART.top + plotH - (value / maxValue) * plotH;
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
  const ticks = (max: number) => {
    const step = [0.5, 1, 2, 5, 10, 20, 50].find((s) => max / s <= 6) ?? max / 5;
    return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  };
  return {
    bubbles,
    maxValue,
    maxEffort,
    midX: x(maxEffort / 2),
    midY: y(maxValue / 2),
    xTicks: ticks(maxEffort).map((value) => ({ value, x: x(value) })),
    yTicks: ticks(maxValue).map((value) => ({ value, y: y(value) })),
  };
}
