// Relative links in Markdown files, and whether each resolves: the file (or folder) exists and, for a
// `#fragment` into a Markdown file, that file has a heading with that anchor as GitHub renders it.
// External links (any scheme, or `//host`) are not followed: that would make the suite depend on the
// network.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";

export type MarkdownLink = { line: number; target: string };
export type BrokenLink = { file: string; line: number; target: string; why: string };

const FENCE = /^\s{0,3}(```|~~~)/;

/** The file's lines with fenced code blocks blanked (kept as empty lines, so line numbers hold). */
function proseLines(markdown: string): string[] {
  let inFence: string | null = null;
  return markdown.split("\n").map((line) => {
    const fence = FENCE.exec(line)?.[1];
    if (fence && (inFence === null || inFence === fence)) {
      inFence = inFence === null ? fence : null;
      return "";
    }
    return inFence === null ? line : "";
  });
}

const withoutCodeSpans = (line: string): string => line.replace(/(`+)[\s\S]*?\1/g, "");

/** Inline links and images `[text](target "title")`, and reference definitions `[ref]: target`. */
export function linksIn(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseLines(markdown).forEach((raw, i) => {
    const line = withoutCodeSpans(raw);
    for (const m of line.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line: i + 1, target: m[1]!.replace(/^<|>$/g, "") });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1]!.replace(/^<|>$/g, "") });
  });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
export function slugOf(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/[*_`~]/g, (c) => (c === "_" ? "_" : "")); // emphasis and code marks (underscores stay in words)
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats numbered as GitHub does) and HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = slugOf(heading[1]!);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

/** The broken relative links of one Markdown file; `root` is the repository (a leading `/` is relative to it). */
export function brokenLinksIn(root: string, file: string): BrokenLink[] {
  const path = join(root, file);
  const markdown = readFileSync(path, "utf8");
  const broken: BrokenLink[] = [];
  for (const { line, target } of linksIn(markdown)) {
    if (isExternal(target)) continue;
    const hashAt = target.indexOf("#");
    const pathPart = decodeURIComponent(hashAt === -1 ? target : target.slice(0, hashAt));
    const fragment = hashAt === -1 ? null : decodeURIComponent(target.slice(hashAt + 1));
    const resolved = pathPart === "" ? path : pathPart.startsWith("/") ? join(root, pathPart) : resolve(dirname(path), pathPart);
    const report = (why: string) => broken.push({ file, line, target, why });
    if (relative(root, resolved).startsWith("..")) {
      report("points outside the repository");
      continue;
    }
    if (!existsSync(resolved)) {
      report(`no such file: ${relative(root, resolved)}`);
      continue;
    }
    if (fragment === null || statSync(resolved).isDirectory() || extname(resolved).toLowerCase() !== ".md") continue;
    if (!anchorsOf(readFileSync(resolved, "utf8")).has(fragment)) report(`no heading with anchor #${fragment} in ${relative(root, resolved)}`);
  }
  return broken;
}
