/**
 * ESLint flat config: `npm run lint`, and a step of `npm test` (scripts/test.js), so CI keeps it.
 * Unused exports are knip's part of that step (knip.json); everything else is here.
 *
 * - Base: eslint-plugin-office-addins' React preset (React, Prettier, and Office.js rules such as
 *   load-before-read and no-context-sync-in-loop) with the typescript-eslint parser, widened to
 *   .tsx files. The Office.js rules only where Office.js is used (src/excel, src/taskpane,
 *   src/commands): elsewhere (exceljs' workbook.xlsx.load, the tests' fakes) they misfire.
 * - React hooks: rules-of-hooks and exhaustive-deps, errors.
 * - No unused locals or parameters (a parameter that must stay is named `_x`), no `void x;` that
 *   only hides an unused name.
 * - The folders' boundaries (README of each src/ folder), from where an import resolves to:
 *     core      imports nothing outside core: no package, no Node, DOM or Office
 *     excel     imports only core (Office.js is a global)
 *     xlsx      imports only core, exceljs and JSZip
 *     cli       imports core and xlsx                 (plus Node and its packages)
 *     taskpane  imports core and excel                (never exceljs / JSZip: the pane stays small)
 *     commands  imports core and excel                (no package: no UI framework)
 *     web       imports core, xlsx and the task pane's components (never excel);
 *               its batch worker (src/web/batch/worker.ts) only core and xlsx
 *   test/lint/boundaries.test.ts proves that these rules bite.
 * Formatting follows office-addin-prettier-config with the code base's line width (120): an error in
 * the product's code (`npx eslint . --fix` formats), off in test/ and bench/, whose table-driven
 * cases are kept one case per line (prettier would spread each over many).
 */
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import prettierConfig from "office-addin-prettier-config";

const PRESET_FILES = "**/*.{js,mjs,cjs,ts,cts,mts}";
const ALL_FILES = "**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}";
const OFFICE_FILES = ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"];

/** The preset, with its file pattern widened to JSX/TSX. */
const preset = officeAddins.configs.react.map((block) =>
  block.files && block.files.includes(PRESET_FILES) ? { ...block, files: [ALL_FILES] } : block
);

/** The preset's Office.js rules (with their levels), and the same switched off. */
const officeRules = Object.fromEntries(
  preset.flatMap((b) => Object.entries(b.rules ?? {})).filter(([r]) => r.startsWith("office-addins/"))
);
const officeRulesOff = Object.fromEntries(Object.keys(officeRules).map((r) => [r, "off"]));

/** A zone of import-x/no-restricted-paths: files in src/<folder> may import from these src/ folders only. */
function folderZone(folder, allowed, why) {
  return {
    target: `./src/${folder}`,
    from: "./src",
    except: [folder, ...allowed].map((f) => `./${f}`),
    message: `src/${folder} ${why}`,
  };
}

const ZONES = [
  folderZone("core", [], "imports nothing outside src/core."),
  folderZone("excel", ["core"], "imports only src/core."),
  folderZone("xlsx", ["core"], "imports only src/core."),
  folderZone("cli", ["core", "xlsx"], "imports only src/core and src/xlsx."),
  folderZone("taskpane", ["core", "excel"], "imports only src/core and src/excel."),
  folderZone("commands", ["core", "excel"], "imports only src/core and src/excel."),
  folderZone("web", ["core", "xlsx", "taskpane"], "imports only src/core, src/xlsx and the task pane's components."),
  {
    target: "./src/web/batch/worker.ts",
    from: "./src",
    except: ["./core", "./xlsx", "./web/batch/protocol.ts"],
    message: "the batch worker imports only src/core and src/xlsx (and its message types): no React, no task pane.",
  },
];

/** no-restricted-imports: a package (a path not starting with ".") that the folder may not import. */
function packages(regex, message) {
  return ["error", { patterns: [{ regex, message }] }];
}

const NODE_GLOBALS = ["process", "require", "module", "exports", "Buffer", "__dirname", "__filename", "global"];
const DOM_GLOBALS = ["window", "document", "navigator", "localStorage", "sessionStorage", "location", "fetch"];
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"];

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
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    settings: {
      react: { version: "detect" },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      "prettier/prettier": ["error", { ...prettierConfig, printWidth: 120, endOfLine: "auto" }],
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): no React import needed in scope
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { args: "all", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement > UnaryExpression[operator='void'] > Identifier.argument",
          message: "`void x;` only hides an unused name: remove the name (or call it `_x` where it must stay).",
        },
      ],
      ...officeRulesOff,
    },
  },
  { files: OFFICE_FILES, rules: officeRules },
  { files: ["test/**", "bench/**"], rules: { "prettier/prettier": "off" } },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: ZONES }] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": packages("^(?!\\.)", "src/core imports no package: no Node, DOM, Office or React."),
      "no-restricted-globals": ["error", ...NODE_GLOBALS, ...DOM_GLOBALS, ...OFFICE_GLOBALS],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": packages("^(?!\\.)", "src/excel and src/commands import no package.") },
  },
  {
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": packages("^(?!\\.|exceljs$|jszip$)", "src/xlsx imports only exceljs and JSZip."),
      "no-restricted-globals": ["error", ...NODE_GLOBALS, ...DOM_GLOBALS, ...OFFICE_GLOBALS],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": packages("^(exceljs|jszip)$", "src/taskpane never loads exceljs or JSZip.") },
  },
  {
    // Node scripts (CommonJS): webpack.config.js, scripts/*.js, bin/*.js
    files: ["*.config.js", "scripts/**/*.js", "bin/**/*.js"],
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
    // Node scripts (ES modules) of the tests
    files: ["test/**/*.mjs"],
    languageOptions: { globals: { process: "readonly" } },
  },
  {
    // TypeScript checks names itself (DOM, Node and Office globals come from the tsconfigs' types)
    files: ["**/*.{ts,cts,mts,tsx}"],
    rules: { "no-undef": "off" },
  },
];
