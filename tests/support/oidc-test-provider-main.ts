// Playwright's webServer entry for the test OpenID provider (playwright.config.ts): --port N, and
// the console's callback as the client's one redirect URI.
import { parseArgs } from "node:util";
import { OIDC_TEST_CLIENT } from "./oidc-control";
import { startTestProvider } from "./oidc-test-provider";

const { values } = parseArgs({ options: { port: { type: "string" }, "redirect-uri": { type: "string" } } });
const port = Number(values.port);
const redirectUri = values["redirect-uri"];
if (!Number.isInteger(port) || !redirectUri) throw new Error("usage: oidc-test-provider-main.ts --port N --redirect-uri URL");
const { issuer } = await startTestProvider({ port, redirectUri, ...OIDC_TEST_CLIENT });
console.log(`test OpenID provider on ${issuer}`);
