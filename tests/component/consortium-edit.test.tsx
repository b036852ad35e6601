import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsortiumPatch } from '@domain/contract/consortium';
import { consortiumOr404 } from '@server/db/queries';
import { demo, mockApi, server } from '@tests/support/mock-api';
import { consortiumKeys, usePatchConsortium } from '@/api/consortia';
import { portfolioKeys } from '@/api/portfolio';
import { createQueryClient } from '@/app/query-client';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';
import { signIn } from './support/session';

const text = fr.consortiumEditor;
/** Marks the requests a test makes itself ("someone else"), so only the UI's are counted. */
const OTHER_PERSON = 'x-test-other-person';

interface SeenPatch {
  url: string;
  ifMatch: string | null;
  body: unknown;
}

let patches: SeenPatch[] = [];
const storedConsortium = async () => consortiumOr404(await mockApi.db(), demo.consortia[0]!.id);

beforeEach(async () => {
  // The mocks enforce access as the server does: the editor is the manager's (or a lead's).
  await signIn('manager');
  patches = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'PATCH' || request.headers.has(OTHER_PERSON)) return;
    const seen: SeenPatch = {
      url: request.url,
      ifMatch: request.headers.get('if-match'),
      body: null,
    };
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

/** Another person saves first, through the same API the app uses. */
async function editedBySomeoneElse(id: string, version: number, patch: ConsortiumPatch) {
  const response = await fetch(new URL(`/api/v1/consortia/${id}`, window.location.origin), {
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

async function openEditor(index = 0) {
  const consortium = demoConsortium(index);
  const view = renderRoute(`/consortia/${consortium.id}`);
  await screen.findByRole('heading', { level: 1, name: consortium.name });
  await view.user.click(screen.getByRole('button', { name: text.edit }));
  return { ...view, consortium };
}

/** The editor's own live region (the layout has another one, for route changes). */
async function findStatus(message: string) {
  const status = await screen.findByText(message);
  expect(status).toHaveAttribute('role', 'status');
  return status;
}

describe('editing a consortium', () => {
  it('saves a new name with If-Match and shows it on the page', async () => {
    const { user, consortium } = await openEditor();
    const name = screen.getByRole('textbox', { name: text.fields.name });
    expect(name).toHaveFocus();
    expect(name).toHaveValue(consortium.name);

    await user.clear(name);
    await user.type(name, '  Parcours coordonné  ');
    await user.click(screen.getByRole('button', { name: text.save }));

    await findStatus(text.saved);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Parcours coordonné' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: text.fields.name })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: text.edit })).toHaveFocus();

    expect(patches).toHaveLength(1);
    expect(patches[0]!.ifMatch).toBe(`"${consortium.version}"`);
    // Only what changed is sent, trimmed as the contract stores it.
    expect(patches[0]!.body).toEqual({ name: 'Parcours coordonné' });
    expect(await storedConsortium()).toMatchObject({
      name: 'Parcours coordonné',
      territory: consortium.territory,
      version: consortium.version + 1,
    });
  });

  it('shows field errors and sends nothing when the input breaks the contract', async () => {
    const { user } = await openEditor();
    await user.clear(screen.getByRole('textbox', { name: text.fields.name }));
    const budget = screen.getByRole('textbox', { name: text.fields.budgetEur });
    await user.clear(budget);
    await user.type(budget, '-5');
    await user.click(screen.getByRole('button', { name: text.save }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading')).toHaveTextContent(
      'Corrigez les 2 champs suivants',
    );
    expect(within(summary).getAllByRole('link')).toHaveLength(2);

    const name = screen.getByRole('textbox', { name: text.fields.name });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(text.errors.required);
    expect(
      screen.getByRole('textbox', { name: text.fields.budgetEur }),
    ).toHaveAccessibleDescription(`${text.budgetHint} Le montant doit être d’au moins 0.`);

    // The summary's links lead to the fields.
    await user.click(within(summary).getByRole('link', { name: /^Nom/ }));
    expect(name).toHaveFocus();
    expect(patches).toEqual([]);
  });

  it('says so, without a request, when nothing changed', async () => {
    const { user } = await openEditor();
    const territory = screen.getByRole('textbox', { name: text.fields.territory });
    await user.type(territory, '   ');
    await user.click(screen.getByRole('button', { name: text.save }));
    await findStatus(text.unchanged);
    expect(patches).toEqual([]);
  });

  it('shows both versions on a conflict and re-applies the user’s changes on request', async () => {
    const { user, consortium, container } = await openEditor();
    const name = screen.getByRole('textbox', { name: text.fields.name });
    await user.clear(name);
    await user.type(name, 'Mon nom');
    await editedBySomeoneElse(consortium.id, consortium.version, {
      name: 'Leur nom',
      territory: 'Leur territoire',
    });
    await user.click(screen.getByRole('button', { name: text.save }));

    const heading = await screen.findByRole('heading', { level: 2, name: text.conflict.title });
    expect(heading).toHaveFocus();
    const table = screen.getByRole('table', { name: /Leur version \(enregistrée le/ });
    const nameRow = within(table).getByRole('row', { name: /^Nom/ });
    expect(within(nameRow).getByText('Leur nom')).toBeInTheDocument();
    expect(within(nameRow).getByText('Mon nom')).toBeInTheDocument();
    const territoryRow = within(table).getByRole('row', { name: /^Territoire/ });
    expect(within(territoryRow).getByText('Leur territoire')).toBeInTheDocument();
    expect(within(territoryRow).getByText(text.conflict.notChangedByYou)).toBeInTheDocument();
    // Nothing was overwritten: the store still holds their version.
    expect(await storedConsortium()).toMatchObject({ name: 'Leur nom' });
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: text.conflict.apply }));
    await findStatus(text.saved);
    expect(screen.getByRole('heading', { level: 1, name: 'Mon nom' })).toBeInTheDocument();
    // Their other change survives: only the fields the user changed were re-sent.
    expect(screen.getByText('Leur territoire')).toBeInTheDocument();
    expect(patches.map((p) => p.ifMatch)).toEqual([
      `"${consortium.version}"`,
      `"${consortium.version + 1}"`,
    ]);
    expect(patches[1]!.body).toEqual({ name: 'Mon nom' });
    expect(await storedConsortium()).toMatchObject({
      name: 'Mon nom',
      territory: 'Leur territoire',
      version: consortium.version + 2,
    });
  });

  it('keeps their version when the user chooses to, discarding the user’s changes', async () => {
    const { user, consortium } = await openEditor();
    const name = screen.getByRole('textbox', { name: text.fields.name });
    await user.clear(name);
    await user.type(name, 'Mon nom');
    await editedBySomeoneElse(consortium.id, consortium.version, { name: 'Leur nom' });
    await user.click(screen.getByRole('button', { name: text.save }));
    await screen.findByRole('heading', { level: 2, name: text.conflict.title });

    await user.click(screen.getByRole('button', { name: text.conflict.keep }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leur nom' })).toBeInTheDocument();
    await findStatus(text.keptTheirs);
    expect(screen.getByRole('button', { name: text.edit })).toHaveFocus();
    expect(patches).toHaveLength(1);
    expect(await storedConsortium()).toMatchObject({
      name: 'Leur nom',
      version: consortium.version + 1,
    });
  });

  it('offers a retry when the server cannot be reached', async () => {
    const { user, consortium } = await openEditor();
    const budget = screen.getByRole('textbox', { name: text.fields.budgetEur });
    await user.clear(budget);
    await user.type(budget, '1 500 000');
    server.use(http.patch('*/api/v1/consortia/:id', () => HttpResponse.error(), { once: true }));
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByRole('alert')).toHaveTextContent(text.problem.network);
    await user.click(screen.getByRole('button', { name: fr.common.retry }));
    await findStatus(text.saved);
    expect(patches.map((p) => p.body)).toEqual([
      { budgetEur: 1_500_000 },
      { budgetEur: 1_500_000 },
    ]);
    expect(await storedConsortium()).toMatchObject({
      budgetEur: 1_500_000,
      version: consortium.version + 1,
    });
  });

  it('maps the server’s field issues to the fields', async () => {
    const { user } = await openEditor();
    await user.type(screen.getByRole('textbox', { name: text.fields.solution }), ' v2');
    server.use(
      http.patch(
        '*/api/v1/consortia/:id',
        () =>
          HttpResponse.json(
            {
              error: {
                code: 'validation_failed',
                message: 'Invalid body: solution',
                details: { issues: [{ field: 'solution', code: 'too_big', message: 'Too big' }] },
              },
            },
            { status: 400 },
          ),
        { once: true },
      ),
    );
    await user.click(screen.getByRole('button', { name: text.save }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text.errors.tooBig);
    expect(screen.getByRole('textbox', { name: text.fields.solution })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('has no axe violations with the form open, then with errors shown', async () => {
    const { user, container } = await openEditor(1);
    expect(await axeViolations(container)).toEqual([]);
    await user.clear(screen.getByRole('textbox', { name: text.fields.name }));
    await user.click(screen.getByRole('button', { name: text.save }));
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('is in English too', async () => {
    const consortium = demoConsortium(0);
    renderRoute(`/consortia/${consortium.id}`, { locale: 'en' });
    expect(await screen.findByRole('button', { name: 'Edit details' })).toBeInTheDocument();
  });
});

describe('usePatchConsortium', () => {
  it('invalidates lists and the portfolio even when the caller passes its own onSuccess', async () => {
    const consortium = demoConsortium(0);
    const queryClient = createQueryClient({ retry: false });
    const listKey = consortiumKeys.list({ programmeId: consortium.programmeId });
    const portfolioKey = [...portfolioKeys.detail(consortium.programmeId), { asOf: undefined }];
    queryClient.setQueryData(listKey, { items: [consortium] });
    queryClient.setQueryData(portfolioKey, { stale: false });
    const callerOnSuccess = vi.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => usePatchConsortium({ onSuccess: callerOnSuccess }), {
      wrapper,
    });

    await act(() =>
      result.current.mutateAsync({
        consortiumId: consortium.id,
        version: consortium.version,
        patch: { territory: 'Ailleurs' },
      }),
    );

    expect(callerOnSuccess).toHaveBeenCalledOnce();
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(portfolioKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(consortiumKeys.detail(consortium.id))).toMatchObject({
      territory: 'Ailleurs',
      version: consortium.version + 1,
    });
  });
});
