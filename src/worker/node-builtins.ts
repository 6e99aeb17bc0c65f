// What the browser build gives the Lua VM (fengari) for the Node modules it
// requires: nothing. fengari only uses fs, path, os, crypto, child_process and
// tmp for Lua's io/os libraries and module loading on Node; Redis removes
// those libraries from scripts anyway, and in a browser fengari never calls
// them. Without this stub the bundler leaves a throwing `require` shim (and a
// link to its documentation) in the engine worker.
const empty: Record<string, never> = {};
export default empty;
