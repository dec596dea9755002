/** A unit's file as the pane's review names it: its path inside the folder picked, never more. */
import { shownName } from "./review";

const picked = (name: string, relative?: string): File => {
  const f = new File(["x"], name);
  if (relative !== undefined) Object.defineProperty(f, "webkitRelativePath", { value: relative });
  return f;
};

test.each([
  [picked("乙局.htm"), "乙局.htm"],
  [picked("乙局.htm", ""), "乙局.htm"],
  [picked("乙局.htm", "各单位年报/乙局.htm"), "乙局.htm"],
  [picked("乙局.htm", "各单位年报/街道/乙局.htm"), "街道/乙局.htm"],
])("%#: %s", (file, expected) => {
  expect(shownName(file)).toBe(expected);
});
