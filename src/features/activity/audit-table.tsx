import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@domain/contract/reporting';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import type { EntityNames } from './sentence-parts';
import { useDescribeEntry } from './describe-entry';

interface AuditTableProps {
  entries: AuditEntry[];
  names: EntityNames;
  caption: string;
  captionId: string;
}

/** When, and what happened as a sentence with its further changes: Activity and History share it. */
export function AuditTable({ entries, names, caption, captionId }: AuditTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const describe = useDescribeEntry(names);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table audit-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.when')}</th>
            <th scope="col">{t('activity.what')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { sentence, details } = describe(entry);
            return (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                </td>
                <th scope="row" className="audit-what">
                  <span className="audit-sentence">{sentence}</span>
                  {details.length === 0 ? null : (
                    <ul className="audit-details">
                      {details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </th>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
