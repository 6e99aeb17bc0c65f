// 한국어 텍스트. Keys and signatures come from the English catalogue (Messages).
// Redis' own words (master, replica, offset) stay recognisable next to the
// Korean, because learners will meet them in redis-cli and in Redis' docs.

import type { Messages } from './en';

export const ko: Messages = {
  title: 'Replica Lab',
  tagline:
    '브라우저 안에서 시뮬레이션된 Redis 7.0 마스터(m) 하나와 레플리카(r1, r2) 둘이 실행됩니다. 아무 노드에나 명령을 보내고 복제가 그 명령을 전달하는 모습을 지켜보세요.',
  languageNav: '언어',
  nodesHeading: '노드',
  roleMaster: '마스터',
  roleReplica: '레플리카',
  offsetLabel: '오프셋',
  linkLabel: '마스터 연결',
  nodeDown: '중지됨',
  consoleHeading: '명령 보내기',
  nodeField: '노드',
  commandField: '명령',
  commandHint: 'redis-cli처럼 입력합니다. 예: SET greeting hello, GET greeting, INFO replication, ROLE',
  send: '보내기',
  repliesHeading: '응답 (최신 순)',
  noReplies: '아직 보낸 명령이 없습니다.',
  waiting: '응답을 기다리는 중…',
  starting: '시뮬레이션을 시작하는 중…',
  emptyCommand: '먼저 명령을 입력하세요. 예: PING',
  badArguments: '인수가 올바르지 않습니다. 따옴표와 \\x 이스케이프를 확인하세요.',
  engineFailed: (detail: string): string =>
    `시뮬레이션을 시작하지 못했거나 동작이 멈췄습니다 (${detail}). 페이지를 새로 고쳐 다시 시도하세요. 계속 실패하면 모듈 Web Worker를 지원하는 최신 Chrome, Edge, Firefox, Safari를 사용하세요.`,
  noAnswer: '20초 안에 응답이 없음',
  scriptFailed: '엔진 스크립트를 불러오지 못함',
  engineError: (detail: string): string => `시뮬레이션이 문제를 알렸습니다: ${detail}`,
  pageFailed: (detail: string): string => `페이지를 그리는 중에 문제가 생겼습니다 (${detail}). 페이지를 새로 고쳐 다시 시작하세요.`,
  badLang: (value: string): string => `?lang=에 지정한 언어 "${value}"는 지원하지 않으므로 한국어로 표시합니다. ?lang=ko 또는 ?lang=en을 사용하세요.`,
  badSeed: (value: string): string => `?seed=의 값 "${value}"는 0부터 4294967295 사이의 정수가 아니므로 시드 1을 사용합니다.`,
};
