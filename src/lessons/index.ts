// The course, in order. Each lesson is data (types.ts); this list is the
// lesson list the page shows and the order of next/previous.

import { whatIsReplication } from './course/01-what-is-replication';
import { replicasAreReadOnly } from './course/02-replicas-are-read-only';
import { theFirstSync } from './course/03-the-first-sync';
import { theReplicationStream } from './course/04-the-replication-stream';
import { asynchronousReplication } from './course/05-asynchronous-replication';
import { readingFromReplicas } from './course/06-reading-from-replicas';
import { replicasForBackup } from './course/07-replicas-for-backup';
import { linkDrops } from './course/08-link-drops';
import { persistenceOffTrap } from './course/09-persistence-off-trap';
import { manualFailover } from './course/10-manual-failover';
import { networkPitfalls } from './course/11-network-pitfalls';
import { labToContainers } from './course/12-lab-to-containers';
import type { Lesson } from './types';

export const LESSONS: Lesson[] = [whatIsReplication, replicasAreReadOnly, theFirstSync, theReplicationStream, asynchronousReplication, readingFromReplicas, replicasForBackup, linkDrops, persistenceOffTrap, manualFailover, networkPitfalls, labToContainers];
