import type { ColumnKind, ColumnSource } from '../contract';

/** One column an inventory table (or export) can show; derived from the type's schema. */
export interface InventoryColumn {
  /** Stable id: `region`, `account`, `identifier`, or the property name. */
  id: string;
  header: string;
  kind: ColumnKind;
  source: ColumnSource;
  /** The schema's description, shown as the header's tooltip and in the column chooser. */
  description: string | null;
  /** Shown when the user has no saved layout for the type. */
  defaultVisible: boolean;
  defaultWidth: number;
}

/** The parts of a type's details (TypeDetails) the columns come from. */
export interface ColumnSourceType {
  typeName: string;
  primaryIdentifier: string[];
  /** The CloudFormation resource schema, as JSON text. */
  schema: string;
}

type Node = Readonly<Record<string, unknown>>;

const WIDTH: Record<ColumnKind, number> = {
  text: 200,
  number: 110,
  boolean: 90,
  date: 190,
  json: 260,
};
// Beyond these the table gets too wide to read without scrolling.
const MAX_DEFAULT_VISIBLE_PROPERTIES = 6;
// Below this (ARNs, URLs, host names) a property never shows by default; see usefulness.
const MIN_DEFAULT_SCORE = 10;

const FIXED: readonly InventoryColumn[] = [
  {
    id: 'region',
    header: 'Region',
    kind: 'text',
    source: { field: 'region' },
    description: 'The AWS Region the resource was read from.',
    defaultVisible: false,
    defaultWidth: 120,
  },
  {
    id: 'account',
    header: 'Account',
    kind: 'text',
    source: { field: 'account' },
    description: 'The AWS account that owns the resource.',
    defaultVisible: false,
    defaultWidth: 140,
  },
  {
    id: 'identifier',
    header: 'Identifier',
    kind: 'text',
    source: { field: 'identifier' },
    description: "The resource's primary identifier in Cloud Control.",
    defaultVisible: true,
    defaultWidth: 260,
  },
];
const FIXED_IDS = new Set(FIXED.map((c) => c.id));

// Strings named like these hold timestamps even where the schema gives no `format`.
const DATE_NAME = /[a-z](?:Time|Date|At|Timestamp|DateTime)$/;

/**
 * The columns a type's table can show: region, account and identifier, then one per
 * top-level property the read handler can return. Scalars come before nested values, and
 * the most useful few scalars show by default. Headers keep AWS's property names exactly,
 * since that is what users search for.
 */
export function columnsForType(type: ColumnSourceType): InventoryColumn[] {
  const schema = parseSchema(type.schema);
  const properties = asNode(schema?.properties);
  if (schema === null || properties === null) return FIXED.map((c) => ({ ...c }));

  const definitions = asNode(schema.definitions) ?? {};
  const writeOnly = new Set(propertyNames(schema.writeOnlyProperties));
  const identifying = new Set(propertyNames(type.primaryIdentifier));
  const typeNoun = type.typeName.split('::').at(-1) ?? '';

  const scalars: { column: InventoryColumn; score: number; order: number }[] = [];
  const nested: InventoryColumn[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (writeOnly.has(name)) continue;
    const declared = asNode(raw) ?? {};
    const node = resolve(declared, definitions);
    const kind = kindOf(name, node, definitions);
    const column: InventoryColumn = {
      id: FIXED_IDS.has(name) ? `properties/${name}` : name,
      header: name,
      kind,
      source: { property: name },
      description: describe(declared, definitions),
      defaultVisible: false,
      defaultWidth: WIDTH[kind],
    };
    if (kind === 'json') nested.push(column);
    else {
      const score = identifying.has(name) ? -1 : usefulness(name, kind, node, typeNoun);
      scalars.push({ column, score, order: scalars.length });
    }
  }

  // The chosen few lead, most useful first; the rest keep the schema's order.
  const chosen = scalars
    .filter((s) => s.score >= MIN_DEFAULT_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_DEFAULT_VISIBLE_PROPERTIES);
  const chosenSet = new Set(chosen);
  const rest = scalars.filter((s) => !chosenSet.has(s));
  return [
    ...FIXED.map((c) => ({ ...c })),
    ...chosen.map((s) => ({ ...s.column, defaultVisible: true })),
    ...rest.map((s) => s.column),
    ...nested,
  ];
}

