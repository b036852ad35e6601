import { expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '@domain/contract/milestone';
import {
  ifMatch,
  LEAD,
  MEMBER,
  OTHER_LEAD,
  type MilestoneScenarioContext,
} from './milestone-client';

/** A small but well-formed PDF, as text (the targets send string bodies). */
export const PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');

export function defineEvidenceScenarios(ctx: MilestoneScenarioContext): void {
  const { api, demo, as, target } = ctx;
  const upload = (milestoneId: string, query: string, type: string, body: string) =>
    api.send('POST', `/milestones/${milestoneId}/evidence/files?${query}`, {
      rawBody: body,
      headers: { 'Content-Type': type },
    });
  const name = (n: string) => `name=${encodeURIComponent(n)}`;

  it('stores an uploaded PDF and sends it back as an attachment with its original name', async () => {
    await target().reset();
    const j10 = demo().milestone('J10');
    await as(LEAD);
    const fileName = 'Rapport final « v2 » été.pdf';
    const reply = await upload(
      j10.id,
      `${name(fileName)}&covers=${encodeURIComponent('Rapport final')}`,
      'application/pdf',
      PDF,
    );
    const evidence = api.ok(reply, 'uploadEvidence');
    expect(evidence).toMatchObject({
      kind: 'file',
      name: fileName,
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      covers: 'Rapport final',
      uploadedBy: 'Thomas Leroy',
      url: null,
    });
    const { items } = await api.get('listEvidence', `/milestones/${j10.id}/evidence`);
    expect(items.map((e) => e.id)).toContain(evidence.id);
    expect((await ctx.milestone(j10.id)).evidenceCount).toBe(j10.evidenceCount + 1);

    // A member of the consortium may download it too.
    await as(MEMBER);
    const download = await api.send('GET', `/milestones/${j10.id}/evidence/${evidence.id}/content`);
    expect(download.status).toBe(200);
    expect(download.text).toBe(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(fileName);

    await as(OTHER_LEAD);
    const foreign = await api.send('GET', `/milestones/${j10.id}/evidence/${evidence.id}/content`);
    api.refused(foreign, 404, 'not_found');
    await as();
  });

  it('refuses unlisted types (415), fake PDFs (415) and files over 10 MB (413)', async () => {
    await target().reset();
    const j10 = demo().milestone('J10');
    const count = (await api.get('listEvidence', `/milestones/${j10.id}/evidence`)).items.length;
    api.refused(
      await upload(j10.id, name('a.txt'), 'text/plain', 'hello'),
      415,
      'unsupported_media_type',
    );
    api.refused(
      await upload(j10.id, name('a.html'), 'text/html', '<script>alert(1)</script>'),
      415,
      'unsupported_media_type',
    );
    const fake = await upload(j10.id, name('fake.pdf'), 'application/pdf', 'MZ not a pdf');
    expect(api.refused(fake, 415, 'unsupported_media_type').reason).toBe('content_mismatch');
    const big = await upload(
      j10.id,
      name('big.csv'),
      'text/csv',
      'x'.repeat(EVIDENCE_MAX_BYTES + 1),
    );
    api.refused(big, 413, 'payload_too_large');
    const csv = await upload(
      j10.id,
      name('extraction.csv'),
      'text/csv; charset=utf-8',
      'mois;inclus\n2026-05;412\n',
    );
    expect(api.ok(csv, 'uploadEvidence').mediaType).toBe('text/csv');
    api.refused(await upload(j10.id, '', 'application/pdf', PDF), 400, 'validation_failed', 'name');
    const wrongItem = await upload(j10.id, `${name('x.pdf')}&covers=Autre`, 'application/pdf', PDF);
    api.refused(wrongItem, 422, 'rule_violated', 'covers');
    const { items } = await api.get('listEvidence', `/milestones/${j10.id}/evidence`);
    expect(items).toHaveLength(count + 1);
  });

  it('adds and removes links; refuses evidence on a closed milestone', async () => {
    await target().reset();
    const j10 = demo().milestone('J10');
    const path = `/milestones/${j10.id}/evidence`;
    const link = api.ok(
      await api.send('POST', path, {
        body: {
          name: 'Bilan budgétaire (GED)',
          url: 'https://ged.example.org/bilan',
          covers: 'Bilan budgétaire',
        },
      }),
      'addEvidenceLink',
    );
    expect(link).toMatchObject({
      kind: 'link',
      mediaType: null,
      sizeBytes: null,
      covers: 'Bilan budgétaire',
    });
    api.refused(
      await api.send('POST', path, { body: { name: 'x', url: 'javascript:alert(1)' } }),
      400,
      'validation_failed',
      'url',
    );
    api.refused(await api.send('GET', `${path}/${link.id}/content`), 404, 'not_found');
    api.ok(await api.send('DELETE', `${path}/${link.id}`), 'deleteEvidence');
    api.refused(await api.send('DELETE', `${path}/${link.id}`), 404, 'not_found');
    const history = await api.get('milestoneHistory', `/milestones/${j10.id}/history`);
    expect(history.items.map((e) => e.action).slice(0, 2)).toEqual([
      'evidence.delete',
      'evidence.add',
    ]);

    await as(MEMBER);
    api.refused(
      await api.send('POST', path, { body: { name: 'x', url: 'https://example.org' } }),
      403,
      'forbidden',
    );
    await as();
    const j0 = demo().milestone('J0');
    const closed = await api.send('POST', `/milestones/${j0.id}/evidence`, {
      body: { name: 'Tardif', url: 'https://ged.example.org/late' },
    });
    expect(api.refused(closed, 422, 'rule_violated').reason).toBe('milestone_closed');
    const { items } = await api.get('listEvidence', `/milestones/${j0.id}/evidence`);
    const seeded = items[0]!;
    const remove = await api.send('DELETE', `/milestones/${j0.id}/evidence/${seeded.id}`);
    expect(api.refused(remove, 422, 'rule_violated').reason).toBe('milestone_closed');
    // A milestone's evidence is not another's.
    api.refused(
      await api.send('DELETE', `${path}/${seeded.id}`, { headers: ifMatch(1) }),
      404,
      'not_found',
    );
  });
}
