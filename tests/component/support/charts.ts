import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { KpiSeriesResponse } from '@domain/contract/kpi';
import { api } from './api';

/** The series as the API sends it to the signed-in reader: what the chart, table and CSV must show. */
export async function apiSeries(kpiId: string, consortiumId?: string): Promise<KpiSeriesResponse> {
  const query = consortiumId ? `?consortia=${consortiumId}` : '';
  const res = await api('GET', `/kpis/${kpiId}/series${query}`);
  if (res.status !== 200) throw new Error(`series: ${res.status}`);
  return res.body as KpiSeriesResponse;
}

/** Text as Testing Library compares it: runs of spaces (Intl's narrow no-break ones too) as one. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Catches the CSV a "download" button saves: the Blob handed to createObjectURL and the link's
 * file name (jsdom cannot navigate to a blob: URL, so the click itself is stubbed).
 */
export function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      pending = blob;
      return 'blob:jalon-test';
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (pending) files.push({ name: this.download, blob: pending });
    pending = null;
  });
  return {
    files,
    async text(index = 0) {
      const file = files[index];
      if (!file) throw new Error('nothing was downloaded');
      // jsdom's Blob has no text(): read it the way older browsers did.
      const content = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
        reader.onerror = () => reject(new Error('the CSV could not be read'));
        reader.readAsText(file.blob);
      });
      return content.replace(/^\ufeff/, '');
    },
  };
}

/** The rows of the "view as table" table, by their row header. */
export async function tableRows(caption: RegExp | string) {
  const table = await screen.findByRole('table', { name: caption });
  return new Map(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [squash(within(r).getByRole('rowheader').textContent ?? ''), r]),
  );
}
