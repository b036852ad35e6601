import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverMilestoneDemo,
  ifMatch,
  LEAD,
  milestoneClient,
  OBSERVER,
  periodByCode,
  type MilestoneDemo,
} from './milestone-client';
import type { ContractTarget } from './target';

const BOM = '\ufeff';
const VALUE = { provisional: false, source: 'Registre', explanation: 'Saisie de contrôle' };

/** Splits simple CSV lines (the scenarios' cells hold no quoted separator) into cells. */
const cells = (text: string, separator: string) =>
  text
    .replace(BOM, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(separator));

/**
 * A period's CSV exports on every target: what each role may take away (a lead their own
 * consortium), small counts masked in the file, both dialects, and bad choices refused by name.
 */
export function definePeriodExportScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the export scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the export scenarios have not discovered the demo yet');
    return demo;
  };
  const api = milestoneClient(current);
  const juneOf = () => periodByCode(api, ids().programme, '2026-06');
  const csv = async (query: string) =>
    api.send('GET', `/periods/${(await juneOf()).id}/export.csv?${query}`);
  const codeOf = async (consortiumId: string) =>
    (await api.get('getConsortium', `/consortia/${consortiumId}`)).code;

  /** Enters a small count for Coord@Dom in June: a count KPI's value of 3. */
  async function enterSmallCount(): Promise<string> {
    const { items } = await api.get('listConsortiumKpis', `/consortia/${ids().a}/kpis`);
    const count = items.find((t) => t.kpi.unit === 'count' && t.kpi.aggregation !== 'rate');
    if (!count) throw new Error('Coord@Dom tracks no count KPI');
    const cell = `/consortia/${ids().a}/kpis/${count.kpi.id}/values/2026-06`;
    const { items: history } = await api.get('listKpiValueHistory', `${cell}/history`);
    const body = { ...VALUE, value: 3 };
    api.ok(
      await api.send('PUT', cell, { body, headers: ifMatch(history[0]?.version) }),
      'putKpiValue',
    );
    return count.kpi.code;
  }

  describe('period exports (CSV)', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it('writes French Excel CSV by default: semicolons, French headers, an attachment', async () => {
      await current().reset();
      await current().signIn();
      const reply = await csv('sheet=kpis');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(reply.headers.get('content-disposition')).toBe(
        'attachment; filename="jalon-2026-06-kpis.csv"',
      );
      // The byte-order mark itself is checked on the bytes (tests/server/period-export.test.ts):
      // Response.text() drops it.
      const [header, ...rows] = cells(reply.text, ';');
      expect(header).toEqual([
        'Consortium',
        'Code indicateur',
        'Indicateur',
        'Période',
        'Valeur',
        'Unité',
        'Cible',
        'Statut',
        'Provisoire',
      ]);
      const codes = new Set(rows.map((r) => r[0]));
      expect(codes).toContain(await codeOf(ids().a));
      expect(codes).toContain(await codeOf(ids().b));
    });

    it('masks a small count for every reader, the observer included, as "< threshold"', async () => {
      await current().reset();
      await current().signIn();
      const code = await enterSmallCount();
      const a = await codeOf(ids().a);
      for (const who of [OBSERVER, undefined]) {
        await current().signIn(who);
        const reply = await csv('sheet=kpis');
        expect(reply.status).toBe(200);
        const row = cells(reply.text, ';').find(
          (r) => r[0] === a && r[1] === code && r[3] === '2026-06',
        );
        expect(row?.[4], who ?? 'manager').toMatch(/^< \d+$/);
        expect(row?.[6]).toBe('');
        expect(row?.[7]).toBe('Masqué (petit effectif)');
      }
    });

    it("gives a lead their own consortium's rows only", async () => {
      await current().reset();
      await current().signIn(LEAD);
      const a = await codeOf(ids().a);
      for (const sheet of ['milestones', 'kpis', 'slips']) {
        const reply = await csv(`sheet=${sheet}`);
        expect(reply.status, sheet).toBe(200);
        const rows = cells(reply.text, ';').slice(1);
        expect(
          rows.every((r) => r[0] === a),
          sheet,
        ).toBe(true);
      }
      expect(cells((await csv('sheet=kpis')).text, ';').length).toBeGreaterThan(1);
      await current().signIn();
    });

    it('writes standard CSV in English on request: commas, no BOM', async () => {
      await current().reset();
      await current().signIn();
      const reply = await csv('sheet=milestones&dialect=standard&lang=en');
      expect(reply.status).toBe(200);
      expect(reply.text.startsWith(BOM)).toBe(false);
      expect(reply.headers.get('content-type')).toMatch(/header=present/);
      expect(reply.text.split('\r\n')[0]).toBe(
        'Consortium,Code,Milestone,Baseline date,Forecast date,Status,Achieved on (approved)',
      );
    });

    it('lists a move into the period with its reason: a formula kept as text, a negative number a number', async () => {
      await current().reset();
      await current().signIn();
      const { items } = await api.get('listMilestones', `/consortia/${ids().a}/milestones`);
      const open = items.find((x) => x.status === 'in_progress');
      if (!open) throw new Error('Coord@Dom has no milestone in progress');
      const reason = '=HYPERLINK("http://evil.example")';
      // Brought forward into June: the slip is negative, and stays a number.
      const newDate = '2026-06-30';
      expect(open.forecastDate > newDate).toBe(true);
      api.ok(
        await api.send('PATCH', `/milestones/${open.id}`, {
          body: { forecastDate: newDate, reason },
          headers: ifMatch(open.version),
        }),
        'patchMilestone',
      );
      const reply = await csv('sheet=slips');
      expect(reply.status).toBe(200);
      const days = -Math.round((Date.parse(open.forecastDate) - Date.parse(newDate)) / 86_400_000);
      expect(reply.text).toContain(`;${open.forecastDate};${newDate};${days};`);
      expect(reply.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    });

    it('refuses an unknown sheet or dialect by name, and an unknown period', async () => {
      await current().signIn();
      api.refused(await csv('sheet=budgets'), 400, 'validation_failed', 'sheet');
      api.refused(await csv(''), 400, 'validation_failed', 'sheet');
      api.refused(await csv('sheet=kpis&dialect=tsv'), 400, 'validation_failed', 'dialect');
      api.refused(await csv('sheet=kpis&lang=de'), 400, 'validation_failed', 'lang');
      api.refused(
        await api.send('GET', '/periods/no-such-period/export.csv?sheet=kpis'),
        404,
        'not_found',
      );
    });
  });
}
