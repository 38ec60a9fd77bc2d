/**
 * ESLint flat config, used by `npm run lint` (office-addin-lint picks up ./eslint.config.mjs; it
 * ignores an eslint.config.js) and by plain `npx eslint`.
 *
 * Base: eslint-plugin-office-addins' React preset (Office.js rules such as load-before-read and
 * no-context-sync-in-loop, React, Prettier) with the typescript-eslint parser, extended to .tsx
 * files, which the preset's file pattern leaves out. Formatting follows office-addin-prettier-config
 * with the code base's line width (120) and is reported as a warning, not an error.
 */
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import prettierConfig from "office-addin-prettier-config";

const PRESET_FILES = "**/*.{js,mjs,cjs,ts,cts,mts}";
const ALL_FILES = "**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}";

/** The preset, with its file pattern widened to JSX/TSX. */
const preset = officeAddins.configs.react.map((block) =>
  block.files && block.files.includes(PRESET_FILES) ? { ...block, files: [ALL_FILES] } : block
);

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "test-results/**", "node_modules/**"] },
  ...preset,
  {
    files: [ALL_FILES],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "prettier/prettier": ["warn", { ...prettierConfig, printWidth: 120, endOfLine: "auto" }],
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): no React import needed in scope
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Node scripts (CommonJS): webpack.config.js, scripts/*.js
    files: ["*.config.js", "scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: Object.fromEntries(
        ["require", "module", "exports", "process", "__dirname", "console", "Buffer", "setTimeout", "URL"].map((g) => [
          g,
          "readonly",
        ])
      ),
    },
  },
  {
    // The Office.js rules are about Excel.RequestContext objects; the folders that never touch
    // Office.js (core, exceljs adapter, command line, web page) only get false positives from them
    // (e.g. exceljs' workbook.xlsx.load).
    files: ["src/core/**", "src/xlsx/**", "src/cli/**", "src/web/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "off"])),
  },
  {
    // TypeScript checks names itself (DOM, Node and Office globals come from the tsconfigs' types)
    files: ["**/*.{ts,cts,mts,tsx}"],
    rules: { "no-undef": "off" },
  },
];
