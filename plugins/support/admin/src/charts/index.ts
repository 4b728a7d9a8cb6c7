export { DailyBars } from './DailyBars';
export { HorizontalBars } from './HorizontalBars';
export { LineSeries, type DayValue } from './LineSeries';
