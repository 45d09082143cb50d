// Prettier's defaults already match the code (double quotes, semicolons, trailing commas); the
// width is the one the code was written to: 99 % of lines are at most 140 characters.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
  plugins: ["prettier-plugin-tailwindcss"],
  // Tailwind 4 keeps its theme in CSS; the plugin reads it to order our own classes (accent-*).
  tailwindStylesheet: "./app/globals.css",
};

export default config;
