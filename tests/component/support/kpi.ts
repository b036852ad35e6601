import { screen, within } from '@testing-library/react';
import { http, type HttpResponseResolver } from 'msw';
import { targetAt } from '@domain/rules/kpi-status';
import { currentValueOf } from '@server/db/queries';
import { demo, mockApi } from '@tests/support/mock-api';
import { demoConsortium } from './demo';

/** Coord@Dom's PAT_INC: a monthly count with a relative tolerance (amber 10 %, red 25 %). */
export function patInc() {
  const consortium = demoConsortium(0);
  const kpi = demo.kpis.find((k) => k.code === 'PAT_INC')!;
  const settings = demo.consortiumKpis.find(
    (s) => s.consortiumId === consortium.id && s.kpiId === kpi.id,
  )!;
  return { consortium, kpi, settings, targetAt: (period: string) => targetAt(settings, period)! };
}

/** The current value of a cell as stored behind the mock API (latest revision), if any. */
export async function storedValue(consortiumId: string, kpiId: string, period: string) {
  return (await currentValueOf(await mockApi.db(), consortiumId, kpiId, period)) ?? undefined;
}

/** Runs before the mock handler of PUT …/values/:period; returning nothing lets the request through. */
export function beforePutValue(resolver: HttpResponseResolver) {
  mockApi.server.use(
    http.put('*/api/v1/consortia/:consortiumId/kpis/:kpiId/values/:period', resolver),
  );
}

/** A gate the test opens when it has looked at the optimistic state. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The entry grid's cell of a KPI (by code) and a column (by its header text). */
export function gridCell(kpiCode: string, columnHeader: string) {
  const grid = screen.getByRole('grid');
  const headers = within(grid)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
  const col = headers.findIndex((h) => h.startsWith(columnHeader));
  if (col < 1) throw new Error(`no column ${columnHeader} in ${headers.join(' | ')}`);
  const row = within(grid)
    .getAllByRole('row')
    .find((r) => within(r).queryByText(kpiCode, { selector: '.kpi-code' }));
  if (!row) throw new Error(`no row for ${kpiCode}`);
  const cell = within(row).getAllByRole('gridcell')[col - 1]!;
  return within(cell).getByRole('button');
}
