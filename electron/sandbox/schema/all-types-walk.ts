import { testContext } from './test-helpers';
import type { SchemaTypeCatalog } from './type-catalog';

export interface WalkResult {
  walked: number;
  /** One line per thing that went wrong, naming the type. */
  problems: string[];
  seconds: number;
}

/**
 * Takes every `shards`-th registry type (starting at `shard`) through the whole model:
 * building it, compiling its validators, validating `{}` (which must report each required
 * property), validating a list call, and, for types with a create handler, generating the
 * read-only values and validating the result. Sharded so test files can share the ≈10 s of
 * ajv compilation across cores.
 */
export function walkTypes(catalog: SchemaTypeCatalog, shard: number, shards: number): WalkResult {
  const started = performance.now();
  const problems: string[] = [];
  const names = catalog.typeNames().filter((_name, index) => index % shards === shard);
  for (const typeName of names) {
    const model = catalog.get(typeName);
    if (!model) {
      problems.push(`${typeName}: missing from the catalog`);
      continue;
    }
    const violations = new Set(model.validateCreate({}).map((violation) => violation.message));
    for (const name of model.schema.required ?? []) {
      if (!violations.has(`#: required key [${name}] not found`)) {
        problems.push(`${typeName}: {} did not report required ${name}`);
      }
    }
    model.validateListModel?.(undefined);
    if (!model.handlers.has('create')) continue;

    const generated = model.withGeneratedReadOnly({}, testContext());
    for (const name of model.readOnlyProperties.filter((path) => !path.includes('/'))) {
      if (!(name in generated)) problems.push(`${typeName}: ${name} was not generated`);
    }
    // From an empty desired state only the caller's part can be wrong: required keys and
    // the oneOf/anyOf choices between them. Generated values must satisfy the rest.
    for (const violation of model.validateModel(generated)) {
      if (!/required key|subschema/.test(violation.message)) {
        problems.push(`${typeName}: generated model: ${violation.message}`);
      }
    }
  }
  for (const problem of catalog.validators.problems) {
    problems.push(
      `${problem.typeName}: ajv refused the ${problem.which} schema: ${problem.message}`,
    );
  }
  return { walked: names.length, problems, seconds: (performance.now() - started) / 1000 };
}
