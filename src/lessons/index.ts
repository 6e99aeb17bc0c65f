// The course, in order. Each lesson is data (types.ts); this list is the
// lesson list the page shows and the order of next/previous.

import { whatIsReplication } from './course/01-what-is-replication';
import type { Lesson } from './types';

export const LESSONS: Lesson[] = [whatIsReplication];
