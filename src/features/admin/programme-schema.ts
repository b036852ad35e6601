import { z } from 'zod';
import { TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import { Programme, ProgrammePatch } from '@domain/contract/programme';
import { localeNumber } from '@/lib/forms';

/**
 * The settings form's schema and the pure helpers around it. Every rule is the contract's
 * ProgrammePatch; only the numbers are read from the text the manager typed.
 */

export const TEXT_FIELDS = ['name', 'funder', 'description'] as const;
export const NUMBER_FIELDS = ['smallCountThreshold', 'slippageToleranceDays'] as const;
export const SETTING_FIELDS = [...TEXT_FIELDS, ...NUMBER_FIELDS, 'leadsSetTargets'] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingValues = Pick<Programme, SettingField>;

const rule = ProgrammePatch.shape;

export const SettingsForm = z.object({
  name: rule.name.unwrap(),
  funder: rule.funder.unwrap(),
  description: rule.description.unwrap(),
  smallCountThreshold: localeNumber(rule.smallCountThreshold.unwrap()),
  slippageToleranceDays: localeNumber(rule.slippageToleranceDays.unwrap()),
  leadsSetTargets: rule.leadsSetTargets.unwrap(),
});
/** As typed: numbers stay text, so "1 5" or "" can be shown back with a message. */
export type SettingsInput = z.input<typeof SettingsForm>;
export type SettingsOutput = z.output<typeof SettingsForm>;

/** One message for a field, as a translation key under admin.errors plus its values. */
export type FieldError =
  | { key: 'required' | 'integer' | 'invalidCharacter' | 'invalid' }
  | { key: 'tooLong'; limit: number }
  | { key: 'range'; min: number; max: number };

/** Bounds of each number setting, as the contract states them. */
export function rangeOf(field: NumberField): { min: number; max: number } {
  const schema = Programme.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const isSettingField = (field: string): field is SettingField =>
  (SETTING_FIELDS as readonly string[]).includes(field);

const isNumberField = (field: SettingField): field is NumberField =>
  (NUMBER_FIELDS as readonly string[]).includes(field);

/**
 * What a broken rule means on a field, whether the form or the server found it: both name zod's
 * code, and the bounds come from the contract, so both read the same.
 */
export function errorFor(field: SettingField, code: string): FieldError {
  if (isNumberField(field)) {
    if (code === 'too_small' || code === 'too_big') return { key: 'range', ...rangeOf(field) };
    if (code === 'required') return { key: 'required' };
    if (code === 'invalid_type' || code === 'number') return { key: 'integer' };
    return { key: 'invalid' };
  }
  if (field === 'leadsSetTargets') return { key: 'invalid' };
  if (code === TEXT_INVALID_CHARACTER) return { key: 'invalidCharacter' };
  if (code === 'too_small') return { key: 'required' };
  if (code === 'too_big') {
    return { key: 'tooLong', limit: Programme.shape[field].maxLength ?? Number.MAX_SAFE_INTEGER };
  }
  return { key: 'invalid' };
}

export function valuesOf(p: SettingValues): SettingValues {
  return {
    name: p.name,
    funder: p.funder,
    description: p.description,
    smallCountThreshold: p.smallCountThreshold,
    slippageToleranceDays: p.slippageToleranceDays,
    leadsSetTargets: p.leadsSetTargets,
  };
}

export function inputOf(values: SettingValues): SettingsInput {
  return {
    ...valuesOf(values),
    smallCountThreshold: String(values.smallCountThreshold),
    slippageToleranceDays: String(values.slippageToleranceDays),
  };
}

/** Only what the manager changed is sent; text is compared trimmed, as the contract stores it. */
export function changesOf(base: SettingValues, checked: SettingsOutput): ProgrammePatch | null {
  const changed = SETTING_FIELDS.filter((f) => {
    const before = base[f];
    return checked[f] !== (typeof before === 'string' ? before.trim() : before);
  });
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((f) => [f, checked[f]]));
}
