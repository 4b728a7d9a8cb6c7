import { PAGEVIEW } from '../../../shared/contracts';
import { SOURCE_DIMENSIONS, type Dimension } from '../storage/tables';
import { hourOf } from '../time/metrics-day';

/** A visit ends after this long without an event (and at midnight, when the visitor hash changes). */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** One raw event as the roll-up reads it from `metrics_events`. */
export interface RawEvent {
  id: number;
  at: number;
  visitor: string;
  name: string;
  path: string;
  referrer: string;
  utm_source: string;
  utm_campaign: string;
  device: string;
  browser: string;
  os: string;
  country: string;
}

/** A row of `metrics_daily` without its site and day. */
export interface FigureRow {
  dimension: Dimension;
  value: string;
  visitors: number;
  visits: number;
  pageviews: number;
  bounces: number;
  /** Milliseconds, summed over visits. */
  duration: number;
  events: number;
}

export interface HourRow {
  hour: string;
  visitors: number;
  pageviews: number;
}

/** '' is a real value only for the referrer (a direct visit); elsewhere it means "not known". */
const keepsEmpty = (dimension: Dimension) => dimension === 'referrer' || dimension === 'total';

const emptyRow = (dimension: Dimension, value: string): FigureRow => ({
  dimension,
  value,
  visitors: 0,
  visits: 0,
  pageviews: 0,
  bounces: 0,
  duration: 0,
  events: 0,
});

/**
 * The figures of one site's day, fed one visitor at a time (events sorted by time), so memory
 * grows with the distinct pages, referrers… of the day, never with its events.
 */
export const createDayFigures = (timeZone: string) => {
  const rows = new Map<string, FigureRow>();
  const hours = new Map<string, HourRow>();

  const rowOf = (dimension: Dimension, value: string) => {
    const key = `${dimension}\u0000${value}`;
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(dimension, value);
      rows.set(key, row);
    }
    return row;
  };

  const hourRowOf = (hour: string) => {
    let row = hours.get(hour);
    if (!row) {
      row = { hour, visitors: 0, pageviews: 0 };
      hours.set(hour, row);
    }
    return row;
  };

  /** Counts one visit (events of one visitor without a 30-minute gap). */
  const addVisit = (visit: RawEvent[], seen: Set<FigureRow>) => {
    const pageviews = visit.filter((event) => event.name === PAGEVIEW).length;
    const duration = visit[visit.length - 1].at - visit[0].at;
    const bounce = pageviews <= 1 ? 1 : 0;
    const entry = visit[0];
    const sourceRows = [
      rowOf('total', ''),
      ...SOURCE_DIMENSIONS.filter(
        (dimension) => entry[dimension] !== '' || keepsEmpty(dimension)
      ).map((dimension) => rowOf(dimension, entry[dimension])),
    ];
    for (const row of sourceRows) {
      row.visits += 1;
      row.pageviews += pageviews;
      row.bounces += bounce;
      row.duration += duration;
      seen.add(row);
    }
    // Pages: their views; visits are the visits that viewed them, bounces those that ended there.
    const pagesOfVisit = new Set<FigureRow>();
    for (const event of visit) {
      if (event.name === PAGEVIEW) {
        const page = rowOf('page', event.path);
        page.pageviews += 1;
        pagesOfVisit.add(page);
        seen.add(page);
      } else {
        const custom = rowOf('event', event.name);
        custom.events += 1;
        rowOf('total', '').events += 1;
        seen.add(custom);
      }
    }
    for (const page of pagesOfVisit) {
      page.visits += 1;
      page.bounces += bounce;
    }
  };

  return {
    /** One visitor's events of the day, sorted by time. */
    addVisitor(events: RawEvent[]) {
      if (events.length === 0) return;
      const seen = new Set<FigureRow>();
      let visit: RawEvent[] = [events[0]];
      for (const event of events.slice(1)) {
        if (event.at - visit[visit.length - 1].at > VISIT_GAP_MS) {
          addVisit(visit, seen);
          visit = [];
        }
        visit.push(event);
      }
      addVisit(visit, seen);
      for (const row of seen) row.visitors += 1;

      const hoursSeen = new Set<HourRow>();
      for (const event of events) {
        const hour = hourRowOf(hourOf(new Date(event.at), timeZone));
        hoursSeen.add(hour);
        if (event.name === PAGEVIEW) hour.pageviews += 1;
      }
      for (const hour of hoursSeen) hour.visitors += 1;
    },
    rows: () => [...rows.values()],
    hours: () => [...hours.values()],
  };
};
