// Playback, time travel and the space-time view: the components the page
// composes (none takes props; they read the lab store).

export { BranchDialog } from './BranchDialog';
export { PlaybackBar } from './PlaybackBar';
export { SpaceTimeDiagram } from './SpaceTimeDiagram';
export { Timeline } from './Timeline';
