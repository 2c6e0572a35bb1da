import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { enrolmentFrom, groupedKey, type QrPath } from "./totp-enrolment";

/** Reads the dark modules back out of the path: one `M{x} {y}h1v1h-1z` square each. */
function modulesOf(qr: QrPath): boolean[][] {
  const grid = Array.from({ length: qr.size }, () => Array.from({ length: qr.size }, () => false));
  for (const [, x, y] of qr.d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) grid[Number(y)]![Number(x)] = true;
  return grid;
}

// The shape Better Auth's enableTwoFactor answers with: its placeholder e-mail as the label.
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPABCD";
const BETTER_AUTH_URI = `otpauth://totp/CAN%20Partition%20Console:tove%40users.invalid?secret=${SECRET}&issuer=CAN%20Partition%20Console&digits=6&period=30`;

describe("TOTP enrolment", () => {
  const enrolment = enrolmentFrom(BETTER_AUTH_URI, "tove");

  it("keeps Better Auth's secret and names the account by its username", () => {
    expect(enrolment.secret).toBe(SECRET);
    const uri = new URL(enrolment.totpURI);
    expect(uri.searchParams.get("secret")).toBe(SECRET);
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/CAN Partition Console:tove");
  });

  it("draws the QR code of exactly the URI the link shows", () => {
    const expected = encode(enrolment.totpURI, { ecc: "M", border: 4 });
    expect(enrolment.qr.size).toBe(expected.size);
    expect(modulesOf(enrolment.qr)).toEqual(expected.data);
    // Not of Better Auth's own URI (its label is the placeholder e-mail).
    expect(modulesOf(enrolment.qr)).not.toEqual(encode(BETTER_AUTH_URI, { ecc: "M", border: 4 }).data);
  });

  it("shows the key in groups of four that join back to the key", () => {
    expect(enrolment.groupedKey.split(" ")).toHaveLength(13);
    expect(enrolment.groupedKey.split(" ").every((g) => g.length === 4)).toBe(true);
    expect(enrolment.groupedKey.replaceAll(" ", "")).toBe(SECRET);
    expect(groupedKey("ABCDEF")).toBe("ABCD EF");
  });
});
