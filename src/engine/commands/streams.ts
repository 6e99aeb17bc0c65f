// Stream commands (t_stream.c).

import type { CommandSpec } from './types';

export const streamCommands: CommandSpec[] = [];
