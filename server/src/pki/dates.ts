// Day counts of certificates and CRLs, kept apart from the ASN.1 readers so that a rule which only counts days
// (and `estls check` on a file that names no certificate) does not load them.

const DAY_MS = 86_400_000;

/** Whole days from `now` to `notAfter` (rounded down); once expired, minus the whole days since (at least -1). */
export function daysLeft(notAfter: Date, now: Date): number {
  const days = (notAfter.getTime() - now.getTime()) / DAY_MS;
  return days >= 0 ? Math.floor(days) : Math.min(-1, Math.trunc(days));
}

/** Serial numbers compared as numbers: leading zeros, colons and case do not matter. */
export function sameSerial(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/:/g, '').toUpperCase().replace(/^0+(?=.)/, '');
  return norm(a) === norm(b);
}
