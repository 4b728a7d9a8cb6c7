import { useId } from 'react';

import type { SupportStats } from '../../../shared/contracts';
import { ChartTable } from './ChartTable';
import { niceMax } from './chart-scale';
import { EmptyChart } from './EmptyChart';

const LABEL = 120;
const PLOT_WIDTH = 240;
const ROW = 24;

/** The open backlog of each group as horizontal bars, labelled with the group and its count. */
export const HorizontalBars = ({
  backlog,
  title,
}: {
  backlog: SupportStats['backlogByGroup'];
  title: string;
}) => {
  const id = useId();
  if (backlog.length === 0) return <EmptyChart title={title} />;
  const top = niceMax(Math.max(...backlog.map((row) => row.count)));
  const width = LABEL + PLOT_WIDTH + 40;
  return (
    <figure role="group" aria-label={title}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${backlog.length * ROW}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>Open tickets in each of {backlog.length} groups.</desc>
        {backlog.map((row, index) => {
          const barWidth = (row.count / top) * PLOT_WIDTH;
          return (
            <g key={row.group.id} transform={`translate(0, ${index * ROW})`}>
              <text x={LABEL - 6} y={ROW / 2 + 4} textAnchor="end" fontSize={11}>
                {row.group.name}
              </text>
              <rect
                data-group={row.group.slug}
                x={LABEL}
                y={4}
                width={barWidth}
                height={ROW - 8}
                fill="#4945ff"
              />
              <text x={LABEL + barWidth + 6} y={ROW / 2 + 4} fontSize={11}>
                {row.count}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption={title}
        columns={['Группа', 'В работе']}
        rows={backlog.map((row) => [row.group.name, row.count])}
      />
    </figure>
  );
};
