// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, without type-aware rules, so that
// `npm run lint` stays fast; formatting is Prettier's (`npm run format:check`). One local rule keeps one import
// style: a relative import names the file as the browser and Node load it (`./format.js`), which Framework's
// pages need and which `eslint --fix` writes in.
import js from "@eslint/js";
import {existsSync} from "node:fs";
import {dirname, resolve} from "node:path";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The .js specifier of an extensionless relative import, when its .ts file or folder index exists. */
function withExtension(specifier, fromFile) {
  const base = resolve(dirname(fromFile), specifier);
  if (existsSync(`${base}.ts`) || existsSync(`${base}.js`)) return `${specifier}.js`;
  if (existsSync(`${base}/index.ts`) || existsSync(`${base}/index.js`)) return `${specifier}/index.js`;
}

const importExtension = {
  meta: {
    type: "suggestion",
    fixable: "code",
    docs: {description: "relative imports name the .js file"},
    messages: {missing: 'Relativ import "{{specifier}}" ska ange filen med .js, t.ex. "{{fixed}}".'}
  },
  create(context) {
    const check = (source) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const specifier = source.value;
      if (!/^\.{1,2}\//.test(specifier) || /\.(js|json|css|wasm)$/.test(specifier)) return;
      const fixed = withExtension(specifier, context.filename) ?? `${specifier}.js`;
      context.report({
        node: source,
        messageId: "missing",
        data: {specifier, fixed},
        fix: (fixer) => fixer.replaceText(source, JSON.stringify(fixed))
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source)
    };
  }
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist-*/",
      "src/.observablehq/",
      "bench/out/",
      "slides/",
      ".tmp/",
      "data/",
      "bin/",
      ".cache/"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {...globals.node, ...globals.browser}},
    plugins: {finsam: {rules: {"import-extension": importExtension}}},
    rules: {
      "finsam/import-extension": "error",
      // As TypeScript's noUnusedParameters: a parameter named _x is unused on purpose; {n, ...rest} drops n.
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", ignoreRestSiblings: true}],
      // `ok && run()` and `c ? a() : b()` as statements are idiomatic here.
      "@typescript-eslint/no-unused-expressions": ["error", {allowShortCircuit: true, allowTernary: true}],
      // The readers match control characters on purpose (SIE and CSV bytes, XLSX's forbidden characters).
      "no-control-regex": "off",
      // The readers of untyped JSON (JSON-stat, PxWeb) walk it as `any` and check each value's type as they go.
      "@typescript-eslint/no-explicit-any": "off"
    }
  }
);
