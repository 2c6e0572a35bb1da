import { describe, expect, it } from "vitest";
import { returnPathFor } from "@/lib/auth/return-path";

const PUBLIC = "http://127.0.0.1:3000";

/** Every character a browser strips or rewrites while parsing a URL, plus the rest of C0/C1 and DEL. */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, 0x85, 0x9f].map((c) => String.fromCharCode(c));

/** Ways to say "another host" after one leading slash. */
const FOREIGN_TAILS = ["/evil.example", "/evil.example/t/acme", "\\evil.example", "/\\evil.example", "\\/evil.example"];

describe("return path after sign-in (lib/auth/return-path.ts)", () => {
  it("keeps same-origin paths with their query, drops the fragment", () => {
    expect(returnPathFor("/t/acme/plans", PUBLIC)).toBe("/t/acme/plans");
    expect(returnPathFor("/t/acme/plans/x?year=2026&sel=a,b", PUBLIC)).toBe("/t/acme/plans/x?year=2026&sel=a,b");
    expect(returnPathFor("/t/acme/audit#top", PUBLIC)).toBe("/t/acme/audit");
    expect(returnPathFor("/t/acme/../globex/plans", PUBLIC)).toBe("/t/globex/plans");
    expect(returnPathFor("/settings", "https://console.example.com/")).toBe("/settings");
  });

  it.each([null, undefined, "", "t/acme", "https://evil.example/", "http://127.0.0.1:3000/t/acme", "javascript:alert(1)", "//evil.example", "///evil.example"])(
    "refuses %j",
    (raw) => {
      expect(returnPathFor(raw, PUBLIC)).toBe("/");
    },
  );

  it("refuses a control character or backslash anywhere, whatever follows", () => {
    let tried = 0;
    for (const c of [...CONTROLS, "\\"]) {
      for (const tail of FOREIGN_TAILS) {
        for (const raw of [`/${c}${tail}`, `${c}/${tail}`, `/${c}${c}${tail}`, `/t/acme${c}/plans`, `/${tail}${c}`]) {
          expect(returnPathFor(raw, PUBLIC), JSON.stringify(raw)).toBe("/");
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(800);
  });

  it("refuses paths whose dot segments collapse to a network path", () => {
    for (const raw of ["/.//evil.example", "/./..//evil.example", "/a/..//evil.example", "/%2e//evil.example", "/%2E%2E//evil.example"]) {
      expect(returnPathFor(raw, PUBLIC), raw).toBe("/");
    }
  });

  it("never returns anything a browser would resolve off the public origin", () => {
    const samples = [
      "/%09/evil.example",
      "/%5C/evil.example",
      "/%2F/evil.example",
      "/t/%2F%2Fevil",
      "/@evil.example",
      "/:evil.example@x",
      "/?next=//evil.example",
    ];
    for (const raw of samples) {
      const back = returnPathFor(raw, PUBLIC);
      expect(new URL(back, PUBLIC).origin, raw).toBe(PUBLIC);
      expect(back.startsWith("//")).toBe(false);
    }
  });

  it("does not return to the sign-in page (no loop) and refuses oversized input", () => {
    expect(returnPathFor("/login", PUBLIC)).toBe("/");
    expect(returnPathFor("/login?next=/t/acme", PUBLIC)).toBe("/");
    expect(returnPathFor("/login/", PUBLIC)).toBe("/");
    expect(returnPathFor(`/t/${"a".repeat(2100)}`, PUBLIC)).toBe("/");
  });
});
