import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunction, RouteObject } from 'react-router';
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

const lazyRoute = (queryClient: QueryClient, load: () => Promise<RouteModule>) => async () => {
  const { loader, Component } = await load();
  return { loader: loader(queryClient), Component };
};

/**
 * The route tree, shared by the browser router and the tests' memory router. Screens are lazy
 * chunks; HydrateFallback is declared here (not in the chunk) so it shows while the chunk loads.
 * Two branches: the sign-in and invitation pages, open to anyone, and everything else behind
 * the session gate.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const page = (path: string, load: () => Promise<RouteModule>): RouteObject => ({
    path,
    lazy: lazyRoute(queryClient, load),
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
            page(paths.login.path, () => import('./routes/login')),
            page(paths.accept.path, () => import('./routes/accept')),
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
            page(paths.portfolio.path, () => import('./routes/portfolio')),
            page(paths.consortia.path, () => import('./routes/consortia')),
            page(paths.consortium.path, () => import('./routes/consortium')),
            page(paths.reviews.path, () => import('./routes/reviews')),
            page(paths.milestone.path, () => import('./routes/milestone')),
            page(paths.timeline.path, () => import('./routes/timeline')),
            page(paths.kpis.path, () => import('./routes/kpis')),
            page(paths.kpiCross.path, () => import('./routes/kpi-cross')),
            page(paths.kpiEntry.path, () => import('./routes/kpi-entry')),
            page(paths.kpiDetail.path, () => import('./routes/kpi-detail')),
            page(paths.reports.path, () => import('./routes/reports')),
            page(paths.admin.path, () => import('./routes/admin')),
            page(paths.users.path, () => import('./routes/users')),
            page(paths.milestoneTemplate.path, () => import('./routes/milestone-template')),
            page(paths.activity.path, () => import('./routes/activity')),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}
