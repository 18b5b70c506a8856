import { codePointLength } from '../schema/code-points';
import { constraintErrors } from './query-errors';

// Reading awsQuery form parameters: every value is a string; nested members are dotted
// (`Filters.Category`). Problems are collected, then reported together like AWS does.

/** `TypeName` → `typeName`: AWS names members in camel case in constraint messages. */
function memberName(parameter: string): string {
  return parameter
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

export class QueryParams {
  private readonly failures: string[] = [];

  constructor(private readonly params: URLSearchParams) {}

  /** A string parameter; empty values count as absent, as AWS treats them. */
  string(name: string, maxLength?: number): string | undefined {
    const value = this.params.get(name) ?? undefined;
    if (value === undefined || value === '') return undefined;
    if (maxLength !== undefined && codePointLength(value) > maxLength) {
      this.failures.push(
        `Value '${value}' at '${memberName(name)}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`,
      );
    }
    return value;
  }

  /** A parameter restricted to an enum. */
  choice<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.failures.push(
      `Value '${value}' at '${memberName(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
    return undefined;
  }

  /** An integer parameter within bounds. */
  integer(name: string, minimum: number, maximum: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(number)) {
      this.failures.push(
        `Value '${value}' at '${memberName(name)}' failed to satisfy constraint: Member must be an integer`,
      );
      return undefined;
    }
    if (number < minimum || number > maximum) {
      const bound =
        number < minimum
          ? `greater than or equal to ${minimum}`
          : `less than or equal to ${maximum}`;
      this.failures.push(
        `Value '${value}' at '${memberName(name)}' failed to satisfy constraint: Member must have value ${bound}`,
      );
      return undefined;
    }
    return number;
  }

  /** Throws a ValidationError listing every failed constraint, if any. */
  check(): void {
    if (this.failures.length > 0) throw constraintErrors(this.failures);
  }
}
