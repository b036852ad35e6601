import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgrammePatch } from '@domain/contract/programme';
import { auditPage } from '@server/audit';
import { programmeOr404 } from '@server/db/queries';
import { demo, mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn } from './support/session';

const text = fr.admin;
/** Marks the requests a test makes itself ("another manager"), so only the UI's are counted. */
const OTHER_PERSON = 'x-test-other-person';

interface SeenPatch {
  ifMatch: string | null;
  body: unknown;
}

let patches: SeenPatch[] = [];
const programme = async () => programmeOr404(await mockApi.db(), demo.programmes[0]!.id);

beforeEach(async () => {
  await signIn('manager');
  patches = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'PATCH' || request.headers.has(OTHER_PERSON)) return;
    const seen: SeenPatch = { ifMatch: request.headers.get('if-match'), body: null };
    patches.push(seen);
    void request
      .clone()
      .json()
      .then((body: unknown) => {
        seen.body = body;
      });
  });
});

afterEach(() => {
  server.events.removeAllListeners();
});

/** Another manager saves first, through the same API the app uses. */
async function editedBySomeoneElse(version: number, patch: ProgrammePatch) {
  const url = new URL(`/api/v1/programmes/${demo.programmes[0]!.id}`, window.location.origin);
  const response = await fetch(url, {
    method: 'PATCH',
    headers: {
      'Content-Type': 'application/json',
      'If-Match': `"${version}"`,
      [OTHER_PERSON]: '1',
    },
    body: JSON.stringify(patch),
  });
  expect(response.status).toBe(200);
}

async function openEditor(locale: 'fr' | 'en' = 'fr') {
  const view = renderRoute('/admin', { locale });
  const labels = locale === 'fr' ? fr.admin : en.admin;
  await view.user.click(await screen.findByRole('button', { name: labels.edit }));
  return view;
}

const field = (name: string) => screen.getByRole('textbox', { name });

async function replace(user: ReturnType<typeof renderRoute>['user'], name: string, value: string) {
  await user.clear(field(name));
  await user.type(field(name), value);
}

/** The editor's own live region (the layout has another one, for route changes). */
async function findStatus(message: string) {
  const status = await screen.findByText(message);
  expect(status).toHaveAttribute('role', 'status');
  return status;
}

