/** The IANA time zones this runtime can format in: what the account form offers and accepts. */
export const timeZones: readonly string[] = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];

/** Whether Intl can format in `name`: it knows aliases its list leaves out (Asia/Kathmandu beside Asia/Katmandu). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
