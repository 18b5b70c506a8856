/** "AWS::SageMaker::ModelPackage" → "SageMaker model packages", for sentences. */
export function typeLabel(typeName: string): string {
  const [, service, resource] = typeName.split('::');
  if (service === undefined || resource === undefined) return `${typeName} resources`;
  const words = (resource.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [resource]).map((word) =>
    word === word.toUpperCase() ? word : word.toLowerCase(),
  );
  const last = words.pop() ?? resource;
  return [service, ...words, plural(last)].join(' ');
}

function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
