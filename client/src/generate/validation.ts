// Messages for the input boxes, as the user types. The checks themselves are the engine's (certutil's rules), so the
// client and the generator never disagree.
import {
  isValidDnsName,
  isValidFilename,
  isValidIp,
  splitCommaList,
  validateInstance,
} from '../../../server/src/pki/generate/validate';
import { parseDnText } from '../../../server/src/pki/generate/dnText';

/** Splits a comma-separated list as certutil does (`--dns a,b`); a space inside a name is an error, not a separator. */
export function splitList(text: string): string[] {
  return splitCommaList([text]);
}

export function checkDnsList(text: string): string | undefined {
  const bad = splitList(text).find((name) => !isValidDnsName(name));
  return bad === undefined ? undefined : `[${bad}] is not a valid DNS name`;
}

export function checkIpList(text: string): string | undefined {
  const bad = splitList(text).find((ip) => !isValidIp(ip));
  return bad === undefined ? undefined : `[${bad}] is not a valid IP address`;
}

/** An instance name (plain name or DN); `filename` is checked too when the name cannot be a file name. */
export function checkInstanceName(name: string): string | undefined {
  const errors = validateInstance({ name: name.trim(), dns: [], ip: [] });
  return errors[0];
}

export function checkFilename(name: string): string | undefined {
  return isValidFilename(name) ? undefined : `[${name}] is not a valid filename`;
}

/** Empty means "the default DN". */
export function checkDn(dn: string): string | undefined {
  if (dn.trim() === '') return undefined;
  try {
    parseDnText(dn);
    return undefined;
  } catch (e) {
    return `Not a valid DN: ${(e as Error).message}`;
  }
}

export function checkDays(text: string): string | undefined {
  return /^\s*[1-9]\d{0,5}\s*$/.test(text) ? undefined : 'Enter a whole number of days, 1 or more';
}

/** certutil accepts ASCII passwords only (PKCS#12 password encoding). */
export function checkPassword(password: string): string | undefined {
  return /^[\x20-\x7e]*$/.test(password) ? undefined : 'Use printable ASCII characters only';
}
