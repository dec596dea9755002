// One line at the end of the run naming every test skipped for a missing system program and the Debian
// packages that bring them (see test/tools.ts); any other skipped test fails the run, since nothing else is
// ever skipped.
const MARK = "〔缺少系统程序，需安装 Debian 包：";

class SkipReporter {
  constructor(globalConfig) {
    this.error = undefined;
    // Tests left out by -t (a name filter) are the developer's choice, not a skip.
    this.filtered = Boolean(globalConfig && globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    const skipped = [];
    const packages = new Set();
    const other = [];
    for (const file of results.testResults)
      for (const t of file.testResults) {
        if (t.status !== "pending" && t.status !== "skipped" && t.status !== "todo") continue;
        const at = t.title.indexOf(MARK);
        if (at < 0) {
          other.push(t.fullName);
          continue;
        }
        skipped.push(t.title.slice(0, at).trim());
        for (const p of t.title
          .slice(at + MARK.length)
          .replace(/〕$/, "")
          .split("、"))
          packages.add(p);
      }
    if (skipped.length)
      console.log(
        `\n跳过 ${skipped.length} 个需要系统程序的测试（安装 Debian 包 ${[...packages].join("、")} 后即可运行；` +
          `设 OGI_REQUIRE_TOOLS=1 时它们会失败而不是跳过）：${skipped.map((s) => `「${s}」`).join("、")}`,
      );
    if (other.length && !this.filtered) {
      this.error = new Error(`除缺少系统程序外，不允许跳过测试：${other.join("；")}`);
      console.log(`\n${this.error.message}`);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SkipReporter;
