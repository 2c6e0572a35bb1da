import { splitSetCookieHeader } from "better-auth/cookies";

/** A cookie Better Auth asked us to set, in the shape `cookies().set()` takes. */
export type CookieToSet = {
  name: string;
  value: string;
  options: { maxAge?: number; expires?: Date; path?: string; secure?: boolean; httpOnly?: boolean; sameSite?: "lax" | "strict" | "none" };
};

export function cookiesFromHeaders(headers: Headers | null | undefined): CookieToSet[] {
  if (!headers) return [];
  const out: CookieToSet[] = [];
  for (const line of headers.getSetCookie?.() ?? splitSetCookieHeader(headers.get("set-cookie") ?? "")) {
    const [pair = "", ...attrs] = line.split(";").map((p) => p.trim());
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const cookie: CookieToSet = { name: pair.slice(0, eq), value: safeDecode(pair.slice(eq + 1)), options: {} };
    for (const attr of attrs) {
      const [k = "", v = ""] = attr.split("=");
      const key = k.trim().toLowerCase();
      if (key === "max-age") cookie.options.maxAge = Number.parseInt(v, 10);
      else if (key === "expires") cookie.options.expires = new Date(v);
      else if (key === "path") cookie.options.path = v;
      else if (key === "secure") cookie.options.secure = true;
      else if (key === "httponly") cookie.options.httpOnly = true;
      else if (key === "samesite") cookie.options.sameSite = v.toLowerCase() as "lax" | "strict" | "none";
    }
    out.push(cookie);
  }
  return out;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** A Cookie request header carrying these cookies (tests chain steps this way). */
export function cookieHeader(cookies: readonly CookieToSet[]): string {
  return cookies
    .filter((c) => c.value !== "" && c.options.maxAge !== 0)
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
}
