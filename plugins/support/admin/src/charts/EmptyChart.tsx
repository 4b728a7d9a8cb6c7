export const EmptyChart = ({ title }: { title: string }) => (
  <figure role="group" aria-label={title}>
    <figcaption>{title}</figcaption>
    <p data-empty-chart>No data for this period yet.</p>
  </figure>
);
