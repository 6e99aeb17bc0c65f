// Short texts for the diagram: byte counts, lag, and the label a message
// carries on the wire (`SET k v · 27 B`, `ACK 1234`, `+FULLRESYNC`). Units and
// Redis' words are the same in every language, so these need no catalogue.

import type { MsgKind } from '../../engine/trace';

/** 27 B, 16.0 KB, 3.2 MB (powers of 1024, as Redis' INFO *_human fields). */
export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1024) return `${Math.round(n)} B`;
  if (abs < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (abs < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** Lag as seconds with one decimal (INFO shows whole seconds; the diagram can be finer). */
export function formatLag(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

const MAX_LABEL = 26;

function clip(text: string, max = MAX_LABEL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The label of a message in flight. A propagated command shows what it is and
 * its size in the stream (its offset contribution); an ACK shows the offset it
 * acknowledges; handshake steps show the word Redis uses for them.
 */
export function messageLabel(kind: MsgKind, text: string, bytes: number): string {
  switch (kind) {
    case 'stream':
    case 'ping':
    case 'newline':
      return `${clip(text)} · ${bytes} B`;
    case 'ack':
    case 'getack':
      return text.startsWith('REPLCONF ') ? text.slice('REPLCONF '.length) : clip(text);
    case 'rdb':
      return clip(text, 32);
    case 'handshake':
      return handshakeLabel(text);
    default:
      return clip(text);
  }
}

function handshakeLabel(text: string): string {
  // +FULLRESYNC <replid> <offset> and +CONTINUE <replid>: the id is 40 hex digits nobody reads in flight.
  if (text.startsWith('+FULLRESYNC')) return '+FULLRESYNC';
  if (text.startsWith('+CONTINUE')) return '+CONTINUE';
  if (text.startsWith('REPLCONF ')) {
    const words = text.split(' ');
    return words.length > 2 ? `REPLCONF ${words[1]}…` : text;
  }
  return clip(text);
}

/** The first word of an error reply (READONLY, MASTERDOWN, NOREPLICAS …). */
export function errorCode(error: string): string {
  const word = error.replace(/^-/, '').split(' ')[0];
  return word || error;
}
