import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { DailyBars, HorizontalBars, LineSeries } from '..';

const attributesOf = (markup: string, selector: RegExp) =>
  [...markup.matchAll(selector)].map((match) => match[0]);
const numberIn = (tag: string, attribute: string) =>
  Number(new RegExp(`${attribute}="([\\d.]+)"`).exec(tag)![1]);

describe('DailyBars', () => {
  const days = [
    { day: '2026-12-01', opened: 8, closed: 2 },
    { day: '2026-12-02', opened: 4, closed: 6 },
  ];
  const markup = renderToStaticMarkup(
    createElement(DailyBars, { days, title: 'Opened and closed' })
  );

  it('draws bars as tall as their values, on one scale for both series', () => {
    const bars = attributesOf(markup, /<rect[^>]*data-series="[^"]+"[^>]*>/g);
    const height = (series: string, day: string) =>
      numberIn(
        bars.find(
          (bar) => bar.includes(`data-series="${series}"`) && bar.includes(`data-day="${day}"`)
        )!,
        'height'
      );
    expect(bars).toHaveLength(4);
    expect(height('opened', '2026-12-01') / height('closed', '2026-12-01')).toBeCloseTo(4);
    expect(height('opened', '2026-12-01') / height('opened', '2026-12-02')).toBeCloseTo(2);
    expect(height('closed', '2026-12-02') / height('opened', '2026-12-02')).toBeCloseTo(1.5);
  });

  it('labels the axis, the legend and describes itself with a title, desc and a data table', () => {
    expect(markup).toContain('01.12');
    expect(markup).toContain('>Открыто<');
    expect(markup).toContain('>Закрыто<');
    expect(markup).toMatch(/<title id="[^"]+">Opened and closed<\/title>/);
    expect(markup).toMatch(/<desc[^>]*>.*2026-12-01.*2026-12-02/);
    expect(markup).toMatch(/<tr><th>2026-12-02<\/th><td>4<\/td><td>6<\/td><\/tr>/);
  });

  it('shows an empty state without data', () => {
    const empty = renderToStaticMarkup(
      createElement(DailyBars, { days: [], title: 'Opened and closed' })
    );
    expect(empty).toContain('data-empty-chart');
    expect(empty).not.toContain('<svg');
  });
});

describe('LineSeries', () => {
  it('places points at heights proportional to their values', () => {
    const markup = renderToStaticMarkup(
      createElement(LineSeries, {
        points: [
          { day: '2026-12-01', value: 50 },
          { day: '2026-12-02', value: 100 },
          { day: '2026-12-03', value: 0 },
        ],
        title: 'First response, minutes',
        unit: 'Minutes',
      })
    );
    const baseline = 160;
    const rise = attributesOf(markup, /<circle[^>]*>/g).map(
      (circle) => baseline - numberIn(circle, 'cy')
    );
    expect(rise[1] / rise[0]).toBeCloseTo(2);
    expect(rise[2]).toBe(0);
    expect(markup).toContain('<th scope="col">Minutes</th>');
  });
});

describe('HorizontalBars', () => {
  it('draws each group a bar as long as its backlog, with its name', () => {
    const backlog = [
      { group: { id: 3, slug: 'tech', name: 'Tech' }, count: 6 },
      { group: { id: 1, slug: 'billing', name: 'Billing' }, count: 3 },
    ];
    const markup = renderToStaticMarkup(
      createElement(HorizontalBars, { backlog, title: 'Backlog by group' })
    );
    const [tech, billing] = attributesOf(markup, /<rect[^>]*data-group[^>]*>/g);
    expect(numberIn(tech, 'width') / numberIn(billing, 'width')).toBeCloseTo(2);
    expect(markup).toContain('>Tech<');
    expect(markup).toContain('>Billing<');
    expect(
      renderToStaticMarkup(createElement(HorizontalBars, { backlog: [], title: 'Backlog' }))
    ).toContain('data-empty-chart');
  });
});
