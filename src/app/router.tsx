import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { data, type LoaderFunction, type RouteObject } from 'react-router';
import type { Permission } from '@domain/rules/permissions';
import { meQueryOptions } from '@/api/session';
import { canInAnyProgramme } from '@/lib/access';
import { RouteLoading } from '@/components/loading-state';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { NotFoundPage } from './not-found-page';
import { paths } from '@/lib/paths';
import { RootError, RouteError } from './route-error';
import { requireSession } from './session-gate';

/** What every lazy route module exports: a loader factory and the screen. */
export interface RouteModule {
  loader: (queryClient: QueryClient) => LoaderFunction;
  Component: ComponentType;
}

const lazyRoute =
  (queryClient: QueryClient, load: () => Promise<RouteModule>, permission?: Permission) =>
  async () => {
    const { loader, Component } = await load();
    const screenLoader = loader(queryClient);
    if (!permission) return { loader: screenLoader, Component };
    const guarded: LoaderFunction = async (args) => {
      // The layout's loader runs beside this one: both wait for the same `me` query.
      const me = await queryClient.ensureQueryData(meQueryOptions());
      if (!canInAnyProgramme(me, permission)) {
        // React Router's way to answer a status from a loader is to throw it.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw data(null, { status: 403 });
      }
      return screenLoader(args);
    };
    return { loader: guarded, Component };
  };

/**
 * The route tree, shared by the browser router and the tests' memory router. Screens are lazy
 * chunks; HydrateFallback is declared here (not in the chunk) so it shows while the chunk loads.
 * Two branches: the sign-in and invitation pages, open to anyone, and everything else behind
 * the session gate.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const page = (
    { path, permission }: { path: string; permission?: Permission },
    load: () => Promise<RouteModule>,
  ): RouteObject => ({
    path,
    lazy: lazyRoute(queryClient, load, permission),
    HydrateFallback: RouteLoading,
  });
  return [
    {
      Component: PublicLayout,
      ErrorBoundary: RootError,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            page(paths.login, () => import('./routes/login')),
            page(paths.accept, () => import('./routes/accept')),
          ],
        },
      ],
    },
    {
      loader: requireSession(queryClient),
      HydrateFallback: RouteLoading,
      Component: AppLayout,
      ErrorBoundary: RootError,
      children: [
        {
          // Pathless: errors of any screen render inside the layout, navigation stays usable.
          ErrorBoundary: RouteError,
          children: [
            page(paths.portfolio, () => import('./routes/portfolio')),
            page(paths.heatmap, () => import('./routes/heatmap')),
            page(paths.consortia, () => import('./routes/consortia')),
            page(paths.consortium, () => import('./routes/consortium')),
            page(paths.reviews, () => import('./routes/reviews')),
            page(paths.milestone, () => import('./routes/milestone')),
            page(paths.timeline, () => import('./routes/timeline')),
            page(paths.kpis, () => import('./routes/kpis')),
            page(paths.kpiCross, () => import('./routes/kpi-cross')),
            page(paths.kpiEntry, () => import('./routes/kpi-entry')),
            page(paths.kpiDetail, () => import('./routes/kpi-detail')),
            page(paths.reports, () => import('./routes/reports')),
            page(paths.admin, () => import('./routes/admin')),
            page(paths.users, () => import('./routes/users')),
            page(paths.milestoneTemplate, () => import('./routes/milestone-template')),
            page(paths.activity, () => import('./routes/activity')),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}
