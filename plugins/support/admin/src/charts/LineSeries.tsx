import { useId } from 'react';

import { ChartTable } from './ChartTable';
import { niceMax, shortDay } from './chart-scale';
import { EmptyChart } from './EmptyChart';

export interface DayValue {
  /** 'YYYY-MM-DD', as the days of SupportStats. */
  day: string;
  value: number;
}

const PLOT_HEIGHT = 160;
const AXIS = 32;
const STEP = 24;

/** One value per day as a line (minutes, breaches), with its axis and a data table. */
export const LineSeries = ({
  points,
  title,
  unit,
}: {
  points: DayValue[];
  title: string;
  unit: string;
}) => {
  const id = useId();
  if (points.length === 0) return <EmptyChart title={title} />;
  const top = niceMax(Math.max(...points.map((point) => point.value)));
  const width = AXIS + points.length * STEP;
  const xOf = (index: number) => AXIS + index * STEP + STEP / 2;
  const yOf = (value: number) => PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const labelEvery = Math.ceil(points.length / 10);
  return (
    <figure role="group" aria-label={title}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${PLOT_HEIGHT + 24}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {unit} on each of {points.length} days, from {points[0].day} to{' '}
          {points[points.length - 1].day}.
        </desc>
        <text x={AXIS - 4} y={10} textAnchor="end" fontSize={10}>
          {top}
        </text>
        <text x={AXIS - 4} y={PLOT_HEIGHT} textAnchor="end" fontSize={10}>
          0
        </text>
        <line x1={AXIS} y1={PLOT_HEIGHT} x2={width} y2={PLOT_HEIGHT} stroke="#8e8ea9" />
        <polyline
          fill="none"
          stroke="#4945ff"
          strokeWidth={2}
          points={points.map((point, index) => `${xOf(index)},${yOf(point.value)}`).join(' ')}
        />
        {points.map((point, index) => (
          <circle
            key={point.day}
            data-day={point.day}
            cx={xOf(index)}
            cy={yOf(point.value)}
            r={3}
            fill="#4945ff"
          />
        ))}
        {points.map((point, index) =>
          index % labelEvery === 0 ? (
            <text
              key={point.day}
              x={xOf(index)}
              y={PLOT_HEIGHT + 14}
              textAnchor="middle"
              fontSize={10}
            >
              {shortDay(point.day)}
            </text>
          ) : null
        )}
      </svg>
      <ChartTable
        caption={title}
        columns={['День', unit]}
        rows={points.map((point) => [point.day, point.value])}
      />
    </figure>
  );
};
