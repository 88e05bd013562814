// Moved to node/ (it knows nothing of LSP); re-exported so analysis.ts, being rewritten on perf-keystroke, keeps its import.
export { workingOn } from '../node/workingOn.js';
