// 한국어 텍스트. Keys and signatures come from the English catalogue (Messages).
// Redis' own words (master, replica, offset) stay recognisable next to the
// Korean, because learners will meet them in redis-cli and in Redis' docs.

import type { Messages } from './en';

export const ko: Messages = {
  title: 'Replica Lab',
  tagline: 'Redis 7.0 복제를 지켜보고 직접 망가뜨려 보세요. 시뮬레이션된 마스터와 레플리카가 브라우저 안에서 실행됩니다.',
  languageNav: '언어',
  toolbar: '실험실 도구',
  starting: '시뮬레이션을 시작하는 중…',
  engineFailed: (detail: string): string =>
    `시뮬레이션을 시작하지 못했거나 동작이 멈췄습니다 (${detail}). 페이지를 새로 고쳐 다시 시도하세요. 계속 실패하면 모듈 Web Worker를 지원하는 최신 Chrome, Edge, Firefox, Safari를 사용하세요.`,
  noAnswer: '20초 안에 응답이 없음',
  scriptFailed: '엔진 스크립트를 불러오지 못함',
  engineError: (detail: string): string => `시뮬레이션이 문제를 알렸습니다: ${detail}`,
  pageFailed: (detail: string): string => `페이지를 그리는 중에 문제가 생겼습니다 (${detail}). 페이지를 새로 고쳐 다시 시작하세요.`,
  badLang: (value: string): string => `?lang=에 지정한 언어 "${value}"는 지원하지 않으므로 한국어로 표시합니다. ?lang=ko 또는 ?lang=en을 사용하세요.`,
  badSeed: (value: string): string => `?seed=의 값 "${value}"는 0부터 4294967295 사이의 정수가 아니므로 시드 1을 사용합니다.`,
  badTheme: (value: string): string => `?theme=의 값 "${value}"는 light나 dark가 아니므로 시스템 테마를 사용합니다.`,
  scenarioTooLong: (chars: number): string => `링크에 담긴 시나리오가 ${chars}자로, 링크로 읽을 수 있는 길이를 넘습니다. 기본 실험실을 보여 줍니다.`,
  sessionTooLong: (chars: number): string => `링크에 담긴 공유 세션이 ${chars}자로, 실험실이 만든 링크라고 보기에는 너무 깁니다. 기본 실험실을 보여 줍니다.`,
  sessionBad: (detail: string): string => `링크에 담긴 공유 세션을 읽을 수 없습니다 (${detail}). 기본 실험실을 보여 줍니다. 링크 전체를 다시 복사해 달라고 요청하세요.`,
  viewNav: '보기',
  viewTopology: '토폴로지',
  viewSpacetime: '시공간 다이어그램',
  share: '공유',
  shareTitle: '이 세션 공유하기',
  shareHelp: '이 링크를 여는 사람은 지금 이 순간의 세션을 그대로 봅니다. 같은 노드, 같은 명령, 같은 장애입니다.',
  shareCopy: '링크 복사',
  shareCopied: '복사했습니다.',
  shareCopyFailed: '자동으로 복사하지 못했습니다. 링크를 선택해서 복사하세요.',
  shareTooLong: '이 세션은 링크에 담기에는 너무 깁니다 (입력이 너무 많습니다). 이전 시점으로 돌아가 거기서 다시 시작하거나 새 실험실을 여세요.',
  shareWorking: '링크를 만드는 중…',
  close: '닫기',
  themeToDark: '어두운 테마',
  themeToLight: '밝은 테마',
  dismiss: '닫기',
  stageLabel: '시뮬레이션된 노드',
  sideLabel: '콘솔과 INFO',
};
