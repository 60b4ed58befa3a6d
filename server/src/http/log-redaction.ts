import { maskIdNumber } from '../domain/id-number';

/** Masks 18-character ID numbers wherever they appear in text bound for the logs. */
export function maskSensitive(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m));
}
