// What failed, named in `npm test`'s summary. CI shows only the tail of its log, so a failure's name and
// first error line must be among the last lines, not a few thousand lines above them.

type VitestAssertion = { fullName?: string; title?: string; status?: string; failureMessages?: string[] };
type VitestFile = { name?: string; status?: string; message?: string; assertionResults?: VitestAssertion[] };
export type VitestJson = { testResults?: VitestFile[] };

type PlaywrightAttachment = { name?: string; contentType?: string; body?: string };
type PlaywrightResult = { status?: string; error?: { message?: string }; attachments?: PlaywrightAttachment[] };
type PlaywrightTest = { projectName?: string; status?: string; results?: PlaywrightResult[] };
type PlaywrightSpec = { title?: string; file?: string; line?: number; tests?: PlaywrightTest[] };
type PlaywrightSuite = { title?: string; file?: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
export type PlaywrightJson = { suites?: PlaywrightSuite[] };

/** One line per failure, and for e2e one per test that failed and then passed on its retry. */
export type Digest = { failed: string[]; flaky: string[] };

const MAX_ERROR_CHARS = 240;
// Terminal colours survive NO_COLOR in some of Playwright's messages.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * The first meaningful line of an error message, short enough for a summary, with the locator an
 * assertion waited on when the message names one (Playwright's first line does not).
 */
export function firstErrorLine(message: string | undefined): string {
  const lines = (message ?? "")
    .replace(ANSI, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const locator = lines.find((l) => l.startsWith("Locator: "));
  const line = [lines[0] ?? "no error message", ...(locator && locator !== lines[0] ? [locator] : [])].join(" ");
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}

function relative(path: string | undefined, root: string): string {
  if (!path) return "?";
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

export function vitestDigest(report: VitestJson, root: string): Digest {
  const failed: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = relative(file.name, root);
    const failures = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failures) failed.push(`${where} › ${a.fullName ?? a.title ?? "?"}: ${firstErrorLine(a.failureMessages?.[0])}`);
    // A file that failed before any test ran (an import error, a failed hook) has no failed assertion.
    if (file.status === "failed" && failures.length === 0) failed.push(`${where}: ${firstErrorLine(file.message)}`);
  }
  return { failed, flaky: [] };
}

function* playwrightSpecs(suites: PlaywrightSuite[] | undefined, titles: string[] = []): Generator<[PlaywrightSpec, string[]]> {
  for (const suite of suites ?? []) {
    // The top suite's title is its file name, which the spec already carries.
    const path = suite.file && suite.title === suite.file ? titles : [...titles, suite.title ?? ""];
    for (const spec of suite.specs ?? []) yield [spec, path];
    yield* playwrightSpecs(suite.suites, path);
  }
}

function pageState(result: PlaywrightResult | undefined): string | undefined {
  const attachment = result?.attachments?.find((a) => a.name === "page-state" && a.body);
  return attachment?.body ? Buffer.from(attachment.body, "base64").toString("utf8") : undefined;
}

export function playwrightDigest(report: PlaywrightJson): Digest {
  const failed: string[] = [];
  const flaky: string[] = [];
  for (const [spec, titles] of playwrightSpecs(report.suites)) {
    for (const test of spec.tests ?? []) {
      if (test.status !== "unexpected" && test.status !== "flaky") continue;
      const name = `${spec.file ?? "?"}:${spec.line ?? "?"} › ${[...titles, spec.title ?? "?"].filter(Boolean).join(" › ")} [${test.projectName ?? "?"}]`;
      const firstFailure = (test.results ?? []).find((r) => r.status !== "passed" && r.status !== "skipped");
      const state = pageState(firstFailure);
      const line = `${name}: ${firstErrorLine(firstFailure?.error?.message)}${state ? ` (${state})` : ""}`;
      (test.status === "flaky" ? flaky : failed).push(line);
    }
  }
  return { failed, flaky };
}
