import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { consortiumOr404 } from '@server/db/queries';
import { mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { renderRoute } from './render';
import { api } from './support/api';
import { demoConsortium } from './support/demo';
import { signIn } from './support/session';

const text = en.consortiumEditor;
const consortium = demoConsortium(0);
const field = (name: string) => screen.getByRole('textbox', { name });

beforeEach(async () => {
  await signIn('manager');
});

async function openEditor() {
  const view = renderRoute(`/consortia/${consortium.id}`, { locale: 'en' });
  await view.user.click(await screen.findByRole('button', { name: text.edit }));
  return view;
}

async function replace(user: ReturnType<typeof renderRoute>['user'], name: string, value: string) {
  await user.clear(field(name));
  await user.type(field(name), value);
}

/** The next save is refused on `field`, as the server words a contract issue. */
function refuseNextSave(field: string, code: string) {
  server.use(
    http.patch(
      '*/api/v1/consortia/:id',
      () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: `Invalid body: ${field}`,
              details: { issues: [{ field, code, message: 'Refused' }] },
            },
          },
          { status: 422 },
        ),
      { once: true },
    ),
  );
}

describe('the consortium details form (react-hook-form)', () => {
  it('says what is wrong beside each field, in English, and leads to the first one', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.territory, 'x'.repeat(201));
    await replace(user, text.fields.budgetEur, 'lots');
    await user.click(screen.getByRole('button', { name: text.save }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      `#${field(text.fields.territory).id}`,
      `#${field(text.fields.budgetEur).id}`,
    ]);
    expect(field(text.fields.territory)).toHaveAccessibleDescription('200 characters at most.');
    expect(field(text.fields.budgetEur)).toHaveAccessibleDescription(
      `${text.budgetHint} ${text.errors.number}`,
    );
    await user.click(links[0]!);
    expect(field(text.fields.territory)).toHaveFocus();
  });

  it('shows a 422 from the server beside its field', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.territory, 'Hauts-de-France');
    refuseNextSave('territory', 'too_big');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    const territory = field(text.fields.territory);
    expect(territory).toHaveAttribute('aria-invalid', 'true');
    expect(territory).toHaveAccessibleDescription(text.errors.tooBig);
    expect(territory).toHaveValue('Hauts-de-France');
  });

  it('keeps everything the user typed through a conflict and a refused "apply mine"', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.name, 'Mon nouveau nom');
    await replace(user, text.fields.budgetEur, '1 250 000');
    const stored = await consortiumOr404(await mockApi.db(), consortium.id);
    expect(
      (await api('PATCH', `/consortia/${consortium.id}`, { territory: 'Theirs' }, stored.version))
        .status,
    ).toBe(200);
    await user.click(screen.getByRole('button', { name: text.save }));

    const table = await screen.findByRole('table', { name: /Their version/ });
    expect(within(table).getByRole('row', { name: /Mon nouveau nom/ })).toBeInTheDocument();

    refuseNextSave('name', 'too_big');
    await user.click(screen.getByRole('button', { name: text.conflict.apply }));

    const name = await screen.findByRole('textbox', { name: text.fields.name });
    expect(name).toHaveValue('Mon nouveau nom');
    expect(name).toHaveAccessibleDescription(text.errors.tooBig);
    expect(field(text.fields.budgetEur)).toHaveValue('1 250 000');
    // Their territory, which the user did not touch, is what the form now starts from.
    expect(field(text.fields.territory)).toHaveValue('Theirs');
  });
});