function parseSchema(text: string): Node | null {
  try {
    return asNode(JSON.parse(text));
  } catch {
    return null;
  }
}

function asNode(value: unknown): Node | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Node)
    : null;
}

/** `/properties/Name` pointers to top-level names; deeper pointers are not columns. */
function propertyNames(pointers: unknown): string[] {
  if (!Array.isArray(pointers)) return [];
  const names: string[] = [];
  for (const p of pointers) {
    const m = typeof p === 'string' ? /^\/properties\/([^/]+)$/.exec(p) : null;
    if (m?.[1] !== undefined) names.push(m[1]);
  }
  return names;
}

/** Follows `#/definitions/X` references; a cycle or a dangling one ends at `{}` (unknown). */
function resolve(node: Node, definitions: Node): Node {
  const seen = new Set<string>();
  let current = node;
  for (;;) {
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const name = m?.[1];
    if (name === undefined || seen.has(name)) return {};
    seen.add(name);
    current = asNode(definitions[name]) ?? {};
  }
}

function describe(declared: Node, definitions: Node): string | null {
  const own = declared.description;
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  const target = resolve(declared, definitions).description;
  return typeof target === 'string' && target.trim() !== '' ? target.trim() : null;
}

const SCALAR_KIND: Readonly<Record<string, ColumnKind>> = {
  string: 'text',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
};

function kindOf(name: string, node: Node, definitions: Node): ColumnKind {
  const base = baseKind(node, definitions, 0);
  if (base !== 'text') return base;
  const format = node.format;
  if (format === 'date-time' || format === 'date' || DATE_NAME.test(name)) return 'date';
  return 'text';
}

/** Kind by JSON type alone; unions of scalars read as text, anything nested as json. */
function baseKind(node: Node, definitions: Node, depth: number): ColumnKind {
  const type = node.type;
  if (typeof type === 'string') return SCALAR_KIND[type] ?? 'json';
  if (Array.isArray(type)) return unionKind(type.map((t) => (typeof t === 'string' ? t : '')));
  if (Array.isArray(node.enum)) {
    const kinds = new Set(node.enum.map((v) => typeof v));
    return kinds.size === 1 && kinds.has('number') ? 'number' : 'text';
  }
  const branches = node.oneOf ?? node.anyOf;
  if (Array.isArray(branches) && branches.length > 0 && depth < 4) {
    const kinds = new Set(
      branches.map((b) => baseKind(resolve(asNode(b) ?? {}, definitions), definitions, depth + 1)),
    );
    if (kinds.has('json')) return 'json';
    return kinds.size === 1 ? ([...kinds][0] ?? 'json') : 'text';
  }
  return 'json';
}

function unionKind(types: readonly string[]): ColumnKind {
  const kinds = new Set(types.filter((t) => t !== 'null').map((t) => SCALAR_KIND[t] ?? 'json'));
  if (kinds.has('json') || kinds.size === 0) return 'json';
  return kinds.size === 1 ? ([...kinds][0] ?? 'json') : 'text';
}

/**
 * How much a scalar property earns a default place: names, then status, then when it was
 * made, then its kind of thing; long ARNs and free text come last.
 */
function usefulness(name: string, kind: ColumnKind, node: Node, typeNoun: string): number {
  if (kind === 'date') {
    if (/^(?:Creat(?:ed|ion|e)|Launch)/.test(name)) return 70;
    if (/Modifi|Update/.test(name)) return 35;
    return 20;
  }
  // Long, derived or repeated elsewhere: worth a column only when the user asks for it.
  if (/(?:Arn|DomainName|DnsName|HostName|Endpoint|Url|URL|Uri)$/.test(name)) return 5;
  if (/Name$/.test(name)) {
    if (name === `${typeNoun}Name` || name === 'Name') return 100;
    if (/DisplayName$/.test(name)) return 95;
    // Shorter names are the resource's own; long ones tend to name a related resource.
    return 90 - Math.min(name.length, 20) / 2;
  }
  if (/(?:Status|State)$/.test(name)) return 80;
  if (/(?:Type|Engine|Runtime|Version|Class|Mode)$/.test(name)) return 50;
  if (Array.isArray(node.enum)) return 45;
  if (/Description$/.test(name)) return 30;
  if (kind === 'number' || kind === 'boolean') return 15;
  return 10;
}
