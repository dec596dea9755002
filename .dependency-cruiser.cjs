/**
 * dependency-cruiser: no import circle anywhere in src/, type-only imports included (tsPreCompilationDeps), so a
 * module that only names another's type still may not be named back. Run by `npm run lint` and by
 * test/cycles.test.ts; the walls between layers and between the engine's rooms are ESLint's (eslint.config.mjs).
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "导入不得成环：把双方共用的类型或函数放到双方都能引用的地方。",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".json"] },
  },
};
