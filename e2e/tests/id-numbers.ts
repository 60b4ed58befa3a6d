/** 公民身份号码 (GB 11643-1999) for the journeys' new people: a Nanning (青秀区, 450103) number with its check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The 18-digit number of these first 17 digits: the check character appended. */
export function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A valid number of someone born in `birthYear` on a random day, with a random sequence. */
export function newIdNumber(birthYear: number): string {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return withCheckChar(`450103${birthYear}${month}${day}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`);
}
