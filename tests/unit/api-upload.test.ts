/**
 * @vitest-environment jsdom
 */
// jsdom gives http.ts a window.location to resolve the API prefix against, as in the browser.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, upload } from '@/api/http';

const evidence = {
  id: 'ev-1',
  milestoneId: 'coord-dom-j10',
  kind: 'file',
  name: 'Rapport final.pdf',
  url: null,
  mediaType: 'application/pdf',
  sizeBytes: 9,
  covers: 'Rapport final',
  uploadedBy: 'Thomas Leroy',
  uploadedAt: '2026-06-15T10:00:00.000Z',
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const path = '*/api/v1/milestones/:milestoneId/evidence/files';

describe('upload', () => {
  it('sends the file as the body with its own type, the query in the URL, and parses the answer', async () => {
    let seen: { url: URL; type: string | null; body: string } | null = null;
    server.use(
      http.post(path, async ({ request }) => {
        seen = {
          url: new URL(request.url),
          type: request.headers.get('content-type'),
          body: await request.text(),
        };
        return HttpResponse.json(evidence, { status: 201 });
      }),
    );
    const file = new File(['%PDF-1.4\n'], 'Rapport final.pdf', { type: 'application/pdf' });
    const result = await upload('uploadEvidence', {
      params: { milestoneId: 'coord-dom-j10' },
      query: { name: file.name, covers: 'Rapport final' },
      file,
    });
    expect(result.data).toEqual(evidence);
    expect(seen).not.toBeNull();
    const { url, type, body } = seen!;
    expect(url.pathname).toBe('/api/v1/milestones/coord-dom-j10/evidence/files');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      name: 'Rapport final.pdf',
      covers: 'Rapport final',
    });
    expect(type).toBe('application/pdf');
    expect(body).toBe('%PDF-1.4\n');
  });

  it('throws the API error of a refusal (415, 413) with its code and details', async () => {
    server.use(
      http.post(path, () =>
        HttpResponse.json(
          { error: { code: 'payload_too_large', message: 'too big', details: { maxBytes: 1 } } },
          { status: 413 },
        ),
      ),
    );
    const error = await upload('uploadEvidence', {
      params: { milestoneId: 'm' },
      query: { name: 'a.csv' },
      file: new Blob(['a;b'], { type: 'text/csv' }),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      details: { maxBytes: 1 },
    });
  });

  it('sends application/octet-stream for a file without a type, for the server to refuse', async () => {
    let type: string | null = null;
    server.use(
      http.post(path, ({ request }) => {
        type = request.headers.get('content-type');
        return HttpResponse.json(
          { error: { code: 'unsupported_media_type', message: 'no' } },
          { status: 415 },
        );
      }),
    );
    await upload('uploadEvidence', {
      params: { milestoneId: 'm' },
      query: { name: 'x' },
      file: new Blob(['x']),
    }).catch(() => undefined);
    expect(type).toBe('application/octet-stream');
  });
});
