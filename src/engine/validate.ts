// Checks shared by every constructor. Messages follow PyTorch's wording where PyTorch has a check,
// so a student who later meets the same mistake in PyTorch recognises it. Numbers are printed the
// JavaScript way (String(x)): NaN, Infinity, -1.

/** Prints a value for an error message: numbers as JavaScript prints them, anything else quoted with its type. */
export function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `"${value}" (a string, expected a number)`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return `${String(value)} (${value === null ? 'null' : typeof value})`;
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Throws `Invalid <what>: <value>` unless value is a finite number in [min, max] (or [min, max) when maxOpen). */
export function checkNumber(value: unknown, what: string, min: number, max = Infinity, maxOpen = false): number {
  if (!isNumber(value) || value < min || value > max || (maxOpen && value === max)) {
    throw new RangeError(`Invalid ${what}: ${show(value)}`);
  }
  return value;
}

export function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`Invalid ${what} value: ${show(value)} (expected true or false)`);
  return value;
}

export function checkInteger(value: unknown, what: string, min: number): number {
  if (!isNumber(value) || !Number.isInteger(value) || value < min) {
    throw new RangeError(`Invalid ${what}: ${show(value)} (expected an integer >= ${min})`);
  }
  return value;
}

/** Rejects option names we do not know, so a typo such as `learningRate` is not silently ignored. */
export function checkKeys(options: object, allowed: readonly string[], owner: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`Unknown option "${key}" for ${owner}; expected one of: ${allowed.join(', ')}`);
    }
  }
}

/** Students will pass plain arrays; say what to do instead. */
export function checkVector(value: unknown, what: string): Float64Array {
  if (!(value instanceof Float64Array)) {
    const kind = Array.isArray(value)
      ? 'a plain array'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? (value.constructor?.name ?? 'an object')
          : typeof value;
    throw new TypeError(`${what} must be a Float64Array, got ${kind}; wrap it with new Float64Array(...)`);
  }
  return value;
}
