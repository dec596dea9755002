/**
 * The project's Node floor (package.json engines) is one every installed package accepts, so `npm ci` on that
 * Node neither warns EBADENGINE nor installs code written for a later Node. docx 9.15 asks for nanoid 6 (Node
 * 22+) although it bundles nanoid's code, and webpack-cli 7 asks for rechoir 1 (Node 22.15+) only for configs
 * not written in JavaScript: package.json's overrides pin the versions that run on Node 20.
 */
import { readFileSync } from "fs";
import path from "path";
import semver from "semver";

const root = path.resolve(__dirname, "..");
const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), "utf8")) as Record<string, unknown>;

test("every package in the lockfile accepts the project's lowest Node", () => {
  const engines = read("package.json").engines as { node: string };
  const floor = semver.minVersion(engines.node)?.version ?? "";
  expect(floor).toMatch(/^20\./);
  const packages = read("package-lock.json").packages as Record<
    string,
    { engines?: { node?: string } | string[] }
  >;
  const refusing = Object.entries(packages)
    .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
    .filter(([, p]) => !semver.satisfies(floor, (p.engines as { node: string }).node))
    .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
  expect(refusing).toEqual([]);
});
