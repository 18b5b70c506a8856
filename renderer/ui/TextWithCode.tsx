/**
 * Shows a plain-text message, setting `backticked` parts (commands, file names) as code.
 * Text only: React escapes everything, so a message can never inject markup.
 */
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An unmatched backtick leaves an even number of parts: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index}>{part}</code>
        ) : part === '' ? null : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
