/** Luhn (mod 10) check used by every payment card scheme. `digits` must hold only 0-9. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** True when year/month/day name a real Gregorian date (leap years included). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const MAINLAND_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MAINLAND_CHECK = "10X98765432";
/** First two digits of a resident ID: provinces, plus 71/81/82/83 for Taiwan, Hong Kong and Macao residents. */
const MAINLAND_REGIONS = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/**
 * Mainland China 18-character resident ID: known region, birth date between 1900 and 2099 that exists
 * on the calendar, and the ISO 7064 MOD 11-2 check character. `id` is 17 digits plus a digit or X/x.
 */
export function isValidMainlandId(id: string): boolean {
  if (id.length !== 18 || !MAINLAND_REGIONS.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099 || !isCalendarDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (MAINLAND_WEIGHTS[i] ?? 0);
  return MAINLAND_CHECK[sum % 11] === id.charAt(17).toUpperCase();
}

/** Taiwan's letter codes, A=10 … Z=33, in the order the household registration system assigned them. */
const TAIWAN_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

/** Taiwan national ID `A123456789`: area letter, sex digit 1/2, seven digits, check digit. */
export function isValidTaiwanId(id: string): boolean {
  const code = TAIWAN_LETTERS.indexOf(id.charAt(0)) + 10;
  if (id.length !== 10 || code < 10) return false;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 9; i++) sum += (id.charCodeAt(i) - 48) * (9 - i);
  sum += id.charCodeAt(9) - 48;
  return sum % 10 === 0;
}

/**
 * Hong Kong identity card number: one or two letters, six digits and a check character (0-9 or A),
 * given here without brackets, e.g. `A1234563` for `A123456(3)`.
 */
export function isValidHkid(id: string): boolean {
  const letters = id.length === 9 ? id.slice(0, 2) : ` ${id.charAt(0)}`;
  const digits = id.slice(id.length - 7, id.length - 1);
  // A single-letter ID counts as if prefixed by a space, valued 36.
  const value = (ch: string) => (ch === " " ? 36 : ch.charCodeAt(0) - 55);
  let sum = value(letters.charAt(0)) * 9 + value(letters.charAt(1)) * 8;
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i);
  const check = id.charAt(id.length - 1);
  sum += check === "A" ? 10 : check.charCodeAt(0) - 48;
  return sum % 11 === 0;
}
