import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition, KpiValue, KpiValueInput } from '@domain/contract/kpi';
import { computeValue } from '@domain/rules/kpi-values';
import { formatDateTime, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { Modal } from './modal';
import { ValueText } from '@/components/value-text';

interface CellConflictProps {
  kpi: KpiDefinition;
  period: string;
  /** What is stored now: someone saved it after the user opened the cell. */
  theirs: KpiValue;
  /** What the user tried to save. */
  mine: KpiValueInput;
  smallCountThreshold: number;
  onApplyMine: () => void;
  onKeepTheirs: () => void;
}

/**
 * Someone saved the cell first (412): both values side by side, nothing written until the user
 * picks one. Applying theirs costs nothing; applying mine makes a new revision over theirs.
 */
export function CellConflict(props: CellConflictProps) {
  const { kpi, period, theirs, mine, smallCountThreshold, onApplyMine, onKeepTheirs } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const mineShown = {
    value: computeValue(kpi, mine),
    numerator: mine.numerator ?? null,
    denominator: mine.denominator ?? null,
    suppressed: false,
  };
  const quality = (provisional: boolean) =>
    provisional ? t('kpiEntry.provisional') : t('kpiEntry.final');
  return (
    <Modal titleId={titleId} onClose={onKeepTheirs} className="cell-editor">
      <h2 id={titleId} className="dialog-title">
        {t('kpiEntry.conflict.title')}
      </h2>
      <p>
        {t('kpiEntry.conflict.body', {
          kpi: kpi.name[locale],
          period: formatPeriod(period, locale),
        })}
      </p>
      <div className="table-wrap">
        <table className="table conflict-table">
          <caption className="visually-hidden">{t('kpiEntry.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpiEntry.conflict.field')}</th>
              <th scope="col">{t('kpiEntry.conflict.theirs', { name: theirs.enteredBy })}</th>
              <th scope="col">{t('kpiEntry.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('kpiEntry.conflict.value')}</th>
              <td>
                <ValueText value={theirs} kpi={kpi} smallCountThreshold={smallCountThreshold} />
              </td>
              <td>
                <ValueText value={mineShown} kpi={kpi} smallCountThreshold={smallCountThreshold} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('kpiEntry.conflict.source')}</th>
              <td>{theirs.source}</td>
              <td>{mine.source}</td>
            </tr>
            <tr>
              <th scope="row">{t('kpiEntry.conflict.quality')}</th>
              <td>{quality(theirs.provisional)}</td>
              <td>{quality(mine.provisional)}</td>
            </tr>
            <tr>
              <th scope="row">{t('kpiEntry.conflict.when')}</th>
              <td>{formatDateTime(theirs.enteredAt, locale)}</td>
              <td>{t('kpiEntry.conflict.notSaved')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onApplyMine}>
          {t('kpiEntry.conflict.apply')}
        </button>
        <button type="button" className="button" onClick={onKeepTheirs} data-autofocus>
          {t('kpiEntry.conflict.keep')}
        </button>
      </div>
    </Modal>
  );
}
