import { getRequestMeta } from "@/lib/auth/dal";
import { completeOidcSignIn } from "@/lib/auth/oidc/complete";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc/settings";

// The only Better Auth endpoint served over HTTP: the provider's redirect back after company
// sign-in. Everything else of Better Auth is called in-process (lib/auth/sign-in.ts).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  if ((await params).provider !== OIDC_PROVIDER_ID) return new Response("Not found", { status: 404 });
  return completeOidcSignIn(request, await getRequestMeta());
}
