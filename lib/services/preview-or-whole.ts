/**
 * The preview a page may show while its whole read goes on, or null: when the whole read settles
 * first, and when it settles within `graceMs` of the preview being ready. Against a fast CAN the
 * whole list follows the first pages within a few tens of milliseconds; a preview then only costs
 * the browser a second year of cells to parse and draw before the full page replaces it
 * (Lighthouse's 10-year plan at CAN latency 0: blocking time 478–683 ms without a preview,
 * 736–1,088 ms with one, ADR 0043). The grace is a wait for a chance of the whole, never for the
 * preview: a preview that settles null is returned at once.
 */
export function previewOrWhole<T>(preview: Promise<T | null>, whole: Promise<unknown>, graceMs: number): Promise<T | null> {
  const wholeFirst = whole.then(
    () => null,
    () => null,
  );
  const graced = preview.then(
    (shown) => (shown === null ? null : new Promise<T>((resolve) => setTimeout(() => resolve(shown), graceMs))),
    () => null,
  );
  return Promise.race([wholeFirst, graced]);
}
