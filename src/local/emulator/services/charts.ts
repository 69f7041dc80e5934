/**
 * Charts: only the ChartType enum, which the spreadsheet chart builder takes.
 * Source: https://developers.google.com/apps-script/reference/charts/chart-type
 */
const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREE_MAP',
  'WATERFALL',
] as const;

export type ChartTypeName = (typeof CHART_TYPES)[number];

export const Charts = {
  ChartType: Object.freeze(Object.fromEntries(CHART_TYPES.map((t) => [t, t])) as { [K in ChartTypeName]: K }),
};
