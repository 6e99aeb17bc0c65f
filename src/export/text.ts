// Texts of the export dialog, in English and Korean. The comments inside the
// exported files are in fileText.ts.

import type { Lang } from '../i18n';

const en = {
  /** The toolbar button that opens the dialog. */
  openButton: 'Export',
  title: 'Export to real Redis',
  intro: "These files run the lab's nodes as real Redis 7.0 servers with Docker. Download them into one folder, then run:",
  command: 'docker compose up -d',
  working: 'Reading the topology…',
  failed: (detail: string): string => `The topology could not be read: ${detail}`,
  timeout: 'The engine did not answer. Close this dialog and try again.',
  empty: 'There are no Redis nodes to export.',
  sentinels: 'Sentinels are not exported: the files hold the Redis nodes only.',
  nodesTitle: 'Nodes',
  nodeLine: (service: string, role: string, port: number): string => `${service}: ${role}, port ${port} on your machine`,
  roleMaster: 'master',
  roleReplica: (master: string): string => `replica of ${master}`,
  renamed: (name: string): string => `called ${name} in the lab (a service name allows only a–z, 0–9 and -)`,
  leftOut: (names: string): string => `left out: ${names} (see the end of its file)`,
  filesLabel: 'Files',
  download: (file: string): string => `Download ${file}`,
  copy: (file: string): string => `Copy ${file}`,
  copied: (file: string): string => `${file} copied.`,
  copyFailed: 'Copying is not allowed here: the text is selected, press Ctrl+C (⌘C on a Mac).',
  close: 'Close',
};

export type ExportText = typeof en;

const ko: ExportText = {
  openButton: '내보내기',
  title: '실제 Redis로 내보내기',
  intro: '이 파일들은 실습의 노드를 Docker에서 실제 Redis 7.0 서버로 실행합니다. 한 폴더에 내려받은 뒤 다음을 실행하세요.',
  command: 'docker compose up -d',
  working: '토폴로지를 읽는 중…',
  failed: (detail: string): string => `토폴로지를 읽지 못했습니다: ${detail}`,
  timeout: '엔진이 응답하지 않았습니다. 이 창을 닫고 다시 시도하세요.',
  empty: '내보낼 Redis 노드가 없습니다.',
  sentinels: 'Sentinel은 내보내지 않습니다. 파일에는 Redis 노드만 들어 있습니다.',
  nodesTitle: '노드',
  nodeLine: (service: string, role: string, port: number): string => `${service}: ${role}, 내 컴퓨터의 포트 ${port}`,
  roleMaster: '마스터',
  roleReplica: (master: string): string => `${master}의 레플리카`,
  renamed: (name: string): string => `실습에서의 이름은 ${name} (서비스 이름에는 a–z, 0–9, -만 쓸 수 있습니다)`,
  leftOut: (names: string): string => `제외한 설정: ${names} (파일 끝에 이유가 있습니다)`,
  filesLabel: '파일',
  download: (file: string): string => `${file} 내려받기`,
  copy: (file: string): string => `${file} 복사`,
  copied: (file: string): string => `${file} 파일을 복사했습니다.`,
  copyFailed: '여기서는 복사할 수 없습니다. 텍스트를 선택해 두었으니 Ctrl+C(Mac은 ⌘C)를 누르세요.',
  close: '닫기',
};

export const exportText: Record<Lang, ExportText> = { en, ko };
