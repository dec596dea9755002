/** The report engine: pure TypeScript, no Office, DOM or Node imports. */
export * from "./formats";
export * from "./cells";
export * from "./dates";
export * from "./text";
export * from "./vocab";
export * from "./registers";
export * from "./tables";
export * from "./applications";
export * from "./cases";
export * from "./active";
export * from "./info";
export * from "./checks";
export * from "./sentences";
export * from "./compile";
export * from "./sample";
