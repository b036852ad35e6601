/** Every path the app links to, so links never hard-code strings. */
export const paths = {
  portfolio: { path: '/', getHref: () => '/' },
  consortia: { path: '/consortia', getHref: () => '/consortia' },
  consortium: {
    path: '/consortia/:consortiumId',
    getHref: (consortiumId: string) => `/consortia/${encodeURIComponent(consortiumId)}`,
  },
  reviews: { path: '/reviews', getHref: () => '/reviews' },
  kpis: { path: '/kpis', getHref: () => '/kpis' },
  reports: { path: '/reports', getHref: () => '/reports' },
  admin: { path: '/admin', getHref: () => '/admin' },
} as const;
