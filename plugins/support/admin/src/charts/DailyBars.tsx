import { useId } from 'react';

import type { SupportStats } from '../../../shared/contracts';
import { ChartTable } from './ChartTable';
import { niceMax, shortDay } from './chart-scale';
import { EmptyChart } from './EmptyChart';

const PLOT_HEIGHT = 160;
const AXIS = 32;
const BAR = 8;
const DAY_WIDTH = 2 * BAR + 8;
const SERIES = [
  { key: 'opened', label: 'Открыто', color: '#4945ff' },
  { key: 'closed', label: 'Закрыто', color: '#328048' },
] as const;

/** Tickets opened vs closed per day: two bars a day, with axis, legend and a data table. */
export const DailyBars = ({ days, title }: { days: SupportStats['days']; title: string }) => {
  const id = useId();
  if (days.length === 0) return <EmptyChart title={title} />;
  const top = niceMax(Math.max(...days.flatMap((day) => [day.opened, day.closed])));
  const width = AXIS + days.length * DAY_WIDTH;
  const height = PLOT_HEIGHT + 40;
  const labelEvery = Math.ceil(days.length / 10);
  return (
    <figure role="group" aria-label={title}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          Tickets opened and closed on each of {days.length} days, from {days[0].day} to{' '}
          {days[days.length - 1].day}.
        </desc>
        <text x={AXIS - 4} y={10} textAnchor="end" fontSize={10}>
          {top}
        </text>
        <text x={AXIS - 4} y={PLOT_HEIGHT} textAnchor="end" fontSize={10}>
          0
        </text>
        <line x1={AXIS} y1={PLOT_HEIGHT} x2={width} y2={PLOT_HEIGHT} stroke="#8e8ea9" />
        {days.map((day, index) =>
          SERIES.map((series, seriesIndex) => {
            const barHeight = (day[series.key] / top) * PLOT_HEIGHT;
            return (
              <rect
                key={`${day.day}-${series.key}`}
                data-series={series.key}
                data-day={day.day}
                x={AXIS + index * DAY_WIDTH + seriesIndex * BAR}
                y={PLOT_HEIGHT - barHeight}
                width={BAR}
                height={barHeight}
                fill={series.color}
              />
            );
          })
        )}
        {days.map((day, index) =>
          index % labelEvery === 0 ? (
            <text
              key={day.day}
              x={AXIS + index * DAY_WIDTH + BAR}
              y={PLOT_HEIGHT + 14}
              textAnchor="middle"
              fontSize={10}
            >
              {shortDay(day.day)}
            </text>
          ) : null
        )}
        {SERIES.map((series, index) => (
          <g key={series.key} transform={`translate(${AXIS + index * 80}, ${PLOT_HEIGHT + 26})`}>
            <rect width={10} height={10} fill={series.color} />
            <text x={14} y={9} fontSize={10}>
              {series.label}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable
        caption={title}
        columns={['День', 'Открыто', 'Закрыто']}
        rows={days.map((day) => [day.day, day.opened, day.closed])}
      />
    </figure>
  );
};
