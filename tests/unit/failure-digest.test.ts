import { describe, expect, it } from "vitest";
import { firstErrorLine, playwrightDigest, vitestDigest } from "../support/failure-digest";

describe("firstErrorLine", () => {
  it("keeps the first non-empty line without terminal colours", () => {
    expect(firstErrorLine(`\n  ${String.fromCharCode(27)}[31mError: expect(received).toBe(expected)${String.fromCharCode(27)}[39m\n\nExpected: 2`)).toBe(
      "Error: expect(received).toBe(expected)",
    );
  });

  it("adds the locator an assertion waited on", () => {
    expect(firstErrorLine("Error: expect(locator).toBeVisible() failed\n\nLocator: getByText('Saved')\nExpected: visible")).toBe(
      "Error: expect(locator).toBeVisible() failed Locator: getByText('Saved')",
    );
  });

  it("shortens a long line and names a missing message", () => {
    expect(firstErrorLine("x".repeat(500))).toHaveLength(240);
    expect(firstErrorLine(undefined)).toBe("no error message");
  });
});

describe("vitestDigest", () => {
  it("names each failed test with its file relative to the root, and a file that failed before its tests", () => {
    const digest = vitestDigest(
      {
        testResults: [
          {
            name: "/repo/lib/a.test.ts",
            status: "failed",
            assertionResults: [
              { fullName: "a adds", status: "passed", failureMessages: [] },
              { fullName: "a subtracts", status: "failed", failureMessages: ["AssertionError: expected 1 to be 2\n    at a.test.ts:3"] },
            ],
          },
          { name: "/repo/lib/b.test.ts", status: "failed", message: "Cannot find module './gone'", assertionResults: [] },
          { name: "/repo/lib/c.test.ts", status: "passed", assertionResults: [{ fullName: "c", status: "passed" }] },
        ],
      },
      "/repo",
    );
    expect(digest).toEqual({
      failed: ["lib/a.test.ts › a subtracts: AssertionError: expected 1 to be 2", "lib/b.test.ts: Cannot find module './gone'"],
      flaky: [],
    });
  });
});

describe("playwrightDigest", () => {
  const pageState = Buffer.from('page state at failure (http://x/): {"framesIn2s":0}').toString("base64");
  it("names failed and retried-then-passed tests with their describe path, project and first error, and the page's state", () => {
    const digest = playwrightDigest({
      suites: [
        {
          title: "specs/marks.spec.ts",
          file: "specs/marks.spec.ts",
          specs: [],
          suites: [
            {
              title: "marking",
              file: "specs/marks.spec.ts",
              specs: [
                {
                  title: "marks a day",
                  file: "specs/marks.spec.ts",
                  line: 12,
                  tests: [
                    {
                      projectName: "los-angeles",
                      status: "unexpected",
                      results: [
                        {
                          status: "timedOut",
                          error: { message: "Test timeout of 60000ms exceeded." },
                          attachments: [{ name: "page-state", contentType: "text/plain", body: pageState }],
                        },
                        { status: "failed", error: { message: "second try's error" } },
                      ],
                    },
                    { projectName: "shanghai", status: "expected", results: [{ status: "passed" }] },
                  ],
                },
              ],
            },
          ],
        },
        {
          title: "specs/plans.spec.ts",
          file: "specs/plans.spec.ts",
          specs: [
            {
              title: "filters",
              file: "specs/plans.spec.ts",
              line: 40,
              tests: [
                {
                  projectName: "los-angeles",
                  status: "flaky",
                  results: [{ status: "failed", error: { message: "locator.click: Timeout 10000ms exceeded.\nCall log:" } }, { status: "passed" }],
                },
              ],
            },
            { title: "skipped", file: "specs/plans.spec.ts", line: 50, tests: [{ projectName: "los-angeles", status: "skipped", results: [] }] },
          ],
        },
      ],
    });
    expect(digest).toEqual({
      failed: [
        'specs/marks.spec.ts:12 › marking › marks a day [los-angeles]: Test timeout of 60000ms exceeded. (page state at failure (http://x/): {"framesIn2s":0})',
      ],
      flaky: ["specs/plans.spec.ts:40 › filters [los-angeles]: locator.click: Timeout 10000ms exceeded."],
    });
  });
});
