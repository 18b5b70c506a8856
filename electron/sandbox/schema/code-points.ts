/**
 * A string's length in Unicode code points: what JSON Schema's minLength/maxLength count
 * and what CloudFormation's Java validator reports (`expected maxLength: 63, actual: 70`).
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _codePoint of text) length++;
  return length;
}
