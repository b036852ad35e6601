import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { IsoDate } from '@domain/contract/common';
import { portfolioQueryOptions } from '@/api/portfolio';
import { ensureCurrentProgramme, useCurrentProgramme } from '@/api/programmes';
import { NoProgramme } from '@/components/no-programme';
import { PortfolioView } from '@/features/portfolio/portfolio-view';

/** `?asOf=YYYY-MM-DD` replays the portfolio at a past date; anything else means today. */
function asOfFrom(params: URLSearchParams): string | undefined {
  const parsed = IsoDate.safeParse(params.get('asOf'));
  return parsed.success ? parsed.data : undefined;
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const programme = await ensureCurrentProgramme(queryClient);
    if (programme) {
      await queryClient.ensureQueryData(
        portfolioQueryOptions(programme.id, asOfFrom(new URL(request.url).searchParams)),
      );
    }
    return null;
  };

export function Component() {
  const { t } = useTranslation();
  const programme = useCurrentProgramme();
  const [searchParams] = useSearchParams();
  if (!programme) return <NoProgramme title={t('nav.portfolio')} />;
  return <PortfolioView programmeId={programme.id} asOf={asOfFrom(searchParams)} />;
}
