import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { AdminPage } from "../pages/admin-page";
import { expect, test } from "../fixtures";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { SEED } from "../../tests/support/seed-data";
import { E2E_OIDC_LABEL } from "../../playwright.config";

// The main flows in 简体中文, chosen by the browser's Accept-Language (the demo users have stored no
// language): sign in, the plans page, marking a range, the audit page and its export, each axe-clean
// and with no English left outside identifiers. The other specs run in English (en-US). Marks touch
// 2023 days only (calendar.spec reads 2024-2026 of orders_daily).

test.use({ locale: "zh-CN", user: "operator" });

/** Words the page may show in Latin letters in any language: identifiers, names, data. */
const IDENTIFIERS = [
  ...["CAN", "DAY", "MONTH", "WEEK", "QUARTER", "YEAR", "EXTERNAL", "RESULT", "UUID", "CSV", "JSON", "API", "HTTP", "ID", "cron", "English"],
  // CAN's endpoint names, key names in the keyboard help, the time zone's name.
  ...["updatePartition", "clearPartition", "ACCELERATE", "Shift", "Esc", "UTC", "America", "Los", "Angeles", "Asia", "Shanghai"],
];

async function allowedWords(): Promise<Set<string>> {
  const res = await fetch(`${sandbox.url}/__sandbox/state?tenant=acme`);
  const state = (await res.json()) as { plans: { name: string; displayName: string }[] } | { name: string; displayName: string }[];
  const plans = Array.isArray(state) ? state : state.plans;
  // Tenants, people, plans, and the audit rows seeded for the e2e run (their actors, plans and CAN's words).
  const names = [
    "Acme Retail acme",
    "Globex Logistics globex",
    "admin operator viewer system:demo-setup Demo Admin Demo Operator Demo Viewer",
    // The company sign-in's button names the provider as configured.
    E2E_OIDC_LABEL,
    JSON.stringify(SEED),
    ...plans.flatMap((p) => [p.name, p.displayName]),
  ];
  return new Set([...IDENTIFIERS, ...names.flatMap((n) => n.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])]);
}

/**
 * Latin words people read on the page that are not identifiers or names: English left behind.
 * Code, ISO instants, request bodies, select options (tenant names, the language names), the
 * folded audit details (a user agent, JSON), CAN's own words ([data-can]) and reasons the audit log
 * recorded in English ([lang=en]) are data, not words.
 */
async function englishLeft(page: Page, extra: readonly string[] = []): Promise<string[]> {
  const allowed = new Set([...(await allowedWords()), ...extra]);
  const text = await page.locator("body").evaluate((body) => {
    const clone = body.cloneNode(true) as HTMLElement;
    clone
      .querySelectorAll('script, style, code, pre, option, .font-mono, details dl, next-route-announcer, [data-can], [lang="en"]')
      .forEach((el) => el.remove());
    // Each text node apart, so the words of two table cells never run together.
    const parts: string[] = [];
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? "");
    const labels = [...body.querySelectorAll("[aria-label], [title], [placeholder]")].map((el) =>
      ["aria-label", "title", "placeholder"].map((a) => (a === "title" && el.tagName === "TIME" ? "" : (el.getAttribute(a) ?? ""))).join(" "),
    );
    return `${parts.join(" ")} ${labels.join(" ")}`;
  });
  const words = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  // One letter alone is a keyboard shortcut (S, F, C on the mark buttons).
  return [...new Set(words.filter((w) => w.length > 1 && !allowed.has(w)))];
}

/** `extra`: identifiers this page shows beyond the shared ones (a header name, a CLI's name). */
async function expectChinese(page: Page, extra: readonly string[] = []): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await englishLeft(page, extra)).toEqual([]);
}

