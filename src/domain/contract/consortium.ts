import { z } from 'zod';
import { Id, IsoDate, text, Timestamp, Version } from './common';

export const OrganisationType = z.enum([
  'software_vendor',
  'device_maker',
  'integrator',
  'hds_host',
  'hospital',
  'hospital_at_home',
  'home_care',
  'gp_practice',
  'primary_care_community',
  'pharmacy',
  'nurses',
  'nursing_home',
  'coordination_platform',
  'patient_association',
  'academic',
  'public_body',
]);
export type OrganisationType = z.infer<typeof OrganisationType>;

/** Industry partners build and run the solution; the others deliver care with it. */
export const INDUSTRY_TYPES: readonly OrganisationType[] = [
  'software_vendor',
  'device_maker',
  'integrator',
  'hds_host',
];

export const Partner = z.strictObject({
  organisationId: Id,
  name: text().min(1).max(200),
  type: OrganisationType,
  role: text().max(200),
  isLead: z.boolean(),
});
export type Partner = z.infer<typeof Partner>;

export const ConsortiumStatus = z.enum(['active', 'closed']);
export type ConsortiumStatus = z.infer<typeof ConsortiumStatus>;

export const Consortium = z.strictObject({
  id: Id,
  programmeId: Id,
  code: text().min(1).max(20),
  name: text().min(1).max(200),
  solution: text().max(500),
  description: text().max(4000),
  territory: text().max(200),
  startDate: IsoDate,
  endDate: IsoDate,
  budgetEur: z.number().int().min(0),
  status: ConsortiumStatus,
  partners: z.array(Partner),
  version: Version,
  updatedAt: Timestamp,
});
export type Consortium = z.infer<typeof Consortium>;

/** Fields a manager or the consortium's lead may edit; everything else is derived or fixed at creation. */
export const ConsortiumPatch = z
  .strictObject({
    name: text().trim().min(1).max(200),
    solution: text().trim().max(500),
    description: text().trim().max(4000),
    territory: text().trim().max(200),
    budgetEur: z.number().int().min(0).max(1_000_000_000),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'at least one field is required');
export type ConsortiumPatch = z.infer<typeof ConsortiumPatch>;
