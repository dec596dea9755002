/**
 * System programs some tests need (Debian packages; .ci/run installs them). A test that needs one it cannot
 * find is skipped, its title marked with the packages to install, and test/skip-reporter.js names every such
 * test in one line at the end of the run. With OGI_REQUIRE_TOOLS=1 (as .ci/run sets) a missing program fails
 * those tests instead. Nothing else is ever skipped: the reporter fails the run on any other skip.
 */
import { TOOLS, toolPath } from "./programs";
import type { Tool } from "./programs";

export { toolPath };

/** The marker a skipped test's title ends with; the reporter reads the packages from it. */
export const SKIP_MARK = "〔缺少系统程序，需安装 Debian 包：";

type Fn = () => unknown;

export interface ToolGate {
  /** Whether every program is here. */
  available: boolean;
  test(name: string, fn: Fn, timeout?: number): void;
  beforeAll(fn: Fn, timeout?: number): void;
  afterAll(fn: Fn, timeout?: number): void;
}

/** Tests and hooks that run only where the programs are (see the file comment for what happens elsewhere). */
export function needs(...tools: Tool[]): ToolGate {
  const missing = tools.filter((t) => !toolPath(t));
  if (!missing.length)
    return {
      available: true,
      test: (name, fn, timeout) => test(name, async () => void (await fn()), timeout),
      beforeAll: (fn, timeout) => beforeAll(async () => void (await fn()), timeout),
      afterAll: (fn, timeout) => afterAll(async () => void (await fn()), timeout),
    };
  const packages = [...new Set(missing.map((t) => TOOLS[t].pkg))];
  const none = () => undefined;
  if (process.env.OGI_REQUIRE_TOOLS === "1")
    return {
      available: false,
      test: (name) =>
        test(name, () => {
          throw new Error(
            `缺少 ${missing.map((t) => TOOLS[t].what).join("、")}（Debian 包 ${packages.join("、")}），` +
              `而 OGI_REQUIRE_TOOLS=1 要求它们在场：请运行 .ci/run 或 apt-get install ${packages.join(" ")}`,
          );
        }),
      beforeAll: none,
      afterAll: none,
    };
  return {
    available: false,
    test: (name) => test.skip(`${name} ${SKIP_MARK}${packages.join("、")}〕`, none),
    beforeAll: none,
    afterAll: none,
  };
}
