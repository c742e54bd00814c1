import type { UnitRef } from '@bridgekit/sdk';

/**
 * Fired by `<bk-insights>` when the reader opens a unit from the overview. Cancelable: a host that
 * shows the unit elsewhere calls `preventDefault()`, and the element stays on the overview.
 */
export class BkInsightsUnitEvent extends Event {
  static readonly type = 'bk-insights-unit';
  /** The unit opened. */
  readonly unit: UnitRef;

  constructor(unit: UnitRef) {
    super(BkInsightsUnitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.unit = unit;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-insights-unit': BkInsightsUnitEvent;
  }
}
