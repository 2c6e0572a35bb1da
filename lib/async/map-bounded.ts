/** Runs `fn` over `inputs` with at most `limit` in flight; results keep input order; first error wins. */
export async function mapBounded<I, O>(inputs: readonly I[], limit: number, fn: (input: I) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await fn(inputs[index] as I);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
