import type { Result } from "@/lib/api/result";

/** Where a sign-in stands after the password: the code step, and whose it is. */
export type SignInStep = { step: "totp"; username?: string };

/** The login action's answer (null before the first one); a full success redirects instead. */
export type SignInState = Result<SignInStep> | null;

/**
 * The step the form shows after an answer, from the answer alone (so it also holds when the form
 * was posted before the page hydrated): the code step after the password passed, or after a code
 * was refused (its field error names `code`); any other refusal (wrong password, too many attempts,
 * the second step timed out, a server fault) starts over at the password.
 */
export function stepOf(answer: SignInState): "password" | "totp" {
  if (answer === null) return "password";
  if (answer.ok) return answer.data.step;
  return answer.error.fieldErrors?.code ? "totp" : "password";
}
