// A real OpenID provider on loopback for the company sign-in tests: `oidc-provider` (a certified
// implementation) with a fixed client, accounts whose `groups` claim a test changes between two
// sign-ins, a tiny login page (a username, Sign in or Deny), and a control endpoint under
// /__control. Nothing here is mocked: discovery, JWKS, PKCE, state, nonce and code exchange are
// the library's own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider, { type Adapter, type AdapterPayload, type KoaContextWithOIDC } from "oidc-provider";

export type TestAccount = { sub: string; email: string; name: string; preferred_username: string; groups: string[] };

export type TestProviderOptions = { port: number; clientId: string; clientSecret: string; redirectUri: string };

/** One process, one store: the adapter below and the control endpoint share it. */
const store = new Map<string, { payload: AdapterPayload; expiresAt: number | null }>();

/** A Map-backed adapter, so the control endpoint can age the authorization codes it holds. */
class MapAdapter implements Adapter {
  constructor(private readonly model: string) {}
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
    store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
  }
  async find(id: string) {
    const e = store.get(this.key(id));
    return e && (e.expiresAt === null || e.expiresAt > Date.now()) ? e.payload : undefined;
  }
  async findByUid(uid: string) {
    for (const [k, e] of store) if (k.startsWith(`${this.model}:`) && e.payload.uid === uid) return e.payload;
    return undefined;
  }
  async findByUserCode(userCode: string) {
    for (const [k, e] of store) if (k.startsWith(`${this.model}:`) && e.payload.userCode === userCode) return e.payload;
    return undefined;
  }
  async consume(id: string) {
    const e = store.get(this.key(id));
    if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [k, e] of store) if (e.payload.grantId === grantId) store.delete(k);
  }
}

/** The codes issued so far: their `exp` is moved into the past, as if the person took too long. */
function expireAuthorizationCodes(): number {
  let n = 0;
  const past = Math.floor(Date.now() / 1000) - 1;
  for (const [k, e] of store)
    if (k.startsWith("AuthorizationCode:")) {
      e.payload.exp = past;
      n++;
    }
  return n;
}

export const TEST_ACCOUNTS: readonly TestAccount[] = [
  { sub: "u-olga", email: "olga@corp.example", name: "Olga Operator", preferred_username: "olga", groups: ["can-acme-operators"] },
  { sub: "u-nina", email: "nina@corp.example", name: "Nina Nobody", preferred_username: "nina", groups: ["staff"] },
  { sub: "u-gus", email: "gus@corp.example", name: "Gus Groups", preferred_username: "gus", groups: ["can-acme-operators"] },
];

/** Port 0 picks a free one; the issuer is http://127.0.0.1:<port>. */
export async function startTestProvider(opts: TestProviderOptions): Promise<{ server: Server; issuer: string }> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : opts.port}`;
  const accounts = new Map(TEST_ACCOUNTS.map((a) => [a.preferred_username, { ...a, groups: [...a.groups] }]));
  const provider = new Provider(issuer, {
    adapter: MapAdapter,
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    // Lifetimes set (the library asks for them); codes keep the default 60 s, aged by /__control/expire-codes.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"], groups: ["groups"] },
    // Claims in the ID token, as Keycloak's group mapper puts them ("Add to ID token").
    conformIdTokenClaims: false,
    scopes: ["openid", "email", "profile", "groups"],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    // The first-party console: no consent screen, every requested scope granted.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, id) => {
      const a = accounts.get(id);
      if (!a) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: a.sub, email: a.email, email_verified: true, name: a.name, preferred_username: a.preferred_username, groups: [...a.groups] }),
      };
    },
  });
  provider.proxy = false;
  const oidc = provider.callback();

  handle = (req, res) => {
    void route(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(e instanceof Error ? e.message : String(e));
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    const login = /^\/interaction\/([\w-]+)(\/(login|deny))?$/.exec(url.pathname);
    if (url.pathname.startsWith("/__control/")) return control(req, res, url);
    if (login && req.method === "GET" && !login[2]) {
      await provider.interactionDetails(req, res);
      return send(res, 200, "text/html", loginPage(login[1] ?? ""));
    }
    if (login && req.method === "POST" && login[3] === "login") {
      const form = new URLSearchParams(await body(req));
      const username = form.get("username") ?? "";
      if (!accounts.has(username)) return send(res, 200, "text/html", loginPage(login[1] ?? "", `No account ${username}`));
      return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
    }
    if (login && req.method === "POST" && login[3] === "deny") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "The person chose Deny." },
        { mergeWithLastSubmission: false },
      );
    }
    return oidc(req, res);
  }

  /** POST /__control/groups {username, groups}; POST /__control/expire-codes. Loopback only, like the process. */
  async function control(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== "POST") return send(res, 405, "text/plain", "POST only");
    if (url.pathname === "/__control/expire-codes") return send(res, 200, "application/json", JSON.stringify({ expired: expireAuthorizationCodes() }));
    if (url.pathname === "/__control/groups") {
      const input = JSON.parse(await body(req)) as { username?: unknown; groups?: unknown };
      const account = typeof input.username === "string" ? accounts.get(input.username) : undefined;
      if (!account || !Array.isArray(input.groups)) return send(res, 400, "text/plain", "username of a test account and groups: string[]");
      account.groups = input.groups.filter((g): g is string => typeof g === "string");
      return send(res, 200, "application/json", JSON.stringify(account));
    }
    return send(res, 404, "text/plain", "unknown control");
  }

  return { server, issuer };
}

function loginPage(uid: string, problem?: string): string {
  return `<!doctype html><html lang="en"><head><title>Test provider sign-in</title></head><body><main>
<h1>Test identity provider</h1>${problem ? `<p role="alert">${problem.replace(/[<&>"]/g, "")}</p>` : ""}
<form method="post" action="/interaction/${uid}/login"><label>Username <input name="username" autofocus></label><button type="submit">Continue</button></form>
<form method="post" action="/interaction/${uid}/deny"><button type="submit">Deny</button></form>
</main></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(text);
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
