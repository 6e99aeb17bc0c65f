// Texts of the playback bar, the timeline, the branch dialog and the
// space-time diagram, in English and Korean. Redis' own words (master,
// replica, full sync, PSYNC) stay recognisable in both.

import type { Lang } from '../../i18n';

const en = {
  /** A virtual time as people read it: `secs` is "12.345". */
  seconds: (secs: string): string => `${secs} s`,

  // Playback bar
  playbackGroup: 'Playback',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepTitle: 'Go to the next moment something happens',
  speed: 'Speed',
  timeLabel: 'Simulated time',
  live: 'LIVE',
  liveTitle: 'You are watching the newest moment',
  viewingPast: 'Viewing the past',
  goLive: 'Go live',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  shortcutList: [
    ['Space', 'Play or pause (not while typing)'],
    ['. / →', 'Step to the next event'],
    ['[ / ]', 'Slower / faster'],
    ['← / →', 'On the timeline: 100 ms back / forward'],
    ['PgDn / PgUp', 'On the timeline: 1 s back / forward'],
    ['Home / End', 'On the timeline: the start / the newest moment'],
  ] as readonly (readonly [string, string])[],

  // Timeline
  timeline: 'Timeline',
  timelineValue: (now: string, end: string, live: boolean): string => `${now} of ${end}${live ? ', live' : ''}`,
  markersGroup: 'Events on the timeline (arrow keys move between them)',
  legend: 'Legend',
  yourActions: 'Your actions',
  engineEvents: 'What Redis did',
  moreMarks: (n: number): string => `…and ${n} more`,
  groupTitle: (n: number, at: string): string => `${n} events around ${at}`,

  // Marker kinds (legend)
  kind: {
    command: 'command',
    fault: 'crash / restart',
    topology: 'node added / removed',
    network: 'network change',
    'sync-full': 'full sync',
    'sync-partial': 'partial resync',
    role: 'role change',
    down: 'node down',
    up: 'node up',
    rejected: 'rejected command',
  },

  // Marker labels (what the person did)
  crash: (node: string): string => `crash ${node}`,
  restart: (node: string): string => `restart ${node}`,
  wipeDisk: (node: string): string => `wipe the disk of ${node}`,
  addNode: (node: string): string => `add node ${node}`,
  addSentinel: (node: string): string => `add sentinel ${node}`,
  removeNode: (node: string): string => `remove ${node}`,
  cut: (a: string, b: string): string => `cut the link ${a}–${b}`,
  heal: (a: string, b: string): string => `heal the link ${a}–${b}`,
  linkProps: (a: string, b: string, props: string): string => `link ${a}–${b}: ${props}`,
  defaultLink: (props: string): string => `network default: ${props}`,
  latency: (ms: number): string => `latency ${ms} ms`,
  bandwidth: (bytesPerMs: number): string => (bytesPerMs === 0 ? 'unlimited bandwidth' : `${bytesPerMs} B/ms`),
  loss: (p: number): string => `loss ${Math.round(p * 100)}%`,
  partition: (groups: string): string => `partition ${groups}`,
  reset: (a: string, b: string): string => `reset connections ${a}–${b}`,
  healAll: 'heal every link',

  // Marker and diagram labels (what Redis did)
  fullSync: (master: string, replica: string): string => `full sync ${master} → ${replica}`,
  partialSync: (master: string, replica: string): string => `partial resync ${master} → ${replica}`,
  becameMaster: (node: string): string => `${node} is now a master`,
  becameReplica: (node: string, master: string | null): string => `${node} is now a replica${master ? ` of ${master}` : ''}`,
  nodeDown: (node: string): string => `${node} down`,
  nodeUp: (node: string): string => `${node} up`,
  rejected: (node: string, cmd: string, error: string): string => `${node} rejected ${cmd}: ${error}`,
  linkState: (node: string, state: string): string => `${node} link: ${state}`,

  // Short labels on a lane of the space-time diagram (the lane names the node)
  laneMaster: 'master',
  laneReplica: (master: string | null): string => (master ? `replica of ${master}` : 'replica'),
  laneDown: 'down',
  laneUp: 'up',
  laneLink: (state: string): string => `link ${state}`,
  laneFullSync: (replica: string): string => `full sync → ${replica}`,
  lanePartialSync: (replica: string): string => `partial resync → ${replica}`,
  laneRejected: (cmd: string): string => `rejected ${cmd}`,

  // Branch dialog
  branchTitle: 'Start a new history?',
  branchBody: (at: string, n: number): string =>
    `You are looking at ${at}. Acting here starts a new history from this moment: everything after it (${n === 0 ? 'none of your inputs' : n === 1 ? '1 input' : `${n} inputs`}) is discarded.`,
  branchContinue: 'Continue from here',
  branchCancel: 'Cancel',

  // Space-time diagram
  diagram: 'Space-time diagram',
  diagramDescription: (lanes: string): string =>
    `Messages between ${lanes} as arrows from sender to receiver; time flows downward and the line marks now. Click or drag to move in time, or use the timeline. The latest messages are listed below as text.`,
  zoomIn: 'Zoom in (shorter window)',
  zoomOut: 'Zoom out (longer window)',
  windowSize: (secs: string): string => `Window: ${secs} s`,
  now: 'now',
  tooMany: (shown: number, total: number): string => `Showing the ${shown} messages nearest to now of ${total}.`,
  recentCaption: 'The latest messages in the window',
  recentNone: 'No messages in this window.',
  msgLine: (from: string, to: string, text: string, bytes: number, at: string, dropped: boolean): string =>
    `${from} → ${to} ${text} ${bytes} B at ${at}${dropped ? ' (dropped)' : ''}`,
  msgTip: (from: string, to: string, text: string, bytes: number, sent: string, end: string, dropped: boolean): string =>
    `${from} → ${to}: ${text} (${bytes} B), sent ${sent}, ${dropped ? 'dropped' : 'delivered'} ${end}`,
  msgKinds: {
    stream: 'replication stream',
    ack: 'REPLCONF ACK',
    handshake: 'handshake',
    rdb: 'RDB transfer',
    ping: 'keep-alive',
  },
  droppedLegend: 'dropped',
  roleMaster: 'master',
  roleReplica: 'replica',
  roleSentinel: 'sentinel',
  roleDown: 'down',
};

