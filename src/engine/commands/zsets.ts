// Sorted set commands (t_zset.c).

import type { CommandSpec } from './types';

export const zsetCommands: CommandSpec[] = [];
