// Custom ECharts 5.6.0 bundle for workin: only the charts and components the report uses.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, ScatterChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent,
  MarkAreaComponent, MarkLineComponent, MarkPointComponent, CalendarComponent,
  VisualMapComponent, DataZoomComponent, DatasetComponent, AriaComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([
  LineChart, BarChart, ScatterChart, HeatmapChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent,
  MarkAreaComponent, MarkLineComponent, MarkPointComponent, CalendarComponent,
  VisualMapComponent, DataZoomComponent, DatasetComponent, AriaComponent,
  SVGRenderer,
]);
globalThis.echarts = echarts;
