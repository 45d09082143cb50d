import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next*/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  // Destructuring a field away (`const { secret, ...rest } = row`) is how we drop it from an object.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  // Links prefetch on intent, not as they scroll into view: components/link.tsx says why.
  {
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use Link from @/components/link." }] }],
    },
  },
  { files: ["components/link.tsx"], rules: { "no-restricted-imports": "off" } },
];

export default config;
