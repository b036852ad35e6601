import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@domain/contract/reporting';
import { Icon } from '@/components/icons';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useDescribeEntry, type EntityNames } from './describe-entry';

interface AuditTableProps {
  entries: AuditEntry[];
  names: EntityNames;
  caption: string;
  captionId: string;
}

/** Who did what, when, and each changed field as "before → after": Activity and History share it. */
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
            <th scope="col">{t('activity.who')}</th>
            <th scope="col">{t('activity.what')}</th>
            <th scope="col">{t('activity.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const changes = describe.changes(entry);
            return (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                </td>
                <td>{describe.who(entry)}</td>
                <th scope="row" className="audit-what">
                  {describe.sentence(entry)}
                </th>
                <td>
                  {changes.length === 0 ? (
                    <span className="muted">{t('common.none')}</span>
                  ) : (
                    <dl className="changes">
                      {changes.map((c) => (
                        <div className="change" key={c.field}>
                          <dt>{c.label}</dt>
                          <dd>
                            {c.before === null ? null : (
                              <>
                                <span className="change-before">{c.before}</span>
                                <Icon name="arrow-right" className="change-arrow" />
                                <span className="visually-hidden"> {t('audit.becomes')} </span>
                              </>
                            )}
                            <span className="change-after">{c.after}</span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
