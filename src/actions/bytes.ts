/** A picked file's bytes, the same for every action that reads one. */
import { inputKind, sizeProblem } from "../load/limits";
import type { InputKind } from "../load/limits";

/** A picked file's bytes, refused before reading when it is larger than its kind allows. */
export async function bytesOf(file: File, kind: InputKind = inputKind(file.name)): Promise<Uint8Array> {
  const problem = sizeProblem(file.name, file.size, kind);
  if (problem) throw new Error(problem);
  return new Uint8Array(await file.arrayBuffer());
}
