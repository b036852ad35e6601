import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/page-header';
import { NotFoundPage } from './not-found-page';
import { paths } from '@/lib/paths';
import { SessionExpired } from './session-gate';

type Problem =
  'not_found' | 'network' | 'unexpected' | 'unauthenticated' | 'forbidden' | 'server' | 'unknown';

function classify(error: unknown): Problem {
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) return 'forbidden';
    return error.status === 404 ? 'not_found' : 'unknown';
  }
  if (!isApiError(error)) return 'unknown';
  if (error.kind === 'network') return 'network';
  if (error.kind === 'unexpected_response') return 'unexpected';
  if (error.status === 404) return 'not_found';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 403) return 'forbidden';
  return error.status >= 500 ? 'server' : 'unknown';
}

/** Problems a second attempt may fix get a retry button; the others get a way out. */
const RETRYABLE: ReadonlySet<Problem> = new Set(['network', 'server', 'unexpected', 'unknown']);

function technicalDetail(error: unknown): string | null {
  if (isApiError(error))
    return [error.status || null, error.code, error.message].filter(Boolean).join(' · ');
  return error instanceof Error ? error.message : null;
}

function RetryButton() {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const { reset } = useQueryErrorResetBoundary();
  const busy = revalidator.state === 'loading';
  return (
    <button
      type="button"
      className="button button-primary"
      disabled={busy}
      onClick={() => {
        // Clear React Query's error so suspense queries fetch again, then re-run the loaders.
        reset();
        void revalidator.revalidate();
      }}
    >
      {busy ? t('common.loading') : t('common.retry')}
    </button>
  );
}

/** Maps whatever a screen threw to a message a programme manager understands. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const problem = classify(error);
  if (problem === 'not_found') {
    return isApiError(error) ? <ResourceNotFound /> : <NotFoundPage />;
  }
  if (problem === 'unauthenticated') return <SessionExpired />;
  const detail = technicalDetail(error);
  return (
    <section className="error-state" role="alert">
      <PageHeader title={t(`errors.${problem}.title`)}>
        <p>{t(`errors.${problem}.body`)}</p>
      </PageHeader>
      <div className="actions">
        {RETRYABLE.has(problem) ? <RetryButton /> : null}
        <Link className="button" to={paths.portfolio.getHref()}>
          {t('common.backHome')}
        </Link>
      </div>
      {detail ? (
        <details className="error-detail">
          <summary>{t('errors.technical')}</summary>
          <code>{detail}</code>
        </details>
      ) : null}
    </section>
  );
}

function ResourceNotFound() {
  const { t } = useTranslation();
  return (
    <section className="error-state">
      <PageHeader title={t('errors.resourceNotFound.title')}>
        <p>{t('errors.resourceNotFound.body')}</p>
      </PageHeader>
      <div className="actions">
        <Link className="button button-primary" to={paths.consortia.getHref()}>
          {t('common.backConsortia')}
        </Link>
        <Link className="button" to={paths.portfolio.getHref()}>
          {t('common.backHome')}
        </Link>
      </div>
    </section>
  );
}

/** Last resort when the layout itself failed: no navigation, just a way to start over. */
export function RootError() {
  const { t } = useTranslation();
  return (
    <main className="root-error" role="alert">
      <h1>{t('errors.unknown.title')}</h1>
      <p>{t('errors.unknown.body')}</p>
      <a className="button button-primary" href="/">
        {t('common.backHome')}
      </a>
    </main>
  );
}
