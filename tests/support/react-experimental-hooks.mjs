// Loaded with `node --import` by tests/unit/taint.test.ts: resolves `react` (for the app's modules and
// for React's Flight server alike) to the experimental react-server build Next ships and uses when
// `experimental.taint` is on, so a plain Node process renders the way next-server does.
import { registerHooks } from "node:module";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const experimentalReact = require.resolve("next/dist/compiled/react-experimental/react.react-server.js");

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "react") return nextResolve(experimentalReact, context);
    return nextResolve(specifier, context);
  },
});
