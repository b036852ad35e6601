import { expect, it } from 'vitest';
import type { MilestoneCreate, MilestoneTemplateItem } from '@domain/contract/milestone';
import {
  ifMatch,
  LEAD,
  NEXT_COHORT_MANAGER,
  type MilestoneScenarioContext,
} from './milestone-client';

/** A gate a manager adds by hand to a plan. */
const extra = (startDate: string, forecastDate: string): MilestoneCreate => ({
  phase: 'build',
  code: 'J6B',
  title: { fr: 'Recette de l’interface DMP', en: 'DMP interface acceptance' },
  description: '',
  startDate,
  forecastDate,
  evidenceExpected: ['PV de recette DMP'],
  requiresKpiValues: false,
});

export function definePlanScenarios({ api, demo, as, target }: MilestoneScenarioContext): void {
  const templatePath = () => `/programmes/${demo().programme}/milestone-template`;

  it('reads the programme template: the twelve phases J0…J11', async () => {
    const template = await api.get('getMilestoneTemplate', templatePath());
    expect(template.items.map((i) => i.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `J${i}`),
    );
    expect(template.items[8]).toMatchObject({ phase: 'enrolment', requiresKpiValues: true });
    api.refused(
      await api.send('GET', '/programmes/no-such-programme/milestone-template'),
      404,
      'not_found',
    );
  });

  it('replaces the template with If-Match: 428 without, 412 stale, 400 for a bad item', async () => {
    await target().reset();
    const reply = await api.send('GET', templatePath());
    const template = api.ok(reply, 'getMilestoneTemplate');
    expect(reply.etag).toBe(`"${template.version}"`);
    const items: MilestoneTemplateItem[] = template.items.map((i) =>
      i.code === 'J3' ? { ...i, durationMonths: 5 } : i,
    );
    const put = (body: unknown, version?: number) =>
      api.send('PUT', templatePath(), { body, headers: ifMatch(version) });

    api.refused(await put({ items }), 428, 'precondition_required');
    api.refused(await put({ items }, template.version + 7), 412, 'precondition_failed');
    const bad = items.map((i, n) => (n === 0 ? { ...i, code: 'j 0' } : i));
    api.refused(
      await put({ items: bad }, template.version),
      400,
      'validation_failed',
      'items.0.code',
    );
    api.refused(await put({ items: [] }, template.version), 400, 'validation_failed', 'items');
    const saved = api.ok(await put({ items }, template.version), 'putMilestoneTemplate');
    expect(saved.version).toBe(template.version + 1);
    expect(saved.items.find((i) => i.code === 'J3')?.durationMonths).toBe(5);
    api.refused(await put({ items }, template.version), 412, 'precondition_failed');

    await as(LEAD);
    api.refused(await put({ items }, saved.version), 403, 'forbidden');
    await as();
  });

  it('lists the programme milestones, filtered to what the reader may see', async () => {
    await target().reset();
    const path = `/programmes/${demo().programme}/milestones`;
    const all = await api.get('listProgrammeMilestones', path);
    expect(new Set(all.items.map((m) => m.consortiumId)).size).toBe(3);
    expect(all.items).toHaveLength(36);
    // Grouped by consortium, in phase order inside each.
    const own = all.items.filter((m) => m.consortiumId === demo().a).map((m) => m.code);
    expect(own).toEqual(Array.from({ length: 12 }, (_, i) => `J${i}`));

    await as(LEAD);
    const lead = await api.get('listProgrammeMilestones', path);
    expect(new Set(lead.items.map((m) => m.consortiumId))).toEqual(new Set([demo().a]));
    await as();
  });

  it('reads a demo consortium plan: approved, and the template cannot be applied again', async () => {
    await target().reset();
    const plan = await api.get('getMilestonePlan', `/consortia/${demo().a}/plan`);
    expect(plan).toMatchObject({ status: 'approved', milestoneCount: 12 });
    expect(plan.approvedAt).not.toBeNull();
    const again = await api.send('POST', `/consortia/${demo().a}/plan/apply-template`);
    expect(api.refused(again, 422, 'rule_violated').reason).toBe('plan_exists');
  });

  it('plans a new consortium: apply, adjust, approve (baselines frozen), then refuse changes', async () => {
    await target().reset();
    await as(NEXT_COHORT_MANAGER);
    const { items: programmes } = await api.get('listProgrammes', '/programmes');
    expect(programmes).toHaveLength(1);
    const { items: consortia } = await api.get(
      'listConsortia',
      `/consortia?programmeId=${programmes[0]!.id}`,
    );
    const consortium = consortia[0]!;
    const planPath = `/consortia/${consortium.id}/plan`;

    const none = await api.get('getMilestonePlan', planPath);
    expect(none).toMatchObject({ status: 'none', milestoneCount: 0, approvedAt: null });
    const early = await api.send('POST', `${planPath}/approve`, {
      headers: ifMatch(none.version),
    });
    expect(api.refused(early, 422, 'rule_violated').reason).toBe('plan_not_draft');

    const draft = api.ok(
      await api.send('POST', `${planPath}/apply-template`),
      'applyMilestoneTemplate',
    );
    expect(draft).toMatchObject({ status: 'draft', milestoneCount: 12, approvedAt: null });
    const listPath = `/consortia/${consortium.id}/milestones`;
    const planned = (await api.get('listMilestones', listPath)).items;
    expect(planned).toHaveLength(12);
    for (const m of planned) {
      expect(m).toMatchObject({ status: 'planned', baselineDate: null, progress: 0 });
      expect(m.startDate >= consortium.startDate && m.forecastDate <= consortium.endDate).toBe(
        true,
      );
      expect(m.forecastDate >= m.startDate).toBe(true);
    }
    const j0 = planned.find((m) => m.code === 'J0')!;
    expect(j0.startDate).toBe(consortium.startDate);
    // Due at the end of the opening month (offset 0, duration 0).
    expect(j0.forecastDate.slice(0, 7)).toBe(consortium.startDate.slice(0, 7));

    const create = (body: unknown) => api.send('POST', listPath, { body });
    const outside = await create(
      extra(consortium.startDate, consortium.endDate.replace(/^\d{4}/, '2099')),
    );
    api.refused(outside, 422, 'rule_violated', 'forecastDate');
    api.refused(
      await create({ ...extra(consortium.startDate, consortium.startDate), code: 'J6' }),
      422,
      'rule_violated',
      'code',
    );
    api.refused(
      await create({ ...extra(consortium.endDate, consortium.startDate) }),
      400,
      'validation_failed',
      'forecastDate',
    );
    const added = api.ok(
      await create(extra(consortium.startDate, consortium.endDate)),
      'createMilestone',
    );
    expect(added).toMatchObject({ status: 'planned', baselineDate: null, code: 'J6B' });

    // A draft milestone without history can go, with its current version.
    const doomed = planned.find((m) => m.code === 'J5')!;
    api.refused(await api.send('DELETE', `/milestones/${doomed.id}`), 428, 'precondition_required');
    api.ok(
      await api.send('DELETE', `/milestones/${doomed.id}`, { headers: ifMatch(doomed.version) }),
      'deleteMilestone',
    );
    api.refused(await api.send('GET', `/milestones/${doomed.id}`), 404, 'not_found');

    const current = await api.get('getMilestonePlan', planPath);
    expect(current.milestoneCount).toBe(12);
    api.refused(await api.send('POST', `${planPath}/approve`), 428, 'precondition_required');
    api.refused(
      await api.send('POST', `${planPath}/approve`, { headers: ifMatch(current.version + 3) }),
      412,
      'precondition_failed',
    );
    const approved = api.ok(
      await api.send('POST', `${planPath}/approve`, { headers: ifMatch(current.version) }),
      'approveMilestonePlan',
    );
    expect(approved).toMatchObject({
      status: 'approved',
      milestoneCount: 12,
      approvedBy: 'Nadia Benali',
    });
    for (const m of (await api.get('listMilestones', listPath)).items) {
      expect(m.baselineDate, m.code).toBe(m.forecastDate);
    }

    const twice = await api.send('POST', `${planPath}/approve`, {
      headers: ifMatch(approved.version),
    });
    expect(api.refused(twice, 422, 'rule_violated').reason).toBe('plan_not_draft');
    const kept = (await api.get('listMilestones', listPath)).items.find((m) => m.code === 'J0')!;
    const gone = await api.send('DELETE', `/milestones/${kept.id}`, {
      headers: ifMatch(kept.version),
    });
    expect(api.refused(gone, 422, 'rule_violated').reason).toBe('plan_approved');
    // Added to an approved plan, a milestone gets its baseline at once.
    const late = api.ok(
      await create({ ...extra(consortium.startDate, consortium.endDate), code: 'J6C' }),
      'createMilestone',
    );
    expect(late.baselineDate).toBe(late.forecastDate);

    // The running programme's people see none of it.
    await as();
    api.refused(await api.send('GET', planPath), 404, 'not_found');
  });

  it('keeps planning to managers: a lead may not apply, approve, add or delete', async () => {
    await target().reset();
    await as(LEAD);
    const a = demo().a;
    api.refused(await api.send('POST', `/consortia/${a}/plan/apply-template`), 403, 'forbidden');
    api.refused(
      await api.send('POST', `/consortia/${a}/plan/approve`, { headers: ifMatch(2) }),
      403,
      'forbidden',
    );
    api.refused(
      await api.send('POST', `/consortia/${a}/milestones`, {
        body: extra('2025-01-01', '2025-02-28'),
      }),
      403,
      'forbidden',
    );
    const j11 = demo().milestone('J11');
    api.refused(
      await api.send('DELETE', `/milestones/${j11.id}`, { headers: ifMatch(j11.version) }),
      403,
      'forbidden',
    );
    expect((await api.get('getMilestonePlan', `/consortia/${a}/plan`)).status).toBe('approved');
    await as();
  });
}
