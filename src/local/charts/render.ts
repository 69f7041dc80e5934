/**
 * Draws an embedded chart from the specification the add-on gave Sheets (the emulator's ChartModel:
 * Charts.ChartType, the data range, the options set on the builder) and the cells under that range,
 * as Sheets reads a chart's data: the range's first row names the series, its first column holds the
 * categories, each further column is one series. ECharts renders it on the server as SVG (no
 * browser); resvg turns the SVG into a PNG for the .xlsx. The playground shows the same SVG.
 *
 * Local runtime only: never imported by the add-on's bundle (src/server).
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { CellValue, ChartModel, SheetModel, SpreadsheetModel } from '../emulator/model';
import { displayValue } from '../emulator/spreadsheet/numfmt';
import { localeInfo } from '../emulator/spreadsheet/locale';
import { styleGrid } from '../emulator/spreadsheet';

/** Sheets' default embedded chart size (px). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 371;

export interface ChartData {
  title: string;
  type: string;
  stacked: boolean;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function number(value: CellValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The chart's categories and series, read from its first range as Sheets would. */
export function chartData(model: SpreadsheetModel, sheet: SheetModel, chart: ChartModel): ChartData {
  const rect = chart.ranges[0];
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  const base = { title, type: chart.type, stacked: chart.options.isStacked === true };
  if (!rect) return { ...base, categories: [], series: [] };
  const loc = localeInfo(model.locale);
  const styles = styleGrid(sheet, rect);
  const cell = (r: number, c: number): CellValue => sheet.values[rect.row - 1 + r]?.[rect.col - 1 + c] ?? '';
  const shown = (r: number, c: number): string =>
    displayValue(cell(r, c), styles[r]?.[c]?.numberFormat, loc, model.timeZone);
  const categories: string[] = [];
  for (let r = 1; r < rect.numRows; r++) categories.push(shown(r, 0));
  const series: ChartData['series'] = [];
  for (let c = 1; c < rect.numCols; c++) {
    const values: (number | null)[] = [];
    for (let r = 1; r < rect.numRows; r++) values.push(number(cell(r, c)));
    series.push({ name: shown(0, c), values });
  }
  return { ...base, categories, series };
}

const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

/** The ECharts option for a chart: the types the reports use (line, column, stacked bar, pie). */
export function chartOption(data: ChartData): echarts.EChartsOption {
  const common = {
    animation: false,
    color: PALETTE,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'Arial, Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif' },
    title: { text: data.title, left: 'center', top: 8, textStyle: { fontSize: 15 } },
    legend: { bottom: 6, type: 'plain' as const },
  };
  if (data.type === 'PIE') {
    const first = data.series[0]?.values ?? [];
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: ['0%', '58%'],
          center: ['50%', '52%'],
          label: { formatter: '{b}: {c}' },
          data: data.categories.map((name, i) => ({ name, value: first[i] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = data.type === 'BAR';
  const category = { type: 'category' as const, data: data.categories, axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const };
  return {
    ...common,
    grid: { left: 16, right: 24, top: 48, bottom: 56, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: data.series.map((s) => ({
      type: data.type === 'LINE' ? ('line' as const) : ('bar' as const),
      name: s.name,
      data: s.values,
      ...(data.stacked ? { stack: 'total' } : {}),
    })),
  };
}

/** The chart as an SVG document. */
export function chartSvg(data: ChartData, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(data));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG (for the .xlsx, which exceljs can only give images). */
export function chartPng(data: ChartData, width = CHART_WIDTH, height = CHART_HEIGHT): Buffer {
  const svg = chartSvg(data, width, height);
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } }).render().asPng();
}
