/**
 * The cockpit's CSV export, loaded on the first click of "Download CSV": a unit's monthly figures,
 * or the overview's table, as RFC 4180 text. The header row is in the reader's language (people
 * open it in a spreadsheet); numbers are plain (no grouping, `.` for decimals) so any tool reads
 * them; a suppressed count (fewer people than the group size) is an empty cell, never 0.
 */
import type { GroupCount, InsightsOverview, UnitInsights } from '@bridgekit/sdk';
import type { Translate } from '../../shared/i18n.ts';

type Cell = string | number | null;

const quote = (cell: Cell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Rows as CSV: fields quoted where they must be, CRLF line ends.
 *
 * @example
 * toCsv([['Unit', 'Ideas'], ['Sales, EMEA', 3]]); // 'Unit,Ideas\r\n"Sales, EMEA",3\r\n'
 */
export const toCsv = (rows: readonly (readonly Cell[])[]): string => `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;

const count = (n: GroupCount): Cell => n;

/** A unit's figures, a row per month. */
export function unitCsv(t: Translate, d: UnitInsights): string {
  return toCsv([
    [
      t('insights.month'),
      t('insights.activeBusiness'),
      t('insights.activeProvider'),
      t('insights.discussions'),
      t('insights.cardsUsed'),
      t('insights.ideas.submitted'),
      t('insights.ideas.backed'),
      t('insights.ideas.approved'),
      t('insights.ideas.delivered'),
      t('insights.ideas.deflected'),
    ],
    ...d.months.map((m) => [
      m.month,
      count(m.activePeople.business),
      count(m.activePeople.provider),
      m.discussions,
      m.cardsUsed,
      m.ideas.submitted,
      m.ideas.backed,
      m.ideas.approved,
      m.ideas.delivered,
      m.ideas.deflected,
    ]),
  ]);
}

/** The overview's table, with a column of value delivered for each measure and class any unit has. */
export function overviewCsv(t: Translate, d: InsightsOverview): string {
  const measures = [...new Set(d.units.flatMap((u) => u.value.map((v) => `${v.measure}\u0000${v.benefitClass}`)))];
  return toCsv([
    [
      t('insights.overview.unit'),
      t('insights.activeBusiness'),
      t('insights.activeProvider'),
      t('insights.ideas.submitted'),
      t('insights.ideas.approved'),
      t('insights.ideas.delivered'),
      t('insights.ideas.deflected'),
      t('insights.overview.maturity'),
      ...measures.map((key) => {
        const [measure, benefitClass] = key.split('\u0000') as [string, 'hard'];
        return `${t('insights.value.delivered')}: ${measure} (${t(`insights.value.${benefitClass}`)})`;
      }),
    ],
    ...d.units.map((u) => [
      u.unit.name,
      count(u.activePeople.business),
      count(u.activePeople.provider),
      u.ideas.submitted,
      u.ideas.approved,
      u.ideas.delivered,
      u.ideas.deflected,
      u.maturity,
      ...measures.map((key) => u.value.find((v) => `${v.measure}\u0000${v.benefitClass}` === key)?.delivered ?? null),
    ]),
  ]);
}

/** Saves `text` as a file through a temporary link (no server round trip). */
export function download(host: ShadowRoot, name: string, text: string): void {
  // A byte-order mark, so spreadsheet programs read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  host.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
