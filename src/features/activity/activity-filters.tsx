import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityFilters } from '@/api/audit';
import { AuditAction } from '@domain/contract/reporting';
import type { fr } from '@/locales/messages-fr';

type ActionKey = keyof typeof fr.audit.actionName;

interface ActivityFiltersProps {
  filters: ActivityFilters;
  consortia: { id: string; name: string }[];
  people: { id: string; name: string }[];
  clearHref: string;
  /** The non-empty fields, to be written into the URL. */
  onApply: (params: Record<string, string>) => void;
}

/**
 * Submitting writes the filters into the URL, so a filtered view can be bookmarked and shared,
 * and the route loader reads the same parameters. Empty fields are left out of the URL.
 */
export function ActivityFiltersForm({
  filters,
  consortia,
  people,
  clearHref,
  onApply,
}: ActivityFiltersProps) {
  const { t } = useTranslation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params: Record<string, string> = {};
    for (const [k, v] of new FormData(event.currentTarget))
      if (typeof v === 'string' && v) params[k] = v;
    onApply(params);
  };
  // Keyed on the filters so the fields show the URL's values after back/forward.
  return (
    <form
      className="filters panel"
      aria-label={t('activity.filters')}
      key={JSON.stringify(filters)}
      onSubmit={onSubmit}
    >
      <div className="filters-grid">
        <Select name="consortiumId" label={t('activity.consortium')} value={filters.consortiumId}>
          {consortia.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select name="actorId" label={t('activity.person')} value={filters.actorId}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select name="action" label={t('activity.action')} value={filters.action}>
          {AuditAction.options.map((a) => (
            <option key={a} value={a}>
              {t(`audit.actionName.${a.replace('.', '_') as ActionKey}`)}
            </option>
          ))}
        </Select>
        <div className="field">
          <label htmlFor="activity-from" className="field-label">
            {t('activity.from')}
          </label>
          <input
            id="activity-from"
            className="input"
            type="date"
            name="from"
            defaultValue={filters.from}
          />
        </div>
        <div className="field">
          <label htmlFor="activity-to" className="field-label">
            {t('activity.to')}
          </label>
          <input
            id="activity-to"
            className="input"
            type="date"
            name="to"
            defaultValue={filters.to}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('activity.apply')}
        </button>
        <Link className="button" to={clearHref}>
          {t('activity.clear')}
        </Link>
      </div>
    </form>
  );
}

function Select({
  name,
  label,
  value,
  children,
}: {
  name: string;
  label: string;
  value: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `activity-${name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="input" name={name} defaultValue={value ?? ''}>
        <option value="">{t('common.all')}</option>
        {children}
      </select>
    </div>
  );
}
