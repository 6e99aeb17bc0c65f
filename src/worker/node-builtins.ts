// What the browser build gives the Lua VM (fengari) for the Node modules it
// requires: inert stand-ins. fengari only uses fs, path, os, crypto,
// child_process and tmp for Lua's io/os libraries and module loading on Node;
// Redis removes those libraries from scripts anyway. The few calls made while
// the modules load (os.platform() in luaconf, fs.constants in tmp) get
// harmless answers; nothing else is ever called in a browser. Without this
// stub the bundler leaves a throwing `require` shim (and a link to its
// documentation) in the engine worker.
const none = (): undefined => undefined;
export const platform = (): string => 'browser';
export const tmpdir = (): string => '/tmp';
export const constants: Record<string, unknown> = { errno: {} };
export const sep = '/';
export const resolve = (...parts: string[]): string => parts.join('/');
export const rmdirSync = none;
export const realpathSync = none;
export const openSync = none;
export const readSync = none;
export const closeSync = none;
export const randomBytes = none;
export const execSync = none;
const stub = { platform, tmpdir, constants, sep, resolve, rmdirSync, realpathSync, openSync, readSync, closeSync, randomBytes, execSync };
export default stub;
