import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consortium } from '@domain/contract/consortium';
import type { ConsortiumKpi, KpiDefinition } from '@domain/contract/kpi';
import { smallCountLabel } from '@domain/rules/small-counts';
import { formatNumber, formatPeriod } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { SettingsForm } from './settings-form';

interface SettingsPanelProps {
  kpi: KpiDefinition;
  consortium: Consortium;
  settings: ConsortiumKpi | null;
  /** From the shared canSetTargets rule: the server refuses the others anyway. */
  canEdit: boolean;
  /** A small baseline reaches observers without its value: it reads "< 10" like any count. */
  smallCountThreshold: number;
}

/** The consortium's own baseline, trajectory and bands for this KPI, editable by who may. */
export function SettingsPanel(props: SettingsPanelProps) {
  const { kpi, consortium, settings, canEdit, smallCountThreshold } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const fmt = (n: number) => formatNumber(n, kpi, locale);

  const tolerance = settings?.tolerance;
  const threshold = (n: number) =>
    tolerance?.mode === 'relative'
      ? t('kpiSettings.relativeValue', {
          percent: formatNumber(n * 100, { unit: 'count', decimals: 0, ratePer: null }, locale),
        })
      : fmt(n);
  return (
    <section className="panel" aria-labelledby="kpi-settings-heading">
      <h2 id="kpi-settings-heading">{t('kpiSettings.heading')}</h2>
      {editing ? (
        <SettingsForm
          kpi={kpi}
          consortium={consortium}
          settings={settings}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="facts facts-grid">
            <div className="fact">
              <dt>{t('kpiSettings.baseline')}</dt>
              <dd>
                {settings?.baseline
                  ? t('kpiSettings.baselineText', {
                      value:
                        settings.baseline.value === null
                          ? smallCountLabel(smallCountThreshold)
                          : fmt(settings.baseline.value),
                      period: formatPeriod(settings.baseline.period, locale),
                      source: settings.baseline.source || t('common.notSet'),
                    })
                  : t('common.notSet')}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('kpiSettings.targets')}</dt>
              <dd>
                {settings && settings.targets.length > 0 ? (
                  <ul className="plain-list">
                    {settings.targets.map((p) => (
                      <li key={p.period}>
                        {t('kpiSettings.targetText', {
                          period: formatPeriod(p.period, locale),
                          value: fmt(p.value),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.notSet')
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('kpiSettings.tolerance')}</dt>
              <dd>
                {tolerance
                  ? t('kpiSettings.toleranceText', {
                      amber: threshold(tolerance.amber),
                      red: threshold(tolerance.red),
                    })
                  : t('common.notSet')}
              </dd>
            </div>
          </dl>
          {canEdit ? (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing(true);
                  setSaved(false);
                }}
              >
                {settings ? t('kpiSettings.edit') : t('kpiSettings.create')}
              </button>
            </div>
          ) : null}
        </>
      )}
      <p role="status" className="edit-status">
        {saved ? t('kpiSettings.saved') : null}
      </p>
    </section>
  );
}
