import { visuallyHidden } from './visually-hidden';

/** The numbers of a chart as a table for screen readers. */
export const ChartTable = ({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) => (
  <table style={visuallyHidden}>
    <caption>{caption}</caption>
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr key={String(row[0])}>
          {row.map((cell, index) =>
            index === 0 ? <th key={index}>{cell}</th> : <td key={index}>{cell}</td>
          )}
        </tr>
      ))}
    </tbody>
  </table>
);
