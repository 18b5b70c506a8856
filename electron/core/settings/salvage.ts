import type { z } from 'zod';
import {
  BrowseSettings,
  ColumnLayout,
  ExportOptions,
  ProfileSafety,
  SafetyReview,
  type Settings,
} from '../../../shared/contract';
import { defaultSettings } from './merge';

export interface SalvagedSettings {
  /** Every value that could be read; the defaults for the others. */
  settings: Settings;
  /** One entry per value left out: `<path>: <why>`. */
  problems: string[];
  /**
   * Why the profile safety flags cannot be trusted (a flag, an entry or the whole section
   * could not be read), or null. A lost flag may have been "read-only", so the caller holds
   * every profile read-only rather than guess.
   */
  safetyProblem: string | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a settings file's JSON section by section and key by key, so one bad value loses
 * that value only. A section missing altogether (a file written before it existed) is no
 * problem: it takes the defaults.
 */
export function salvageSettings(json: unknown): SalvagedSettings {
  const problems: string[] = [];
  const safetyProblems: string[] = [];

  /** The value if it fits, otherwise the fallback, noting why. */
  function pick<T, F>(
    schema: z.ZodType<T>,
    value: unknown,
    fallback: F,
    at: string,
    into = problems,
  ): T | F {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    into.push(`${at}: ${result.error.issues[0]?.message ?? 'not valid'}`);
    return fallback;
  }

  /** A section that must be an object, or undefined (missing: defaults, no problem). */
  function section(value: unknown, at: string, into = problems): Json | undefined {
    if (value === undefined || isObject(value)) return value;
    into.push(`${at}: not an object`);
    return undefined;
  }

  /** Each entry of a keyed map on its own: a bad one is left out, the others kept. */
  function entries<T>(
    value: unknown,
    at: string,
    read: (entry: unknown, at: string) => T | undefined,
    into = problems,
  ): Record<string, T> {
    const map: Record<string, T> = {};
    for (const [key, entry] of Object.entries(section(value, at, into) ?? {})) {
      const kept = read(entry, `${at}.${key}`);
      if (kept !== undefined) map[key] = kept;
    }
    return map;
  }

  if (!isObject(json)) {
    return {
      settings: defaultSettings,
      problems: ['file: not a settings object'],
      safetyProblem: 'the file is not a settings object',
    };
  }

  const browseJson = section(json['browse'], 'browse') ?? {};
  /** A plain browse field: missing takes the default quietly, a bad value with a note. */
  const browseField = <T>(key: string, schema: z.ZodType<T>, fallback: T): T =>
    key in browseJson ? pick(schema, browseJson[key], fallback, `browse.${key}`) : fallback;
  const regionsOf = BrowseSettings.shape.regionsByProfile.valueType;
  const widthOf = ColumnLayout.shape.widths.valueType;

  const browse: Settings['browse'] = {
    profile: browseField('profile', BrowseSettings.shape.profile, defaultSettings.browse.profile),
    typeName: browseField(
      'typeName',
      BrowseSettings.shape.typeName,
      defaultSettings.browse.typeName,
    ),
    recentTypes: browseField(
      'recentTypes',
      BrowseSettings.shape.recentTypes,
      defaultSettings.browse.recentTypes,
    ),
    regionsByProfile: entries(browseJson['regionsByProfile'], 'browse.regionsByProfile', (v, at) =>
      pick(regionsOf, v, undefined, at),
    ),
    columns: entries(browseJson['columns'], 'browse.columns', (layout, at) => {
      if (!isObject(layout)) return pick(ColumnLayout, layout, undefined, at);
      // Without its column list a layout means nothing; a bad width loses that width only.
      const visible = pick(
        ColumnLayout.shape.visible,
        layout['visible'],
        undefined,
        `${at}.visible`,
      );
      if (visible === undefined) return undefined;
      const widths = entries(layout['widths'], `${at}.widths`, (v, where) =>
        pick(widthOf, v, undefined, where),
      );
      return { visible, widths };
    }),
  };

  const exportJson = section(json['export'], 'export') ?? {};
  const exportOptions: Settings['export'] = {
    bom: pick(ExportOptions.shape.bom, exportJson['bom'] ?? false, false, 'export.bom'),
    neutralizeFormulas: pick(
      ExportOptions.shape.neutralizeFormulas,
      exportJson['neutralizeFormulas'] ?? true,
      true,
      'export.neutralizeFormulas',
    ),
  };

  // Every flag is written whenever its profile has an entry, so a missing one is lost too.
  const profiles = entries(
    json['profiles'],
    'profiles',
    (flags, at) => {
      if (!isObject(flags)) {
        safetyProblems.push(`${at}: not an object`);
        return undefined;
      }
      return {
        readOnly: pick(
          ProfileSafety.shape.readOnly,
          flags['readOnly'],
          false,
          `${at}.readOnly`,
          safetyProblems,
        ),
        production: pick(
          ProfileSafety.shape.production,
          flags['production'],
          false,
          `${at}.production`,
          safetyProblems,
        ),
      };
    },
    safetyProblems,
  );

  // A hold that cannot be read may have been on: it starts again, with nothing reviewed.
  const review =
    json['safetyReview'] === undefined
      ? undefined
      : pick(SafetyReview, json['safetyReview'], undefined, 'safetyReview', safetyProblems);

  problems.push(...safetyProblems);
  const settings: Settings = { browse, profiles, export: exportOptions };
  if (review !== undefined) settings.safetyReview = review;
  return {
    settings,
    problems,
    safetyProblem: safetyProblems.length > 0 ? safetyProblems.join('; ') : null,
  };
}
