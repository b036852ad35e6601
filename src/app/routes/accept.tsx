import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { tokenQueryOptions } from '@/api/auth';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/page-header';
import { AcceptForm } from '@/features/auth/accept-form';
import { paths } from '@/lib/paths';

/** Unknown, used and expired links all read as one "invalid link" answer (404, or 400 if malformed). */
const TOKEN_UNUSABLE = new Set([400, 404]);

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(tokenQueryOptions(params.token ?? ''));
      return { usable: true };
    } catch (error) {
      if (isApiError(error) && TOKEN_UNUSABLE.has(error.status)) return { usable: false };
      throw error;
    }
  };

export function Component() {
  const { token = '' } = useParams();
  const { usable } = useLoaderData<{ usable: boolean }>();
  return usable ? <AcceptScreen token={token} /> : <InvalidLink />;
}

function AcceptScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const info = useSuspenseQuery(tokenQueryOptions(token)).data;
  const invitation = info.kind === 'invitation';
  return (
    <div className="auth-page">
      <PageHeader title={invitation ? t('accept.title') : t('accept.titleReset')}>
        <p>
          {invitation
            ? t('accept.intro', { email: info.email })
            : t('accept.introReset', { email: info.email })}
        </p>
      </PageHeader>
      <AcceptForm
        token={token}
        info={info}
        onAccepted={(me) => void navigate(me.homePath, { replace: true })}
      />
    </div>
  );
}

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <div className="auth-page" role="alert">
      <PageHeader title={t('accept.invalid.title')}>
        <p>{t('accept.invalid.body')}</p>
      </PageHeader>
      <Link className="button button-primary" to={paths.login.getHref()}>
        {t('accept.invalid.signIn')}
      </Link>
    </div>
  );
}