test("signs in through the Chinese login form", async ({ browser, expectAccessible }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  try {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await expectChinese(page);
    await expectAccessible(page);
    await page.getByLabel("用户名").fill("operator");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误。");
    await page.getByLabel("密码").fill("demo-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByText("当前用户：")).toBeVisible();
    await expectChinese(page);
  } finally {
    await context.close();
  }
});

test("the plans page", async ({ page, expectAccessible }) => {
  await page.goto("/t/acme/plans");
  await expect(page.getByRole("heading", { name: "物化方案 · Acme Retail" })).toBeVisible();
  await expect(page.getByRole("table", { name: "物化方案" }).getByRole("columnheader", { name: "最新分区" })).toBeVisible();
  await expect(page.getByText(/^第 1 \/ \d+ 页 · 共 \d+ 个方案$/)).toBeVisible();
  await expectChinese(page);
  await expectAccessible(page);
});

test("marks a range of 2023 days success in Chinese", async ({ page, expectAccessible }) => {
  const plan = await planByName("acme", "orders_daily");
  await page.goto(`/t/acme/plans/${plan.uuid}?year=2023`);
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  // Month captions and weekdays in Chinese, weeks from Monday.
  const year = page.getByRole("group", { name: /^2023 年的分区。/ });
  await expect(year.getByRole("grid").first()).toHaveAccessibleName("2023年1月");
  await expect(year.locator(".rdp-weekday").first()).toHaveText("周一");
  await expect(page.locator('button[data-key="2023-12-18"]')).toHaveAccessibleName(/^2023年12月18日，(成功|失败|已清除|未物化|未知)$/);
  await expectChinese(page);

  await page.getByLabel("输入范围进行选择").fill("2023-12-18..2023-12-20");
  await page.getByRole("button", { name: "选择", exact: true }).click();
  await expect(page.getByTestId("selection-summary")).toHaveText("已选 3 个分区，共 1 个范围");
  await page.getByRole("button", { name: "标记成功" }).click();
  const dialog = page.getByRole("dialog", { name: "将分区标记为成功" });
  await expect(dialog).toContainText("将把 1 个范围内的 3 个分区提交为成功。");
  await expectChinese(page);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: /^(仍然)?确认：将分区标记为成功$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已将 3 个分区标记为成功" })).toBeVisible();
});

test.describe("as admin", () => {
  test.use({ user: "admin" });

  test("the security settings and the admin page", async ({ page, expectAccessible }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "安全设置" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "两步验证登录（TOTP）" })).toBeVisible();
    // The demo admin's account (demo mode asks no second factor of it) offers to set one up.
    await expect(page.getByRole("button", { name: "设置验证器应用" })).toBeVisible();
    await expectChinese(page, ["TOTP"]);
    await expectAccessible(page);

    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "用户与角色" })).toBeVisible();
    const acme = page.getByRole("table", { name: "Acme Retail 的成员" });
    await expect(acme.getByRole("columnheader", { name: "来源" })).toBeVisible();
    await expect(acme.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^operator/ }) })).toContainText("手动");
    await expect(page.getByRole("heading", { name: "Acme Retail 的调度器 API 令牌" })).toBeVisible();
    // People's names (each row's header: username and display name, whoever other specs added) are
    // data; the CLI's name, the scheduler's header names and the example token name are identifiers.
    const people = (await page.locator('th[scope="row"]').allInnerTexts()).join(" ").match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
    await expectChinese(page, [
      ...people,
      "users",
      "CLI",
      "README",
      "For",
      "schedulers",
      "auth",
      "value",
      "type",
      "APIKEY",
      "tenant",
      "airflow",
      "prod",
      "cpc",
    ]);
    await expectAccessible(page);
  });

  test("the audit page and its export: Chinese on screen, English columns in the file", async ({ page, expectAccessible }) => {
    // The operator's own rows: other specs' rows name the people they made up, which are data.
    await page.goto("/t/acme/audit?actor=operator");
    await expect(page.getByRole("heading", { name: "审计日志 · Acme Retail" })).toBeVisible();
    await expect(page.getByRole("table", { name: "审计日志" })).toBeVisible();
    await expectChinese(page);
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
    const header = readFileSync(await download.path(), "utf8").split("\r\n")[0];
    // Machine-facing: the columns and the action names stay English whatever the page's language.
    expect(header).toContain(`"time","seq","actor"`);
  });

  test("the language chosen in the header follows the user to another browser after signing out", async ({ browser, signIn }) => {
    const username = `zh${Date.now().toString(36)}`;
    const password = "locale-password-1";
    // The person is added on the admin page in English (its page object's words); this test is about them.
    const english = await browser.newContext({ locale: "en-US" });
    try {
      const adminPage = await english.newPage();
      await signIn(adminPage, "admin");
      const admin = new AdminPage(adminPage);
      await admin.goto();
      await admin.addPerson("Acme Retail", { username, role: "viewer", name: "Lin", password });
      await expect(admin.people("Acme Retail")).toContainText(username);
    } finally {
      await english.close();
    }

    // Both browsers ask for English first; only the user's stored choice can make a page Chinese.
    const first = await browser.newContext({ locale: "en-US" });
    const second = await browser.newContext({ locale: "en-US" });
    try {
      const a = await first.newPage();
      await signIn(a, username, password);
      await expect(a.locator("html")).toHaveAttribute("lang", "en");
      await a.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
      await expect(a.getByRole("button", { name: "退出登录" })).toBeVisible();
      await expect(a.locator("html")).toHaveAttribute("lang", "zh-CN");
      await a.getByRole("button", { name: "退出登录" }).click();
      await expect(a.getByRole("heading", { name: "登录" })).toBeVisible();

      const b = await second.newPage();
      await b.goto("/login");
      await expect(b.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await b.getByLabel("Username").fill(username);
      await b.getByLabel("Password").fill(password);
      await b.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(b.getByText("当前用户：")).toBeVisible();
      await expect(b.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(b.getByRole("combobox", { name: "语言" })).toHaveValue("zh-CN");
    } finally {
      await first.close();
      await second.close();
    }
  });
});
