/**
 * Embedded charts, stored as ChartModel specs (nothing is drawn).
 * Source: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * (build() does not insert: call Sheet.insertChart; updateChart, removeChart, getCharts).
 */
import type { ChartModel, SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import type { Doc } from './doc';
import { fromApiRange, rangeView } from './range';

type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type ContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;

function containerInfo(position: ChartModel['position']): ContainerInfo {
  const info: Pick<ContainerInfo, 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'> = {
    getAnchorRow: () => position.row,
    getAnchorColumn: () => position.col,
    getOffsetX: () => position.offsetX,
    getOffsetY: () => position.offsetY,
  };
  return info as ContainerInfo;
}

/** A chart spec; id 0 until Sheet.insertChart gives it one. */
export class EmulatedEmbeddedChart implements Pick<
  GasChart,
  'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'modify'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'EmbeddedChart';
  }

  constructor(
    private readonly doc: Doc,
    readonly sheet: SheetModel,
    readonly spec: ChartModel,
  ) {}

  getChartId(): number | null {
    this.doc.call('EmbeddedChart.getChartId', 'document.read');
    return this.spec.id === 0 ? null : this.spec.id;
  }
  getRanges(): GasRange[] {
    this.doc.call('EmbeddedChart.getRanges', 'document.read');
    return this.spec.ranges.map((r) => rangeView(this.doc, this.sheet, r));
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.doc.call('EmbeddedChart.getOptions', 'document.read');
    const options = { ...this.spec.options };
    const view: Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> = {
      get: (option: string) => options[option] ?? null,
    };
    return view as GoogleAppsScript.Charts.ChartOptions;
  }
  getContainerInfo(): ContainerInfo {
    this.doc.call('EmbeddedChart.getContainerInfo', 'document.read');
    return containerInfo(this.spec.position);
  }
  modify(): GasBuilder {
    this.doc.call('EmbeddedChart.modify', 'document.read');
    return new EmulatedEmbeddedChartBuilder(this.doc, this.sheet, cloneSpec(this.spec)) as unknown as GasBuilder;
  }
}

function cloneSpec(spec: ChartModel): ChartModel {
  return {
    id: spec.id,
    type: spec.type,
    ranges: spec.ranges.map((r) => ({ ...r })),
    position: { ...spec.position },
    options: { ...spec.options },
  };
}

type BuilderMethods =
  | 'addRange'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setOption'
  | 'setPosition';

/**
 * asColumnChart() and friends set the type and return this same builder: type-specific setters
 * (setTitle…) are not emulated; use setOption('title', …).
 */
export class EmulatedEmbeddedChartBuilder implements Pick<GasBuilder, BuilderMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'EmbeddedChartBuilder';
  }

  constructor(
    private readonly doc: Doc,
    private readonly sheet: SheetModel,
    private readonly spec: ChartModel,
  ) {}

  private self(method: string): GasBuilder {
    this.doc.call(`EmbeddedChartBuilder.${method}`, 'document.read');
    return this as unknown as GasBuilder;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GasBuilder {
    const b = this.self('setChartType');
    this.spec.type = String(type);
    return b;
  }
  private as<T>(method: string, type: string): T {
    this.self(method);
    this.spec.type = type;
    return this as unknown as T;
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('asColumnChart', 'COLUMN');
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('asBarChart', 'BAR');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('asPieChart', 'PIE');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('asLineChart', 'LINE');
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.self('getChartType');
    return this.spec.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  addRange(range: GasRange): GasBuilder {
    const b = this.self('addRange');
    const own = fromApiRange(range);
    if (own.sheetModel !== this.sheet)
      throw new AppsScriptException('Emulator: chart ranges must be on the chart’s sheet.');
    this.spec.ranges.push({ ...own.rect });
    return b;
  }
  removeRange(range: GasRange): GasBuilder {
    const b = this.self('removeRange');
    const { rect } = fromApiRange(range);
    this.spec.ranges = this.spec.ranges.filter(
      (r) => !(r.row === rect.row && r.col === rect.col && r.numRows === rect.numRows && r.numCols === rect.numCols),
    );
    return b;
  }
  clearRanges(): GasBuilder {
    const b = this.self('clearRanges');
    this.spec.ranges = [];
    return b;
  }
  getRanges(): GasRange[] {
    this.self('getRanges');
    return this.spec.ranges.map((r) => rangeView(this.doc, this.sheet, r));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasBuilder {
    const b = this.self('setPosition');
    this.spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return b;
  }
  getContainer(): ContainerInfo {
    this.self('getContainer');
    return containerInfo(this.spec.position);
  }
  setOption(option: string, value: unknown): GasBuilder {
    const b = this.self('setOption');
    this.spec.options[String(option)] = value;
    return b;
  }
  build(): GasChart {
    this.self('build');
    return new EmulatedEmbeddedChart(this.doc, this.sheet, cloneSpec(this.spec)) as unknown as GasChart;
  }
}

export function newChartBuilder(doc: Doc, sheet: SheetModel): GasBuilder {
  const spec: ChartModel = {
    id: 0,
    type: 'COLUMN',
    ranges: [],
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
  return new EmulatedEmbeddedChartBuilder(doc, sheet, spec) as unknown as GasBuilder;
}

export function chartFromApi(chart: GasChart): EmulatedEmbeddedChart {
  if (!(chart instanceof EmulatedEmbeddedChart)) throw new AppsScriptException('Invalid argument: chart');
  return chart;
}

export function chartView(doc: Doc, sheet: SheetModel, spec: ChartModel): GasChart {
  return new EmulatedEmbeddedChart(doc, sheet, spec) as unknown as GasChart;
}
