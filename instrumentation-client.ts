import { z } from "zod";

// Runs in the browser before any of the app's own modules. Zod compiles object parsers with
// `new Function` when eval is allowed and probes for it on the first schema; under our CSP (no
// 'unsafe-eval') the probe fails harmlessly but the browser still reports a CSP violation on every
// page. Jitless parsing needs no eval and skips the probe. The server keeps the compiled parsers.
z.config({ jitless: true });
