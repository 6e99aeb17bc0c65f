// Texts of the import dialog, in English and Korean. The findings carry their
// own text (messages.ts); this is the dialog around them.

import type { Lang } from '../i18n';

const en = {
  /** The toolbar button that opens the dialog. */
  open: 'Import…',
  openTitle: 'Start the lab from a docker-compose file or redis.conf',
  title: 'Import a configuration',
  help: 'Paste a docker-compose file or a redis.conf, or choose files (several redis.conf files make one node each; a compose file can come with the redis.conf files it mounts). Nothing leaves your browser.',
  pasted: 'Pasted text',
  placeholder: 'services:\n  redis-master:\n    image: redis:7.0.15\n  redis-replica:\n    image: redis:7.0.15\n    command: redis-server --replicaof redis-master 6379',
  chooseFiles: 'Choose files…',
  remove: (name: string): string => `Remove ${name}`,
  addPaste: 'Add pasted text',
  fileTooLarge: (name: string, kb: number): string => `${name} is ${kb} KB; the importer reads at most 256 KB, so it was not read.`,
  fileUnreadable: (name: string): string => `${name} could not be read.`,
  reading: 'Reading…',
  readAs: { compose: 'Read as a docker-compose file', 'redis-conf': 'Read as redis.conf', unknown: 'Not read' } as Record<'compose' | 'redis-conf' | 'unknown', string>,
  findings: 'What the importer found',
  noFindings: 'Nothing to point out.',
  counts: (errors: number, warnings: number, infos: number): string =>
    [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '', infos ? `${infos} note${infos === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(', ') || 'no findings',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<'error' | 'warning' | 'info', string>,
  line: (n: number): string => `line ${n}`,
  wholeFile: 'whole input',
  goToLine: (where: string): string => `Show ${where} in the text`,
  preview: 'Topology',
  noNodes: 'No nodes yet.',
  master: 'master',
  replicaOf: (m: string): string => `replica of ${m}`,
  defaults: 'Redis defaults',
  load: 'Load into the lab',
  loadBlocked: 'Fix the errors above to load this topology.',
  engineNotReady: 'The lab is still starting.',
  close: 'Close',
  loaderFailed: 'The importer could not be loaded. Check your connection and try again.',
};

export type ImportText = typeof en;

const ko: ImportText = {
  open: '가져오기…',
  openTitle: 'docker-compose 파일이나 redis.conf로 실습실 시작하기',
  title: '설정 가져오기',
  help: 'docker-compose 파일이나 redis.conf를 붙여 넣거나 파일을 고르세요 (redis.conf는 파일마다 노드 하나가 되고, compose 파일은 마운트하는 redis.conf와 함께 가져올 수 있습니다). 내용은 브라우저 밖으로 나가지 않습니다.',
  pasted: '붙여 넣은 텍스트',
  placeholder: en.placeholder,
  chooseFiles: '파일 고르기…',
  remove: (name) => `${name} 빼기`,
  addPaste: '붙여 넣을 칸 추가',
  fileTooLarge: (name, kb) => `${name}는 ${kb} KB입니다. 가져오기는 최대 256 KB까지 읽으므로 읽지 않았습니다.`,
  fileUnreadable: (name) => `${name}를 읽을 수 없습니다.`,
  reading: '읽는 중…',
  readAs: { compose: 'docker-compose 파일로 읽음', 'redis-conf': 'redis.conf로 읽음', unknown: '읽지 않음' },
  findings: '가져오면서 찾은 것',
  noFindings: '짚을 것이 없습니다.',
  counts: (errors, warnings, infos) =>
    [errors ? `오류 ${errors}개` : '', warnings ? `경고 ${warnings}개` : '', infos ? `참고 ${infos}개` : ''].filter(Boolean).join(', ') || '찾은 것 없음',
  severity: { error: '오류', warning: '경고', info: '참고' },
  line: (n) => `${n}번째 줄`,
  wholeFile: '입력 전체',
  goToLine: (where) => `텍스트에서 ${where} 보기`,
  preview: '토폴로지',
  noNodes: '아직 노드가 없습니다.',
  master: '마스터',
  replicaOf: (m) => `${m}의 레플리카`,
  defaults: 'Redis 기본값',
  load: '실습실에 불러오기',
  loadBlocked: '이 토폴로지를 불러오려면 위의 오류를 고치세요.',
  engineNotReady: '실습실이 아직 시작하는 중입니다.',
  close: '닫기',
  loaderFailed: '가져오기 모듈을 불러오지 못했습니다. 연결을 확인하고 다시 시도하세요.',
};

export const importText: Record<Lang, ImportText> = { en, ko };
