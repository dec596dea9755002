/**
 * The review's figures in a process of their own (`review` runs as one): reviewMs100 and readPdfMs, printed as
 * the closing JSON line for bench.ts. Run alone: npm run build:cli && node dist/bench/reviewrun.js
 */
import { reviewFigures } from "./review";

async function main(): Promise<void> {
  const out: Record<string, number | string> = {};
  await reviewFigures(out);
  console.log(JSON.stringify(out));
}

void main();
