import { encode } from "uqr";

/** The QR code of a text as one SVG path on a `size`×`size` grid (quiet zone included), dark modules filled. */
export type QrPath = { size: number; d: string };

/** What the settings page shows to enrol an authenticator app. */
export type TotpEnrolment = { totpURI: string; secret: string; groupedKey: string; qr: QrPath };

const ISSUER = "CAN Partition Console";

/**
 * Encodes `text` with uqr and draws each dark module as a unit square. Medium error correction
 * and the four-module quiet zone the QR standard asks for, so phone cameras read it from a screen.
 */
export function qrPathFor(text: string): QrPath {
  const { size, data } = encode(text, { ecc: "M", border: 4 });
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return { size, d: parts.join("") };
}

/** "ABCD EFGH IJ": easier to read out and type than 52 characters in one run. */
export const groupedKey = (key: string): string => key.match(/.{1,4}/g)?.join(" ") ?? "";

/**
 * The enrolment for the secret Better Auth generated. The account label Better Auth writes is the
 * placeholder e-mail; authenticator apps show the username instead, so the URI is rebuilt around
 * Better Auth's own secret, and the QR code encodes exactly the URI the link shows.
 */
export function enrolmentFrom(betterAuthUri: string, username: string): TotpEnrolment {
  const secret = new URL(betterAuthUri).searchParams.get("secret") ?? "";
  const label = encodeURIComponent(`${ISSUER}:${username}`);
  const totpURI = `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(ISSUER)}`;
  return { totpURI, secret, groupedKey: groupedKey(secret), qr: qrPathFor(totpURI) };
}