describe('programme settings in Administration', () => {
  it('lets a manager change the rules with If-Match and shows them at once', async () => {
    const before = await programme();
    const { user } = await openEditor();
    expect(field(text.fields.name)).toHaveFocus();
    expect(field(text.fields.smallCountThreshold)).toHaveValue(String(before.smallCountThreshold));

    await replace(user, text.fields.smallCountThreshold, '5');
    await replace(user, text.fields.slippageToleranceDays, '60');
    const choices = screen.getByRole('group', { name: text.fields.leadsSetTargets });
    await user.click(within(choices).getByRole('radio', { name: text.targetsByLeads }));
    await user.click(screen.getByRole('button', { name: text.save }));

    await findStatus(text.saved);
    expect(screen.getByRole('button', { name: text.edit })).toHaveFocus();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText(/inférieurs à 5 /)).toBeInTheDocument();
    expect(screen.getByText(/plus de 60 jours/)).toBeInTheDocument();
    expect(screen.getByText(text.targetsByLeads)).toBeInTheDocument();

    expect(patches).toEqual([
      {
        ifMatch: `"${before.version}"`,
        body: { smallCountThreshold: 5, slippageToleranceDays: 60, leadsSetTargets: true },
      },
    ]);
    expect(await programme()).toMatchObject({
      smallCountThreshold: 5,
      slippageToleranceDays: 60,
      leadsSetTargets: true,
      version: before.version + 1,
    });
    const { items } = await auditPage(await mockApi.db(), { limit: 1 });
    expect(items[0]).toMatchObject({
      action: 'programme.update',
      entityId: before.id,
      after: { smallCountThreshold: 5, slippageToleranceDays: 60, leadsSetTargets: true },
    });
  });

  it('refuses Administration to an observer, as the navigation does', async () => {
    await signIn('observer');
    const { container } = renderRoute('/admin');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès refusé' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: text.edit })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('refuses out-of-range and non-numeric values before sending anything', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.smallCountThreshold, '0');
    await replace(user, text.fields.slippageToleranceDays, '2,5');
    await user.click(screen.getByRole('button', { name: text.save }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole('link')).toHaveLength(2);
    const threshold = field(text.fields.smallCountThreshold);
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(threshold).toHaveAccessibleDescription(
      `${text.hints.smallCountThreshold.replace('{{min}}', '1').replace('{{max}}', '100')} ` +
        'Indiquez un nombre entier de 1 à 100.',
    );
    expect(field(text.fields.slippageToleranceDays)).toHaveAccessibleDescription(
      expect.stringContaining(text.errors.integer) as string,
    );
    await user.click(within(summary).getByRole('link', { name: /^Seuil/ }));
    expect(threshold).toHaveFocus();
    expect(patches).toEqual([]);
  });

  it('says so, without a request, when nothing changed', async () => {
    const { user } = await openEditor();
    await user.type(field(text.fields.funder), '   ');
    await user.click(screen.getByRole('button', { name: text.save }));
    await findStatus(text.unchanged);
    expect(patches).toEqual([]);
  });

  it('shows a 400 from the server on its field, in the user’s language', async () => {
    const { user, container } = await openEditor('en');
    await replace(user, en.admin.fields.slippageToleranceDays, '40');
    server.use(
      http.patch(
        '*/api/v1/programmes/:id',
        () =>
          HttpResponse.json(
            {
              error: {
                code: 'validation_failed',
                message: 'Invalid body: slippageToleranceDays',
                details: {
                  issues: [{ field: 'slippageToleranceDays', code: 'too_big', message: 'Too big' }],
                },
              },
            },
            { status: 400 },
          ),
        { once: true },
      ),
    );
    await user.click(screen.getByRole('button', { name: en.admin.save }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Slippage tolerance (days): Enter a whole number from 0 to 365.',
    );
    const days = field(en.admin.fields.slippageToleranceDays);
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(days).toHaveValue('40');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows both versions on a conflict and re-applies the manager’s changes on request', async () => {
    const before = await programme();
    const { user, container } = await openEditor();
    await replace(user, text.fields.smallCountThreshold, '8');
    await editedBySomeoneElse(before.version, {
      smallCountThreshold: 12,
      funder: 'Leur financeur',
    });
    await user.click(screen.getByRole('button', { name: text.save }));

    const heading = await screen.findByRole('heading', { level: 2, name: text.conflict.title });
    expect(heading).toHaveFocus();
    const table = screen.getByRole('table', { name: /Leur version \(enregistrée le/ });
    const thresholdRow = within(table).getByRole('row', { name: /^Seuil des petits effectifs/ });
    expect(within(thresholdRow).getByText('12')).toBeInTheDocument();
    expect(within(thresholdRow).getByText('8')).toBeInTheDocument();
    const funderRow = within(table).getByRole('row', { name: /^Financeur/ });
    expect(within(funderRow).getByText(text.conflict.notChangedByYou)).toBeInTheDocument();
    expect(await programme()).toMatchObject({ smallCountThreshold: 12 });
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: text.conflict.apply }));
    await findStatus(text.saved);
    expect(patches.map((p) => p.ifMatch)).toEqual([
      `"${before.version}"`,
      `"${before.version + 1}"`,
    ]);
    expect(patches[1]!.body).toEqual({ smallCountThreshold: 8 });
    expect(await programme()).toMatchObject({
      smallCountThreshold: 8,
      funder: 'Leur financeur',
      version: before.version + 2,
    });
    expect(screen.getByText('Leur financeur')).toBeInTheDocument();
  });

  it('keeps the other manager’s version when asked to', async () => {
    const before = await programme();
    const { user } = await openEditor();
    await replace(user, text.fields.slippageToleranceDays, '10');
    await editedBySomeoneElse(before.version, { slippageToleranceDays: 90 });
    await user.click(screen.getByRole('button', { name: text.save }));
    await screen.findByRole('heading', { level: 2, name: text.conflict.title });

    await user.click(screen.getByRole('button', { name: text.conflict.keep }));
    await findStatus(text.keptTheirs);
    expect(await screen.findByText(/plus de 90 jours/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: text.edit })).toHaveFocus();
    expect(patches).toHaveLength(1);
    expect(await programme()).toMatchObject({
      slippageToleranceDays: 90,
      version: before.version + 1,
    });
  });

  it('describes the change in the activity log, setting by setting', async () => {
    const before = await programme();
    await editedBySomeoneElse(before.version, {
      smallCountThreshold: 5,
      slippageToleranceDays: 60,
      leadsSetTargets: true,
    });
    renderRoute('/activity');
    const table = await screen.findByRole('table', { name: /Journal d’activité du programme/ });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('a modifié les paramètres du programme');
    expect(row).toHaveTextContent(
      `${fr.audit.field.smallCountThreshold} : 5 (était ${before.smallCountThreshold})`,
    );
    expect(row).toHaveTextContent(
      `${fr.audit.field.slippageToleranceDays} : 60 jours (était ${before.slippageToleranceDays} jours)`,
    );
    expect(row).toHaveTextContent(`${fr.audit.field.leadsSetTargets} : oui (était non)`);
  });

  it('has no axe violations with the form open', async () => {
    const { container } = await openEditor();
    expect(await axeViolations(container)).toEqual([]);
  });
});
