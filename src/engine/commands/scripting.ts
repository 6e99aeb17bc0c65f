// EVAL and SCRIPT (eval.c, script_lua.c).

import type { CommandSpec } from './types';

export const scriptingCommands: CommandSpec[] = [];
