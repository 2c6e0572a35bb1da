import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import boundaries from "./eslint-rules/boundaries.mjs";
import i18n from "./eslint-rules/i18n.mjs";

// lib/ is the application's core: it may not reach into the sandbox, the tests or the pages.
const OUTSIDE_LIB = ["sandbox", "tests", "e2e", "app", "bench", "scripts"];

const config = [
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/*.cjs", "**/*.js"],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      // Type-aware promise rules: an unawaited CAN call or audit write is a lost outcome.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { boundaries },
    rules: { "boundaries/client-imports": "error" },
  },
  {
    // Every word a person reads comes from the message files (ADR 0024).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18n },
    rules: { "i18n/no-literal-text": "error" },
  },
  {
    // components/ is shared UI: it uses lib/, never a page's files.
    files: ["lib/**/*.ts", "lib/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    ignores: ["lib/**/*.test.ts", "components/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: OUTSIDE_LIB.map((dir) => `@/${dir}/*`),
              message: "lib/ and components/ may not import from the sandbox, tests, e2e, app, bench or scripts.",
            },
            {
              regex: `^(\\.\\./)+(${OUTSIDE_LIB.join("|")})/`,
              message: "lib/ and components/ may not import from the sandbox, tests, e2e, app, bench or scripts.",
            },
          ],
        },
      ],
    },
  },
  {
    // The plain-JavaScript files that stay (the bootstrap that runs before `npm install`, this config,
    // its rules, a Node loader hook) run on Node: its globals are the ones this very Node defines.
    files: ["**/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, "readonly"])),
    },
    rules: { "no-undef": "error", "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  {
    // Playwright fixtures call a parameter named `use`, which the React hooks rule mistakes for React's.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
