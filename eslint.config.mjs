// ESLint flat config in the spirit of office-addin-lint: typescript-eslint's recommended rules,
// the Office add-in rules (no context.sync in loops, load before read), React hooks, Prettier last.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";


// The walls of ARCHITECTURE.md's "may use" table: a wrong-layer import fails `npm run lint`
// (test/architecture/walls.test.ts proves it). An import path names another top folder of src/
// when it climbs exactly as many levels as the file sits below src/ ("../xlsx" from
// src/importers/csv.ts is src/xlsx; from src/importers/pdf/index.ts it is src/importers/xlsx).
const MAY_NOT_USE = {
  domain: ["importers", "workbook", "xlsx", "excel", "taskpane", "cli"],
  importers: ["workbook", "xlsx", "excel", "taskpane", "cli"],
  workbook: ["importers", "xlsx", "excel", "taskpane", "cli"],
  // Excel's 32,767-character cell limit (domain/cellLimit.ts) and what counts as white space
  // (domain/whiteSpace.ts) are shared by validation and the renderer; everything else of the
  // domain reaches the renderer through the plan.
  xlsx: ["domain(?!/(cellLimit|whiteSpace)$)", "importers", "excel", "taskpane", "cli"],
  excel: ["domain", "importers", "xlsx", "taskpane", "cli"],
  cli: ["excel", "taskpane"],
};
/** Folders that may use no package at all: plain TypeScript. */
const NO_PACKAGES = ["domain", "workbook"];
const walls = Object.entries(MAY_NOT_USE).flatMap(([folder, layers]) =>
  [1, 2, 3, 4].map((depth) => ({
    files: [`src/${folder}/${"*/".repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layers.map((layer) => ({
              regex: `^(\\.\\./){${depth}}${layer}(/|$)`,
              message: `ARCHITECTURE.md: src/${folder}/ may not use src/${layer.replace(/\(.*$/u, "")}/${layer.includes("(") ? " (but domain/cellLimit.ts and domain/whiteSpace.ts)" : ""}.`,
            })),
            ...(NO_PACKAGES.includes(folder)
              ? [{ regex: "^[^.]", message: `ARCHITECTURE.md: src/${folder}/ is plain TypeScript, no packages.` }]
              : []),
          ],
        },
      ],
    },
  }))
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "artifacts/", "coverage/", "bin/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...walls,
  prettier,
);
