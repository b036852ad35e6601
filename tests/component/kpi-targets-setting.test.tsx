import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '@tests/support/mock-api';
import { renderRoute } from './render';
import { signIn } from './support/session';

describe('who sets KPI targets', () => {
  beforeEach(() => signIn('manager'));

  it('is shown with the programme settings: managers only in the demo', async () => {
    expect(demo.programmes[0]!.leadsSetTargets).toBe(false);
    renderRoute('/admin');
    expect(await screen.findByText('Cibles des indicateurs')).toBeInTheDocument();
    expect(screen.getByText('Fixées par les gestionnaires du programme')).toBeInTheDocument();
  });
});
