/** The task pane's first JavaScript, gzipped (scripts/bench/bundle.ts). Goal: ≤ 250 KB. */
import { bundleScenario } from "../bundle";

export default bundleScenario;
