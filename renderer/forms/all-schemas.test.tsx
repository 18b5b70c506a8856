import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { renderToString } from 'react-dom/server';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isJsonObject } from './json-value';
import { prepareSchema } from './prepare-schema';
import { ResourceForm } from './ResourceForm';
import { minimalData } from './test-support/minimal-data';
import { isDesiredState, validateDesiredState } from './validate';
import { validateValue } from './validator/interpreter';
import { formValidator } from './validator/rjsf-validator';

/** The registry snapshot's schemas of types that can be created, as JSON text. */
async function creatableSchemas(): Promise<{
  files: number;
  types: { typeName: string; text: string }[];
}> {
  const packed = await readFile(
    new URL('../../electron/registry/cloudformation-resource-schemas.tgz', import.meta.url),
  );
  const extractor = extract();
  extractor.end(gunzipSync(packed));
  const out: { typeName: string; text: string }[] = [];
  let files = 0;
  for await (const entry of extractor) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(Buffer.from(chunk as Uint8Array));
    if (entry.header.type !== 'file') continue;
    files++;
    const text = Buffer.concat(chunks).toString('utf8');
    const schema: unknown = JSON.parse(text);
    if (!isJsonObject(schema) || typeof schema.typeName !== 'string') continue;
    const handlers = schema.handlers;
    if (isJsonObject(handlers) && isJsonObject(handlers.create)) {
      out.push({ typeName: schema.typeName, text });
    }
  }
  return { files, types: out.sort((a, b) => a.typeName.localeCompare(b.typeName)) };
}

describe('every creatable type in the registry snapshot', () => {
  let types: { typeName: string; text: string }[] = [];
  let fileCount = 0;
  /** The type being walked, and what rjsf or React logged for each type. */
  let current = '';
  const warnings = new Map<string, string[]>();
  const collect = (...args: unknown[]) => {
    const list = warnings.get(current) ?? [];
    list.push(args.map(String).join(' ').slice(0, 200));
    warnings.set(current, list);
  };

  beforeAll(async () => {
    ({ files: fileCount, types } = await creatableSchemas());
    // rjsf reports schema trouble through console.warn/error: any of it fails the walk.
    vi.spyOn(console, 'warn').mockImplementation(collect);
    vi.spyOn(console, 'error').mockImplementation(collect);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  // ~15 s on an idle 2-core machine; the margin is for machines busy with other test runs.
  it('prepares, renders and validates all of them without throwing', { timeout: 180_000 }, () => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const failures: string[] = [];
    let walked = 0;
    for (const { typeName, text } of types) {
      current = typeName;
      walked++;
      try {
        const create = prepareSchema(text, { mode: 'create', requiredOnly: false });
        const requiredOnly = prepareSchema(text, { mode: 'create', requiredOnly: true });
        const update = prepareSchema(text, { mode: 'update', requiredOnly: false });
        const guess = minimalData(create.schema);
        const initial = isDesiredState(guess) ? guess : {};

        for (const [prepared, data] of [
          [create, {}],
          [create, initial],
          [requiredOnly, initial],
          [update, initial],
        ] as const) {
          expect(Array.isArray(validateDesiredState(prepared, data))).toBe(true);
          formValidator.validateFormData(data, prepared.schema);
        }

        const requiredView = renderToString(
          <ResourceForm
            typeName={typeName}
            schemaJson={text}
            mode="create"
            initialView="required"
          />,
        );
        // Every required property must get a field (rjsf ids are `<prefix>_<Name>…`).
        const missing = create.required.filter(
          (name) => !new RegExp(`_${name}["_]`).test(requiredView),
        );
        if (missing.length > 0) throw new Error(`no field for ${missing.join(', ')}`);
        for (const html of [
          requiredView,
          renderToString(
            <ResourceForm
              typeName={typeName}
              schemaJson={text}
              mode="create"
              initialView="all"
              initial={initial}
            />,
          ),
          renderToString(
            <ResourceForm typeName={typeName} schemaJson={text} mode="update" initial={initial} />,
          ),
        ]) {
          if (html.includes('rf-failed')) throw new Error('the form could not read the schema');
        }
      } catch (e) {
        failures.push(`${typeName}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    console.info(
      `Walked ${walked} creatable types (of ${fileCount} in the snapshot) in ${seconds.toFixed(1)} s ` +
        `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU); ${warnings.size} logged warnings.`,
    );
    for (const [typeName, list] of [...warnings].slice(0, 20)) {
      console.info(`${typeName}: ${list.slice(0, 3).join(' | ')}`);
    }
    expect(failures).toEqual([]);
    expect(warnings.size).toBe(0);
    expect(walked).toBe(types.length);
    expect(walked).toBeGreaterThan(1000);
  });

  it(
    'agrees with ajv on a spread of them (every 10th type, rule-breaking data)',
    { timeout: 60_000 },
    () => {
      // ajv compiles each schema to code (~40 s for all of them here, and impossible under
      // the renderer's CSP), so the cross-check samples; the walk above covers every type.
      const ajv = customizeValidator({
        ajvOptionsOverrides: { strict: false, allErrors: true },
      }).ajv;
      const disagreements: string[] = [];
      for (const { typeName, text } of types.filter((_, i) => i % 10 === 0)) {
        const { schema } = prepareSchema(text, { mode: 'create', requiredOnly: false });
        const check = ajv.compile(schema);
        const base = minimalData(schema);
        const variants: unknown[] = [{}, base, { ...(isDesiredState(base) ? base : {}), Nope: 1 }];
        if (isDesiredState(base)) {
          for (const key of Object.keys(base)) {
            for (const bad of ['', 'x'.repeat(300), -1, 1.5, true, [], {}]) {
              variants.push({ ...base, [key]: bad });
            }
          }
        }
        for (const data of variants) {
          const ours = validateValue(schema, data, schema).length === 0;
          if (ours !== check(data)) disagreements.push(`${typeName}: ${JSON.stringify(data)}`);
        }
        ajv.removeSchema(schema);
      }
      expect(disagreements).toEqual([]);
    },
  );
});
