import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsortiumCard as Card } from '@domain/contract/portfolio';
import { KpiStatus } from '@domain/contract/kpi';
import { paths } from '@/lib/paths';
import { FactList } from '@/components/fact-list';
import { ProgressBar } from '@/components/progress-bar';
import { HealthBadge, KpiStatusBadge, MilestoneStatusBadge } from '@/components/status-badges';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

/** One consortium at a glance: health and why, milestone progress, what is due next, KPI mix. */
export function ConsortiumCard({ card }: { card: Card }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { approved, planned, late, awaitingReview } = card.milestones;
  const percent = planned > 0 ? Math.round((approved / planned) * 100) : 0;
  const headingId = `card-${card.id}`;
  return (
    <article className={`card consortium-card health-${card.health}`} aria-labelledby={headingId}>
      <header className="card-header">
        <h3 id={headingId} className="card-title">
          <Link to={paths.consortium.getHref(card.id)}>{card.name}</Link>
        </h3>
        <p className="card-subtitle">{card.solution}</p>
      </header>
      <div className="card-health">
        <HealthBadge health={card.health} />
        {card.healthReasons.length > 0 ? (
          <ul className="reasons" aria-label={t('health.reasons')}>
            {card.healthReasons.map((r) => (
              <li key={r.code}>{t(`healthReason.${r.code}`, { count: r.count })}</li>
            ))}
          </ul>
        ) : (
          <p className="reasons muted">{t('health.noReason')}</p>
        )}
      </div>
      <FactList
        facts={[
          {
            label: t('card.lead'),
            value: card.lead
              ? `${card.lead.name} (${t(`organisationType.${card.lead.type}`)})`
              : t('card.noLead'),
          },
          {
            label: t('card.milestonesApproved'),
            value: (
              <ProgressBar
                percent={percent}
                label={t('card.approvedOfPlanned', { approved, planned })}
              />
            ),
          },
          {
            label: t('card.late'),
            value: <span className={late > 0 ? 'text-danger' : undefined}>{late}</span>,
          },
          { label: t('card.awaitingReview'), value: awaitingReview },
          {
            label: t('card.nextDue'),
            value: card.nextDue ? (
              <span className="next-due">
                <span>{card.nextDue.title[locale]}</span>
                <span className="muted">{formatDate(card.nextDue.forecastDate, locale)}</span>
                <MilestoneStatusBadge status={card.nextDue.status} />
              </span>
            ) : (
              t('card.noNextDue')
            ),
          },
        ]}
      />
      <div className="card-kpis">
        <h4 className="card-kpis-title">{t('card.kpis')}</h4>
        <ul className="kpi-counts">
          {KpiStatus.options.map((s) => (
            <li key={s}>
              <KpiStatusBadge status={s} count={card.kpis[s]} />
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
