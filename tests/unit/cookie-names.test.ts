import { getCookies } from "better-auth/cookies";
import { describe, expect, it } from "vitest";
import { AUTH_COOKIES, authCookieOptions, SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";

// The names Better Auth really derives from our options (its own cookie getter, no database), and
// the list proxy.ts looks for, must agree; under https every cookie is a valid `__Host-` cookie.
function betterAuthCookies(publicUrl: string) {
  return getCookies({ baseURL: publicUrl, advanced: authCookieOptions(publicUrl), session: { expiresIn: 3600 } });
}

describe("session cookie names", () => {
  it("https: __Host- prefix, Secure, Path=/, no Domain, and the proxy knows the name", () => {
    const c = betterAuthCookies("https://console.example.com");
    expect(c.sessionToken.name).toBe("__Host-can-console.session_token");
    expect(c.sessionToken.attributes).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
    expect(c.sessionToken.attributes).not.toHaveProperty("domain");
    expect(SESSION_COOKIE_NAMES).toContain(c.sessionToken.name);
    for (const cookie of [c.sessionData, c.dontRememberToken]) {
      expect(cookie.name.startsWith("__Host-")).toBe(true);
      expect(cookie.attributes).toMatchObject({ secure: true, path: "/" });
    }
  });

  it("every cookie a plugin may create gets a __Host- name under https", () => {
    const options = authCookieOptions("https://console.example.com");
    for (const name of AUTH_COOKIES) expect(options.cookies[name]?.name).toBe(`__Host-can-console.${name}`);
  });

  it("http (local use): no prefix, not Secure, and the proxy knows that name too", () => {
    const c = betterAuthCookies("http://127.0.0.1:3000");
    expect(c.sessionToken.name).toBe("can-console.session_token");
    expect(c.sessionToken.attributes.secure).toBe(false);
    expect(SESSION_COOKIE_NAMES).toContain(c.sessionToken.name);
  });
});
