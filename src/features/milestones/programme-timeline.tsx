import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IsoDate } from '@domain/contract/common';
import type { Milestone } from '@domain/contract/milestone';
import { daysLate, isLate } from '@domain/rules/milestone-health';
import { Icon } from '@/components/icons';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useLocale } from '@/lib/use-locale';
import type { TimelineGroup } from './timeline-groups';
import { timelineScale, timelineTicks, type TimelineScale, type Zoom } from './timeline-scale';

interface ProgrammeTimelineProps {
  groups: TimelineGroup[];
  bounds: { startDate: IsoDate; endDate: IsoDate };
  today: IsoDate;
  zoom: Zoom;
}

/**
 * One row per milestone, grouped by consortium: the baseline as an outlined bar, the forecast as
 * a filled one, the actual date as a diamond, and today as a line. Each row's bars are one link
 * whose name reads every date, so the chart is usable by keyboard and screen reader alone.
 */
export function ProgrammeTimeline({ groups, bounds, today, zoom }: ProgrammeTimelineProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const all = groups.flatMap((g) => g.milestones);
  const scale = timelineScale(all, { ...bounds, today }, zoom);
  const ticks = timelineTicks(scale, zoom);
  const todayX = scale.x(today);
  const trackStyle = { width: `${scale.width}px` } satisfies CSSProperties;
  const regionRef = useRef<HTMLDivElement>(null);

  // Opens on today (a third from the left), where the reader's attention is, at either zoom.
  useEffect(() => {
    const region = regionRef.current;
    const label = region?.querySelector<HTMLElement>('.tl-label');
    if (!region || !label) return;
    const visible = region.clientWidth - label.offsetWidth;
    region.scrollLeft = Math.max(0, todayX - visible / 3);
  }, [todayX]);

  return (
    <div
      ref={regionRef}
      className={`timeline timeline-${zoom}`}
      role="region"
      tabIndex={0}
      aria-label={t('programmeTimeline.chartLabel')}
    >
      <div className="tl-row tl-axis" aria-hidden="true">
        <div className="tl-label" />
        <div className="tl-track" style={trackStyle}>
          {ticks.labels.map((tick) => (
            <span key={`l${tick.x}`} className="tl-tick-label" style={{ left: `${tick.x}px` }}>
              {tick.quarter === null
                ? tick.year
                : t('programmeTimeline.quarter', { quarter: tick.quarter, year: tick.year })}
            </span>
          ))}
          <span className="tl-today-label" style={{ left: `${todayX}px` }}>
            {t('programmeTimeline.today')}
          </span>
        </div>
      </div>
      {groups.map((group) => (
        <div key={group.consortium.id} className="tl-group">
          <h2 className="tl-row tl-group-head">
            <span className="tl-label">{group.consortium.name}</span>
            <span className="tl-track" style={trackStyle} aria-hidden="true">
              <Grid lines={ticks.lines} todayX={todayX} />
            </span>
          </h2>
          <ul className="tl-list">
            {group.milestones.map((m) => (
              <li key={m.id} className="tl-row">
                <div className="tl-label">
                  <span className="ms-code">{m.code}</span>{' '}
                  <span className="tl-title">{m.title[locale]}</span>
                  {isLate(m, today) ? (
                    <span className="tl-late">
                      <Icon name="warning" />
                      {t('milestoneHealth.lateBy', { count: daysLate(m, today) })}
                    </span>
                  ) : null}
                </div>
                <div className="tl-track" style={trackStyle}>
                  <Grid lines={ticks.lines} todayX={todayX} />
                  <Bars
                    milestone={m}
                    consortiumName={group.consortium.name}
                    scale={scale}
                    late={isLate(m, today)}
                  />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function Grid({
  lines,
  todayX,
}: {
  lines: ReturnType<typeof timelineTicks>['lines'];
  todayX: number;
}) {
  return (
    <>
      {lines.map((line) => (
        <span
          key={line.x}
          className={line.major ? 'tl-line tl-line-major' : 'tl-line'}
          style={{ left: `${line.x}px` }}
        />
      ))}
      <span className="tl-today" style={{ left: `${todayX}px` }} />
    </>
  );
}

/** Room around the bars inside the link, for the actual-date diamond and the focus ring. */
const MARGIN = 8;

function Bars({
  milestone: m,
  consortiumName,
  scale,
  late,
}: {
  milestone: Milestone;
  consortiumName: string;
  scale: TimelineScale;
  late: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (d: IsoDate | null) => (d ? formatDate(d, locale) : t('programmeTimeline.noDate'));
  // The link spans every mark of the row (plus a margin for the diamond), and the marks are
  // placed inside it, so its focus ring surrounds exactly what it stands for.
  const start = scale.x(m.startDate);
  const ends = [m.forecastDate, m.baselineDate, m.actualDate].filter((d): d is IsoDate => !!d);
  const right = Math.max(...ends.map((d) => scale.x(d)));
  const origin = start - MARGIN;
  const span = (end: IsoDate) => ({
    left: `${MARGIN}px`,
    width: `${Math.max(4, scale.x(end) - start)}px`,
  });
  const name = t('programmeTimeline.barLabel', {
    code: m.code,
    title: m.title[locale],
    consortium: consortiumName,
    status: t(`milestoneStatus.${m.status}`),
    start: date(m.startDate),
    baseline: date(m.baselineDate),
    forecast: date(m.forecastDate),
    actual: date(m.actualDate),
  });
  return (
    <Link
      to={paths.milestone.getHref(m.id)}
      className={late ? 'tl-bars is-late' : 'tl-bars'}
      style={{ left: `${origin}px`, width: `${Math.max(4, right - start) + 2 * MARGIN}px` }}
      aria-label={late ? `${name} ${t('programmeTimeline.lateSuffix')}` : name}
    >
      {m.baselineDate ? <span className="tl-baseline" style={span(m.baselineDate)} /> : null}
      <span className={`tl-forecast tl-status-${m.status}`} style={span(m.forecastDate)} />
      {m.actualDate ? (
        <span className="tl-actual" style={{ left: `${scale.x(m.actualDate) - origin}px` }} />
      ) : null}
    </Link>
  );
}