export type TimelineText = typeof en;

const ko: TimelineText = {
  seconds: (secs) => `${secs}초`,

  playbackGroup: '재생',
  play: '재생',
  pause: '일시 정지',
  step: '한 단계',
  stepTitle: '다음에 무언가 일어나는 순간으로 이동합니다',
  speed: '속도',
  timeLabel: '시뮬레이션 시간',
  live: '실시간',
  liveTitle: '가장 최근 순간을 보고 있습니다',
  viewingPast: '과거를 보는 중',
  goLive: '실시간으로',
  shortcuts: '키보드 단축키',
  close: '닫기',
  shortcutList: [
    ['Space', '재생 / 일시 정지 (입력 중이 아닐 때)'],
    ['. / →', '다음 이벤트로 한 단계 이동'],
    ['[ / ]', '느리게 / 빠르게'],
    ['← / →', '타임라인에서 100ms 뒤로 / 앞으로'],
    ['PgDn / PgUp', '타임라인에서 1초 뒤로 / 앞으로'],
    ['Home / End', '타임라인의 처음 / 가장 최근 순간으로'],
  ],

  timeline: '타임라인',
  timelineValue: (now, end, live) => `${end} 중 ${now}${live ? ', 실시간' : ''}`,
  markersGroup: '타임라인의 이벤트 (화살표 키로 이동)',
  legend: '범례',
  yourActions: '내가 한 일',
  engineEvents: 'Redis가 한 일',
  moreMarks: (n) => `…외 ${n}개`,
  groupTitle: (n, at) => `${at} 부근의 이벤트 ${n}개`,

  kind: {
    command: '명령',
    fault: '크래시 / 재시작',
    topology: '노드 추가 / 제거',
    network: '네트워크 변경',
    'sync-full': '전체 동기화',
    'sync-partial': '부분 재동기화',
    role: '역할 변경',
    down: '노드 중지',
    up: '노드 시작',
    rejected: '거부된 명령',
  },

  crash: (node) => `${node} 크래시`,
  restart: (node) => `${node} 재시작`,
  wipeDisk: (node) => `${node} 디스크 삭제`,
  addNode: (node) => `노드 ${node} 추가`,
  addSentinel: (node) => `Sentinel ${node} 추가`,
  removeNode: (node) => `${node} 제거`,
  cut: (a, b) => `${a}–${b} 연결 끊기`,
  heal: (a, b) => `${a}–${b} 연결 복구`,
  linkProps: (a, b, props) => `${a}–${b} 연결: ${props}`,
  defaultLink: (props) => `기본 네트워크: ${props}`,
  latency: (ms) => `지연 ${ms}ms`,
  bandwidth: (bytesPerMs) => (bytesPerMs === 0 ? '대역폭 무제한' : `${bytesPerMs} B/ms`),
  loss: (p) => `손실 ${Math.round(p * 100)}%`,
  partition: (groups) => `네트워크 분할 ${groups}`,
  reset: (a, b) => `${a}–${b} 연결 재설정`,
  healAll: '모든 연결 복구',

  fullSync: (master, replica) => `전체 동기화 ${master} → ${replica}`,
  partialSync: (master, replica) => `부분 재동기화 ${master} → ${replica}`,
  becameMaster: (node) => `${node} 마스터로 전환`,
  becameReplica: (node, master) => (master ? `${node} ${master}의 레플리카로 전환` : `${node} 레플리카로 전환`),
  nodeDown: (node) => `${node} 중지`,
  nodeUp: (node) => `${node} 시작`,
  rejected: (node, cmd, error) => `${node}에서 ${cmd} 거부됨: ${error}`,
  linkState: (node, state) => `${node} 연결 상태: ${state}`,

  laneMaster: '마스터',
  laneReplica: (master) => (master ? `${master}의 레플리카` : '레플리카'),
  laneDown: '중지',
  laneUp: '시작',
  laneLink: (state) => `연결 ${state}`,
  laneFullSync: (replica) => `전체 동기화 → ${replica}`,
  lanePartialSync: (replica) => `부분 재동기화 → ${replica}`,
  laneRejected: (cmd) => `${cmd} 거부`,

  branchTitle: '새 기록을 시작할까요?',
  branchBody: (at, n) =>
    `지금 ${at} 시점을 보고 있습니다. 여기서 무언가를 하면 이 순간부터 새 기록이 시작되고, 이후의 모든 것(입력 ${n}개)은 버려집니다.`,
  branchContinue: '여기서 계속하기',
  branchCancel: '취소',

  diagram: '시공간 다이어그램',
  diagramDescription: (lanes) =>
    `${lanes} 사이의 메시지를 보낸 노드에서 받는 노드로 향하는 화살표로 보여 줍니다. 시간은 위에서 아래로 흐르고, 가로선이 현재 시점입니다. 클릭하거나 끌어서 시간을 이동하거나 타임라인을 사용하세요. 최근 메시지는 아래에 텍스트로 나열됩니다.`,
  zoomIn: '확대 (더 짧은 구간)',
  zoomOut: '축소 (더 긴 구간)',
  windowSize: (secs) => `구간: ${secs}초`,
  now: '현재',
  tooMany: (shown, total) => `메시지 ${total}개 중 현재와 가장 가까운 ${shown}개를 보여 줍니다.`,
  recentCaption: '이 구간의 최근 메시지',
  recentNone: '이 구간에는 메시지가 없습니다.',
  msgLine: (from, to, text, bytes, at, dropped) => `${from} → ${to} ${text} ${bytes} B, ${at}${dropped ? ' (유실됨)' : ''}`,
  msgTip: (from, to, text, bytes, sent, end, dropped) =>
    `${from} → ${to}: ${text} (${bytes} B), ${sent}에 보냄, ${end}에 ${dropped ? '유실됨' : '도착'}`,
  msgKinds: {
    stream: '복제 스트림',
    ack: 'REPLCONF ACK',
    handshake: '핸드셰이크',
    rdb: 'RDB 전송',
    ping: '연결 유지',
  },
  droppedLegend: '유실됨',
  roleMaster: '마스터',
  roleReplica: '레플리카',
  roleSentinel: 'Sentinel',
  roleDown: '중지됨',
};

export const timelineText: Record<Lang, TimelineText> = { en, ko };
