import "server-only";
import { eq } from "drizzle-orm";
import { recordAuthEvent } from "@/lib/audit";
import { getAuth } from "@/lib/auth/auth";
import { reserveAttempt, settleSuccess } from "@/lib/auth/rate-limit";
import { recordRefusal } from "@/lib/auth/refusals";
import type { RequestMeta } from "@/lib/auth/roles";
import { limitConfig } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { session as sessionTable } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log/log-event";
import { metrics } from "@/lib/telemetry/metrics";
import { runCapturing, type CallbackCapture } from "./callback-capture";
import { applyProviderRoles } from "./provider-roles";
import { ensureUsername, usernameCandidates } from "./provider-user";
import { oidcRefusalOf, type OidcRefusal } from "./refusals";
import { oidcSettings, roleMapping } from "./settings";

/** Back to the login page with the reason; no session cookie rides along. */
function toLogin(code: string): Response {
  const url = new URL("/login", getEnv().PUBLIC_URL);
  url.searchParams.set("error", code);
  return new Response(null, { status: 302, headers: { location: url.toString(), "cache-control": "no-store" } });
}

/** The `error` code Better Auth put on its redirect to the login page, if it redirected there. */
function refusalCode(location: string | null): string | null {
  if (!location) return null;
  const url = new URL(location, getEnv().PUBLIC_URL);
  return url.pathname === "/login" ? (url.searchParams.get("error") ?? "other") : null;
}

/**
 * The provider's redirect back (/api/auth/callback/oidc): counted against the client address like a
 * password attempt, handed to Better Auth (state, PKCE, code exchange, ID token signature, issuer,
 * audience and nonce), then, for a session it created: a username, the roles the groups claim
 * grants now, and the audit row. A sign-in that cannot be audited or given its roles is taken back.
 */
export async function completeOidcSignIn(request: Request, meta: RequestMeta): Promise<Response> {
  const oidc = oidcSettings();
  if (!oidc) return toLogin("oidc_unavailable");
  const db = await getDb();
  const reservation = await reserveAttempt(db, null, meta, limitConfig());
  if (!reservation.ok) {
    await recordRefusal(db, reservation, { username: "(company sign-in)", userId: null, meta }, limitConfig());
    metrics().signIns.inc({ outcome: "rate-limited" });
    return toLogin("rate_limited");
  }

  const capture: CallbackCapture = {};
  const auth = await getAuth();
  let response: Response;
  try {
    response = await runCapturing(capture, () => auth.handler(request));
  } catch (e) {
    // A fault inside Better Auth: logged, and told on the login page like any refusal (never a 500 page).
    logEvent("error", "auth.oidc_callback_failed", { error: e instanceof Error ? e.message : String(e) });
    if (capture.session) await db.delete(sessionTable).where(eq(sessionTable.token, capture.session.token));
    capture.session = undefined;
    response = toLogin("other");
  }
  const profile = capture.profile ?? {};
  const typed = usernameCandidates(profile)[0] ?? "(unknown)";

  if (!capture.session) {
    const code = refusalCode(response.headers.get("location"));
    // Anything but Better Auth's redirect to the login page (a JSON error, a 500) is never shown as is.
    return refused(oidcRefusalOf(code), code ?? "other", typed, meta, code === null ? toLogin("other") : response);
  }

  const { token, userId } = capture.session;
  try {
    const username = await ensureUsername(userId, profile);
    const { changes, roles } = await applyProviderRoles({ id: userId, username }, profile[oidc.groupsClaim], roleMapping(), meta);
    await recordAuthEvent({ action: "auth.sign_in", userId, username, meta, details: { method: "oidc", rolesChanged: changes.length } });
    await settleSuccess(db, reservation);
    metrics().signIns.inc({ outcome: "signed-in" });
    // No role anywhere: the home page says so plainly, instead of a 404 at the page they asked for.
    if (Object.keys(roles).length === 0) response.headers.set("location", new URL("/", getEnv().PUBLIC_URL).toString());
    return response;
  } catch (e) {
    await db.delete(sessionTable).where(eq(sessionTable.token, token));
    logEvent("error", "auth.oidc_sign_in_failed", { error: e instanceof Error ? e.message : String(e) });
    metrics().signIns.inc({ outcome: "oidc-other" });
    return toLogin("internal_error");
  }
}

async function refused(refusal: OidcRefusal, code: string, username: string, meta: RequestMeta, response: Response): Promise<Response> {
  await recordAuthEvent({ action: "auth.sign_in_failed", userId: null, username, meta, details: { method: "oidc", reason: refusal, code: code.slice(0, 64) } });
  metrics().signIns.inc({ outcome: `oidc-${refusal}` });
  // Better Auth's redirect carries the code to the login page and clears its state cookie.
  return response;
}
