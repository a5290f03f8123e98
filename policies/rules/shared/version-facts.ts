/** An exact version constraint: `1.11.4`, `= 1.11.4` or `=1.11.4` (a pre-release suffix is allowed). */
export const EXACT_VERSION = /^\s*=?\s*v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\s*$/;
