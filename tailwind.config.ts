import type { Config } from "tailwindcss";

// Status colour tokens. Okabe–Ito derived palette: distinguishable under the common colour-vision
// deficiencies, and never the only cue (each status also has an icon and a pattern).
export const statusColors = {
  success: "#0072b2",
  failed: "#d55e00",
  cleared: "#cc79a7",
  missing: "#e5e7eb",
  unknown: "#e69f00",
} as const;

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        status: statusColors,
      },
    },
  },
};

export default config;
