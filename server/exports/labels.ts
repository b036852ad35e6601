import type { HeatmapKpi, Locale } from '../../src/domain/contract';
import type { ExportLabels } from '../../src/domain/rules';
import coreEn from '../../src/locales/en.json';
import exportsEn from '../../src/locales/exports.en.json';
import exportsFr from '../../src/locales/exports.fr.json';
import coreFr from '../../src/locales/fr.json';

/*
 * The words of an export, from the same catalogues the screens read: a status word in the file is
 * the one the reader sees on the heatmap. Plain lookups, no i18next: nothing here is plural.
 */
const catalogues = {
  fr: { core: coreFr, exports: exportsFr.periodExports },
  en: { core: coreEn, exports: exportsEn.periodExports },
} as const;

export function exportLabels(locale: Locale): ExportLabels {
  const { core, exports } = catalogues[locale];
  return {
    locale,
    sheets: exports.sheets,
    columns: exports.columns,
    milestoneStatus: core.milestoneStatus,
    kpiStatus: core.kpiStatus,
    hiddenStatus: exports.hiddenStatus,
    unit: (kpi: HeatmapKpi) =>
      kpi.unit === 'rate' && kpi.ratePer !== null
        ? core.unit.ratePer.replace('{{per}}', String(kpi.ratePer))
        : core.unit[kpi.unit],
    yes: exports.yes,
    no: exports.no,
  };
}
