import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { listingKey } from "./listing-seal";

/** The listing seal's key, from the auth secret every instance shares (resolved once per process by getAuth). */
export async function currentListingKey(): Promise<Buffer> {
  const ctx = await (await getAuth()).$context;
  return listingKey(ctx.secret);
}
