import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { listingKey } from "./listing-seal";

let derived: { secret: string; key: Buffer } | undefined;

/**
 * The listing seal's key, from the auth secret every instance shares (resolved once per process by
 * getAuth). Derived once per secret, not on every calendar read.
 */
export async function currentListingKey(): Promise<Buffer> {
  const { secret } = await (await getAuth()).$context;
  if (derived?.secret !== secret) derived = { secret, key: listingKey(secret) };
  return derived.key;
}
