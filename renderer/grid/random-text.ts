// Test text for the ordering tests: the last five characters only the collator can order.
const ALPHABET = 'aAbBzZ09-_. /:é1Ω23';

/** Mostly printable ASCII with digit runs; now and then a character only the collator orders. */
export function randomText(random: () => number): string {
  const length = Math.floor(random() * 12);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.15) text += String(Math.floor(random() * 1200));
    else if (r < 0.18) text += ALPHABET.charAt(14 + Math.floor(random() * 5));
    else text += ALPHABET.charAt(Math.floor(random() * 14));
  }
  return text;
}
