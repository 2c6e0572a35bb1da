// Every relative link in the repository's Markdown resolves: the README and docs/ point at each other
// and at code, and a moved section or renamed file must not leave a dead link behind.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { anchorsOf, brokenLinksIn, linksIn, slugOf } from "../support/markdown-links";

const root = join(import.meta.dirname, "..", "..");

/** Tracked Markdown files, and new ones not yet committed (but not ignored ones), outside node_modules. */
function markdownFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.md"], { cwd: root, encoding: "utf8" });
  return out.split("\0").filter((f) => f !== "" && !f.split("/").includes("node_modules"));
}

describe("Markdown links in this repository", () => {
  it("finds the README and the docs", () => {
    const files = markdownFiles();
    expect(files).toContain("README.md");
    expect(files.filter((f) => f.startsWith("docs/")).length).toBeGreaterThan(0);
  });

  it("every relative link and #anchor resolves", () => {
    const broken = markdownFiles().flatMap((file) => brokenLinksIn(root, file));
    expect(broken.map((b) => `${b.file}:${b.line} (${b.target}): ${b.why}`)).toEqual([]);
  });
});

describe("the link checker", () => {
  const dir = mkdtempSync(join(tmpdir(), "md-links-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes GitHub's anchors from headings", () => {
    expect(slugOf("Deploying: several instances over one PostgreSQL")).toBe("deploying-several-instances-over-one-postgresql");
    expect(slugOf("Pointing at a real `CAN` (TOKEN)")).toBe("pointing-at-a-real-can-token");
    expect(slugOf("[For schedulers](docs/schedulers.md)")).toBe("for-schedulers");
    expect([...anchorsOf("# A\n## Setup\n```sh\n# not a heading\n```\n## Setup\n")]).toEqual(["a", "setup", "setup-1"]);
  });

  it("skips code and external links", () => {
    const md = '[a](x.md) `[b](y.md)` ![c](img/p.png "title")\n```\n[d](z.md)\n```\n[ref]: <r.md#top>\n[e](https://example.com) [f](mailto:x@y)';
    expect(linksIn(md).map((l) => l.target)).toEqual(["x.md", "img/p.png", "r.md#top", "https://example.com", "mailto:x@y"]);
  });

  it("reports a missing file, a missing anchor and a path out of the repository, and accepts good ones", () => {
    mkdirSync(join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "guide.md"), "# Guide\n## Signing in\nBack to [the top](#guide) and [home](../README.md#home).\n");
    writeFileSync(
      join(dir, "README.md"),
      "# Home\n[ok](docs/guide.md#signing-in) [dir](docs/) [self](#home)\n[gone](docs/missing.md)\n[bad anchor](docs/guide.md#sign-in)\n[out](../elsewhere.md)\n",
    );
    expect(brokenLinksIn(dir, "docs/guide.md")).toEqual([]);
    expect(brokenLinksIn(dir, "README.md")).toEqual([
      { file: "README.md", line: 3, target: "docs/missing.md", why: "no such file: docs/missing.md" },
      { file: "README.md", line: 4, target: "docs/guide.md#sign-in", why: "no heading with anchor #sign-in in docs/guide.md" },
      { file: "README.md", line: 5, target: "../elsewhere.md", why: "points outside the repository" },
    ]);
  });
});
