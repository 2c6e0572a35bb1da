// Signs a demo account in the way a browser without JavaScript would: the login page's form (a
// server action with progressive enhancement) posted as multipart form data. The session cookie is
// then reused by the load generator and added to every browser context.

export type Session = { username: string; cookies: { name: string; value: string }[]; header: string };

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function hiddenFields(html: string): [string, string][] {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const fields: [string, string][] = [];
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (name) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  return fields;
}

export async function signIn(appUrl: string, username: string, password: string): Promise<Session> {
  const page = await fetch(`${appUrl}/login`);
  const html = await page.text();
  const form = new FormData();
  for (const [name, value] of hiddenFields(html)) if (name !== "next") form.append(name, value);
  form.append("next", "/");
  form.append("username", username);
  form.append("password", password);
  const res = await fetch(`${appUrl}/login`, { method: "POST", body: form, redirect: "manual" });
  const cookies = res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }))
    .filter((c) => c.name && c.value);
  if (!cookies.some((c) => c.name.endsWith("session_token"))) {
    throw new Error(`signing in as ${username} gave no session cookie (HTTP ${res.status}); is the login form still a server-action form?`);
  }
  return { username, cookies, header: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}
