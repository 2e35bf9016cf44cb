// Where to send someone back to after signing in (the login page's `next`, carried through the
// second step and single sign-on): only a path on this site. Browsers read "//host" and "/\host"
// as another host, and some drop tabs and line breaks before reading a URL, so anything but a
// plain local path is refused and the caller uses its own default.

/** Longer than any page address of this site: a longer one is not ours. */
export const RETURN_ADDRESS_MAX = 2000;

export function localReturnPath(target: unknown): string | undefined {
  if (typeof target !== 'string' || target.length === 0 || target.length > RETURN_ADDRESS_MAX) return undefined;
  if (target[0] !== '/') return undefined;
  const second = target[1];
  if (second === '/' || second === '\\') return undefined;
  // Control characters (C0, DEL and C1) and backslashes anywhere: a browser may skip or rewrite them.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(target)) return undefined;
  return target;
}
