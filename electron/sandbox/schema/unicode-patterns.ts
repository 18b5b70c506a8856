// Registry patterns are written for Java (the CloudFormation validator is Java): `\p{L}`
// classes work in JavaScript's `u` mode, but about 3% of them (`(?s).+`, `\Z`, `\_`, …) do not
// compile there. Those are skipped rather than guessed at: a pattern we cannot read checks
// nothing, the same as a schema without it.

const compiled = new Map<string, RegExp | null>();

/** The pattern as a `u`-mode RegExp, or undefined when JavaScript cannot compile it. */
export function compileUnicodePattern(pattern: string): RegExp | undefined {
  let regExp = compiled.get(pattern);
  if (regExp === undefined) {
    try {
      regExp = new RegExp(pattern, 'u');
    } catch {
      regExp = null;
    }
    compiled.set(pattern, regExp);
  }
  return regExp ?? undefined;
}

export function isUsablePattern(pattern: string): boolean {
  return compileUnicodePattern(pattern) !== undefined;
}
