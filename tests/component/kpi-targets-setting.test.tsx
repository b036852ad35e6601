import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockStore } from '@mocks/node';
import { renderRoute } from './render';
import { signIn } from './support/session';

describe('who sets KPI targets', () => {
  beforeEach(() => signIn('manager'));

  it('is shown with the programme settings: managers only in the demo', async () => {
    expect(mockStore.data.programmes[0]!.leadsSetTargets).toBe(false);
    renderRoute('/admin');
    expect(await screen.findByText('Cibles des indicateurs')).toBeInTheDocument();
    expect(screen.getByText('Fixées par les gestionnaires du programme')).toBeInTheDocument();
  });
});
