import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Result } from "../../lib/api/result";

// Calls the built app's server actions over plain HTTP, the way the browser does: the action id from
// the build's server-reference manifest in the `Next-Action` header, the arguments encoded with the
// same React encoder the browser uses, the answer decoded from the RSC stream. No browser, no stub:
// tests use it to drive several app instances at once and to post forged payloads.

type FlightClient = {
  encodeReply: (value: unknown) => Promise<string | FormData>;
  createFromFetch: <T>(response: Promise<Response>, options: unknown) => Promise<T>;
};
const require = createRequire(import.meta.url);
const flight = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as FlightClient;
const consumerManifest = { serverConsumerManifest: { moduleMap: {}, serverModuleMap: null, moduleLoading: null } };

export type ActionRef = { id: string; file: string; name: string };

/** Every server action of a build, from `.next/server/server-reference-manifest.json`. */
export function listActions(root: string): ActionRef[] {
  const manifest = JSON.parse(readFileSync(join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({ id, file: v.filename, name: v.exportedName }));
}

export function findAction(root: string, name: string): ActionRef {
  const found = listActions(root).find((a) => a.name === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found;
}

export type ActionCall = {
  /** The page the action is posted to (the browser posts to the page it is on). */
  path: string;
  args: unknown[];
  cookie?: string | undefined;
  /** Defaults to the app's own origin; tests pass a foreign one or "null". */
  origin?: string | undefined;
  headers?: Record<string, string>;
  /** Sent instead of encoding `args`: for bodies React's encoder refuses to write (own `__proto__` keys). */
  rawBody?: string;
};

export type ActionAnswer<T> = { status: number; headers: Headers; value?: T; redirect?: string | null; body?: string };

export async function callAction<T = unknown>(base: string, action: ActionRef | string, call: ActionCall): Promise<ActionAnswer<T>> {
  const id = typeof action === "string" ? action : action.id;
  const headers: Record<string, string> = { "Next-Action": id, Accept: "text/x-component", ...call.headers };
  if (call.origin !== "") headers.Origin = call.origin ?? base;
  if (call.cookie) headers.cookie = call.cookie;
  const response = await fetch(`${base}${call.path}`, {
    method: "POST",
    headers,
    body: call.rawBody ?? (await flight.encodeReply(call.args)),
    redirect: "manual",
  });
  const redirect = response.headers.get("x-action-redirect");
  if (!(response.headers.get("content-type") ?? "").startsWith("text/x-component") || response.status >= 300) {
    return { status: response.status, headers: response.headers, redirect, body: await response.text() };
  }
  if (redirect) {
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, redirect };
  }
  const root = await flight.createFromFetch<{ a: Promise<T> }>(Promise.resolve(response), consumerManifest);
  return { status: response.status, headers: response.headers, value: await root.a, redirect };
}

/** The session cookie (`name=value`) from a response's Set-Cookie headers, if one was set. */
export function sessionCookieFrom(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    if (/session_token=/.test(pair) && !/=;?$/.test(pair) && !/Max-Age=0/i.test(line)) return pair;
  }
  return undefined;
}

export type SignInResult = { cookie?: string | undefined; error?: string | undefined; status: number };

/** The login page's own server action, posted with the form's FormData as the browser sends it. */
async function postSignIn(root: string, base: string, username: string, password: string, extraHeaders: Record<string, string>) {
  const form = new FormData();
  form.set("username", username);
  form.set("password", password);
  return callAction<Result<unknown> | null>(base, findAction(root, "signInAction"), { path: "/login", args: [null, form], headers: extraHeaders });
}

/** The message of a refused sign-in (the login action answers a Result). */
const refusalOf = (value: Result<unknown> | null | undefined) => (value && !value.ok ? value.error.message : undefined);

/** Signs in through the login page's own server action; the session cookie, or why there is none. */
export async function signIn(root: string, base: string, username: string, password: string, extraHeaders: Record<string, string> = {}): Promise<SignInResult> {
  const answer = await postSignIn(root, base, username, password, extraHeaders);
  return { cookie: sessionCookieFrom(answer.headers), error: refusalOf(answer.value), status: answer.status };
}

/** A signed-in account for tools that hold one session for long (the bench): every cookie the sign-in set. */
export type Session = { username: string; cookies: { name: string; value: string }[]; header: string };

/** Signs in like `signIn` and keeps every cookie set (not only the session's); throws when refused. */
export async function openSession(root: string, base: string, username: string, password: string, extraHeaders: Record<string, string> = {}): Promise<Session> {
  const answer = await postSignIn(root, base, username, password, extraHeaders);
  const cookies = answer.headers
    .getSetCookie()
    .filter((line) => !/Max-Age=0/i.test(line))
    .map((line) => line.split(";")[0] ?? "")
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }))
    .filter((c) => c.name && c.value);
  if (!cookies.some((c) => c.name.endsWith("session_token"))) {
    throw new Error(`signing in as ${username} gave no session cookie (HTTP ${answer.status} ${refusalOf(answer.value) ?? ""})`);
  }
  return { username, cookies, header: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}
