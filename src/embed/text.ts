// Texts of embedding (English and Korean): the Embed dialog, and the notes an
// embedded lab shows when its `?origin=` parameter names something that is
// not an origin.

import type { Lang } from '../i18n';
import type { OriginProblem } from './origins';

const en = {
  embed: 'Embed',
  embedTitle: 'Embed this lab in a course page',
  embedHelp: 'Paste this into your course page. The lab opens in compact form, and the script makes the frame as tall as the lab.',
  whatLabel: 'What the frame opens',
  whatLesson: (title: string) => `This lesson: ${title}`,
  whatTopology: 'This lab as it is now (nodes, commands and faults)',
  originLabel: 'Your course site’s origin',
  originHelp: 'Only pages from this origin may send the lab commands (replica-lab:load, command, step, state). Several: separate them with commas.',
  originBad: (value: string, why: string) => `“${value}” is not an origin: ${why}`,
  originNone: 'Give at least one origin, such as https://your-course.example.',
  snippetLabel: 'Snippet to paste',
  working: 'Making the snippet…',
  tooLong: 'This lab is too long to fit in a link (it has too many inputs). Go back to an earlier moment and branch, or embed a lesson instead.',
  copy: 'Copy snippet',
  copied: 'Copied.',
  copyFailed: 'Could not copy automatically: select the snippet and copy it.',
  close: 'Close',
  frameTitle: 'Replica Lab: Redis replication',
  docsHint: 'The message API and the Content-Security-Policy advice are in docs/embedding.md.',
  why: {
    wildcard: '“*” would let any page control the lab; name the course site’s origin',
    'null-origin': '“null” is the origin of every sandboxed frame and local file, so it cannot be trusted',
    'not-a-url': 'write it as scheme://host[:port], for example https://your-course.example',
    'not-http': 'only http:// and https:// pages can embed the lab',
    'has-path': 'an origin has no path: keep only scheme://host[:port]',
    'has-credentials': 'an origin has no user name or password',
  } satisfies Record<OriginProblem, string>,
  rejectedOrigin: (value: string, why: string) => `The embedding URL allows “${value}”, which is not an origin (${why}); messages from it are ignored.`,
};

const ko: typeof en = {
  embed: '임베드',
  embedTitle: '강의 페이지에 이 실험실 넣기',
  embedHelp: '이 코드를 강의 페이지에 붙여 넣으세요. 실험실이 간결한 화면으로 열리고, 스크립트가 프레임 높이를 실험실에 맞춥니다.',
  whatLabel: '프레임에 열 내용',
  whatLesson: (title: string) => `이 강의: ${title}`,
  whatTopology: '지금 이 실험실 그대로 (노드, 명령, 장애)',
  originLabel: '강의 사이트의 출처(origin)',
  originHelp: '이 출처의 페이지만 실험실에 메시지(replica-lab:load, command, step, state)를 보낼 수 있습니다. 여러 개는 쉼표로 구분하세요.',
  originBad: (value: string, why: string) => `“${value}”은(는) 출처가 아닙니다: ${why}`,
  originNone: '출처를 하나 이상 적으세요. 예: https://your-course.example',
  snippetLabel: '붙여 넣을 코드',
  working: '코드를 만드는 중…',
  tooLong: '이 실험실은 링크에 담기에는 너무 깁니다 (입력이 너무 많습니다). 이전 시점으로 돌아가 거기서 다시 시작하거나, 강의를 넣으세요.',
  copy: '코드 복사',
  copied: '복사했습니다.',
  copyFailed: '자동으로 복사하지 못했습니다. 코드를 선택해서 복사하세요.',
  close: '닫기',
  frameTitle: 'Replica Lab: Redis 복제',
  docsHint: '메시지 API와 Content-Security-Policy 설정 방법은 docs/embedding.md에 있습니다.',
  why: {
    wildcard: '“*”는 아무 페이지나 실험실을 조작하게 합니다. 강의 사이트의 출처를 적으세요',
    'null-origin': '“null”은 모든 샌드박스 프레임과 로컬 파일의 출처라서 믿을 수 없습니다',
    'not-a-url': 'scheme://host[:port] 형식으로 적으세요. 예: https://your-course.example',
    'not-http': 'http:// 와 https:// 페이지만 실험실을 넣을 수 있습니다',
    'has-path': '출처에는 경로가 없습니다. scheme://host[:port]만 남기세요',
    'has-credentials': '출처에는 사용자 이름이나 비밀번호가 없습니다',
  },
  rejectedOrigin: (value: string, why: string) => `임베드 URL이 허용한 “${value}”은(는) 출처가 아닙니다 (${why}). 여기서 오는 메시지는 무시합니다.`,
};

export const embedText: Record<Lang, typeof en> = { en, ko };
