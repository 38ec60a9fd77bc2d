/** Jest: unit, integration and browser tests (test/**). UI tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose dependency chain is ESM-only: Jest 30
    // cannot load it, and the mock does not need it. The manifest test runs the real package in a child process.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "\\.(css|png|svg)$": "<rootDir>/test/stubs/asset.js",
  },
  testTimeout: 60000,
};
