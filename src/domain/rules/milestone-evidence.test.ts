import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../contract/milestone';
import { Problem } from '../problems';
import {
  checkCovers,
  checkEvidenceWritable,
  downloadHeaders,
  evidenceMediaType,
  looksLike,
  readRawBody,
} from './milestone-evidence';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );

/** A stream that hands out `total` bytes in chunks, counting how many were pulled. */
function streamOf(total: number, chunk = 64 * 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, sent: () => sent };
}

async function problemOf(p: Promise<unknown>): Promise<Problem> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    return e as Problem;
  }
  throw new Error('expected a Problem');
}

describe('evidence media types', () => {
  it('accepts the listed types whatever their parameters or case, and nothing else', () => {
    expect(evidenceMediaType('application/pdf')).toBe('application/pdf');
    expect(evidenceMediaType('Text/CSV; charset=utf-8')).toBe('text/csv');
    for (const t of ['text/plain', 'text/html', 'application/json', 'image/svg+xml', '', null]) {
      expect(evidenceMediaType(t)).toBeNull();
    }
  });

  it('checks the file signature of each type', () => {
    expect(looksLike('application/pdf', bytes('%PDF-1.7\n'))).toBe(true);
    expect(looksLike('application/pdf', bytes('MZ\x90\x00'))).toBe(false);
    const png = bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1]);
    expect(looksLike('image/png', png)).toBe(true);
    expect(looksLike('image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(looksLike('image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe(true);
    expect(looksLike('image/webp', bytes('RIFF', [1, 2, 3, 4], 'AVI '))).toBe(false);
    const zip = bytes('PK\x03\x04rest');
    expect(
      looksLike('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip),
    ).toBe(true);
    expect(looksLike('application/vnd.oasis.opendocument.text', bytes('%PDF-'))).toBe(false);
    expect(
      looksLike('application/msword', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).toBe(true);
    expect(looksLike('text/csv', bytes('mois;valeur\n2026-05;12\n'))).toBe(true);
    expect(looksLike('text/csv', bytes('a,b', [0], 'c'))).toBe(false);
    expect(looksLike('text/csv', bytes([0xc3, 0x28]))).toBe(false);
  });

  it('refuses a web page dressed as a CSV or behind an image signature', () => {
    const page = '<!DOCTYPE html><html><script>alert(document.cookie)</script></html>';
    expect(looksLike('text/csv', bytes(page))).toBe(false);
    expect(looksLike('text/csv', bytes('\ufeff  <html><body>x</body></html>'))).toBe(false);
    expect(looksLike('text/csv', bytes('mois;note\n2026-05;<svg onload=alert(1)>\n'))).toBe(false);
    expect(looksLike('image/png', bytes([0x89], 'PNG\r\n\x1a\n', page))).toBe(false);
    // Comparisons and small counts are not markup.
    expect(looksLike('text/csv', bytes('mois;n\n2026-05;<10\n2026-06;< 10\n'))).toBe(true);
  });
});

describe('readRawBody', () => {
  it('reads a small file and checks its type', async () => {
    const { stream } = streamOf(10);
    await expect(readRawBody('text/csv', null, stream)).resolves.toMatchObject({
      mediaType: 'text/csv',
    });
    const fake = await problemOf(readRawBody('application/pdf', null, streamOf(10).stream));
    expect([fake.status, (fake.details as { reason: string }).reason]).toEqual([
      415,
      'content_mismatch',
    ]);
  });

  it('refuses an unlisted type, a declared size over the limit and an empty file', async () => {
    expect((await problemOf(readRawBody('text/plain', '5', streamOf(5).stream))).status).toBe(415);
    // Refused on the header alone: nothing past the stream's own first, eager chunk is read.
    const declared = streamOf(EVIDENCE_MAX_BYTES * 2);
    const big = await problemOf(
      readRawBody('text/csv', String(EVIDENCE_MAX_BYTES + 1), declared.stream),
    );
    expect(big.status).toBe(413);
    expect(declared.sent()).toBeLessThanOrEqual(64 * 1024);
    expect((await problemOf(readRawBody('text/csv', '0', null))).status).toBe(400);
  });

  it('stops reading at the limit when Content-Length is missing or lies', async () => {
    for (const header of [null, '1000']) {
      const body = streamOf(EVIDENCE_MAX_BYTES * 3);
      const p = await problemOf(readRawBody('text/csv', header, body.stream));
      expect(p.status).toBe(413);
      expect(body.sent()).toBeLessThan(EVIDENCE_MAX_BYTES + 256 * 1024);
    }
    const exact = await readRawBody('text/csv', null, streamOf(EVIDENCE_MAX_BYTES).stream);
    expect(exact.bytes.byteLength).toBe(EVIDENCE_MAX_BYTES);
  });
});

describe('downloadHeaders', () => {
  const dispositionOf = (name: string) =>
    downloadHeaders({ name, mediaType: 'application/pdf' })['Content-Disposition']!;

  it('sends an attachment, never sniffed, never cached, with both names', () => {
    expect(
      downloadHeaders({ name: 'PV de recette signé.pdf', mediaType: 'application/pdf' }),
    ).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition':
        'attachment; filename="PV de recette signe.pdf"; filename*=UTF-8\'\'PV%20de%20recette%20sign%C3%A9.pdf',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    expect(dispositionOf('a"b\\c\r\nSet-Cookie: x.pdf')).toBe(
      'attachment; filename="a_b_c__Set-Cookie: x.pdf"; filename*=UTF-8\'\'a%22b%5Cc%0D%0ASet-Cookie%3A%20x.pdf',
    );
  });

  it('property: the header is printable ASCII and the original name decodes back', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), (name) => {
        const header = dispositionOf(name);
        expect(header).toMatch(/^[\x20-\x7e]+$/);
        const fallback = /filename="([^"]*)"/.exec(header)?.[1];
        expect(fallback).toBeDefined();
        const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
        expect(decodeURIComponent(encoded)).toBe(name);
      }),
    );
  });
});

describe('evidence guards', () => {
  it('closed milestones take no evidence; covers must name an expected item', () => {
    expect(() => checkEvidenceWritable({ status: 'in_progress' })).not.toThrow();
    for (const status of ['approved', 'waived'] as const) {
      expect(() => checkEvidenceWritable({ status })).toThrow(Problem);
    }
    const m = { evidenceExpected: ['Rapport final'] };
    expect(() => checkCovers(m, 'Rapport final')).not.toThrow();
    expect(() => checkCovers(m, null)).not.toThrow();
    expect(() => checkCovers(m, 'Autre')).toThrow(Problem);
  });
});
