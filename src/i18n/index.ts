// Which language the page speaks: `?lang=ko|en` when given, otherwise the
// browser's language (Korean for any ko-* locale, English for everything
// else). A `lang` value we do not have is not silently ignored: the caller
// gets it back to show a note, in the language chosen instead.

import { en, type Messages } from './en';
import { ko } from './ko';

export type { Messages } from './en';

export const LANGUAGES = ['en', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];

const catalogues: Record<Lang, Messages> = { en, ko };

/** The name of each language in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

export interface LanguageChoice {
  lang: Lang;
  messages: Messages;
  /** The `?lang=` value that was not a language we have, if any. */
  rejected: string | null;
}

export function languageFromBrowser(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function chooseLanguage(search: string, navigatorLanguage: string | undefined): LanguageChoice {
  const fallback = languageFromBrowser(navigatorLanguage);
  const asked = new URLSearchParams(search).get('lang');
  if (asked === null) return { lang: fallback, messages: catalogues[fallback], rejected: null };
  const wanted = asked.trim().toLowerCase();
  if (isLang(wanted)) return { lang: wanted, messages: catalogues[wanted], rejected: null };
  return { lang: fallback, messages: catalogues[fallback], rejected: asked };
}

export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}
